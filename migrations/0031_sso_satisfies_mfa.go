package migrations

// sso_satisfies_mfa: whether a sign-in through the bank's identity provider
// (OIDC or LDAP) counts as the second factor the bank requires for some
// roles. NULL is the default, yes: a bank's IdP enforces its own second
// factor, as banks' AD and IdP setups do; a bank that says no gets the same
// TOTP step after SSO as after a password.
func ssoSatisfiesMFASchema(d Dialect) []string {
	return renderAll(d,
		`ALTER TABLE sign_in_policies ADD COLUMN sso_satisfies_mfa {BOOL}`,
	)
}
