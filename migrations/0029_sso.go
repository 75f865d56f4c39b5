package migrations

// sso: a bank's single sign-on, one row per bank. OpenID Connect (issuer,
// client, the claim carrying the employee code) and LDAP/AD bind (server,
// a bind DN template or a search base with a service account, the attribute
// carrying the employee code). The two secrets are write-only through the
// API; a user is matched by employee code and never created by a sign-in.
func ssoSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE sso_configs (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id) PRIMARY KEY,
			oidc_enabled {BOOL} NOT NULL DEFAULT FALSE,
			oidc_issuer VARCHAR(500) NOT NULL DEFAULT '',
			oidc_client_id VARCHAR(200) NOT NULL DEFAULT '',
			oidc_client_secret VARCHAR(500) NOT NULL DEFAULT '',
			oidc_code_claim VARCHAR(100) NOT NULL DEFAULT '',
			ldap_enabled {BOOL} NOT NULL DEFAULT FALSE,
			ldap_url VARCHAR(500) NOT NULL DEFAULT '',
			ldap_start_tls {BOOL} NOT NULL DEFAULT FALSE,
			ldap_bind_dn_template VARCHAR(500) NOT NULL DEFAULT '',
			ldap_search_base VARCHAR(500) NOT NULL DEFAULT '',
			ldap_login_attribute VARCHAR(100) NOT NULL DEFAULT '',
			ldap_service_dn VARCHAR(500) NOT NULL DEFAULT '',
			ldap_service_password VARCHAR(500) NOT NULL DEFAULT '',
			ldap_code_attribute VARCHAR(100) NOT NULL DEFAULT '',
			updated_at {TS} NOT NULL
		)`,
	)
}
