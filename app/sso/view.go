package sso

import "time"

// SSOSettings is a bank's configuration as the API shows it (and the audit log
// records it): each secret only as whether one is set.
type SSOSettings struct {
	OIDC      SSOOIDC   `json:"oidc"`
	LDAP      SSOLDAP   `json:"ldap"`
	UpdatedAt time.Time `json:"updated_at"`
}

// SSOOIDC is the OpenID Connect part of SSOSettings.
type SSOOIDC struct {
	Enabled         bool   `json:"enabled"`
	Issuer          string `json:"issuer"`
	ClientID        string `json:"client_id"`
	ClientSecretSet bool   `json:"client_secret_set" doc:"a secret is stored; it is never returned"`
	CodeClaim       string `json:"code_claim" doc:"the ID token claim that carries the employee code"`
	RedirectURL     string `json:"redirect_url" doc:"register this at the identity provider"`
}

// SSOLDAP is the LDAP part of SSOSettings.
type SSOLDAP struct {
	Enabled            bool   `json:"enabled"`
	URL                string `json:"url"`
	StartTLS           bool   `json:"start_tls"`
	BindDNTemplate     string `json:"bind_dn_template" doc:"e.g. uid={username},ou=people,dc=bank,dc=cn; empty to search instead"`
	SearchBase         string `json:"search_base"`
	LoginAttribute     string `json:"login_attribute" doc:"searched for the username, e.g. uid or sAMAccountName"`
	ServiceDN          string `json:"service_dn"`
	ServicePasswordSet bool   `json:"service_password_set" doc:"a password is stored; it is never returned"`
	CodeAttribute      string `json:"code_attribute" doc:"the attribute that carries the employee code"`
}

func (c Config) view(redirectURL string) SSOSettings {
	return SSOSettings{
		OIDC: SSOOIDC{Enabled: c.OIDCEnabled, Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID,
			ClientSecretSet: c.OIDCClientSecret != "", CodeClaim: c.OIDCCodeClaim, RedirectURL: redirectURL},
		LDAP: SSOLDAP{Enabled: c.LDAPEnabled, URL: c.LDAPURL, StartTLS: c.LDAPStartTLS, BindDNTemplate: c.LDAPBindDNTemplate,
			SearchBase: c.LDAPSearchBase, LoginAttribute: c.LDAPLoginAttribute, ServiceDN: c.LDAPServiceDN,
			ServicePasswordSet: c.LDAPServicePassword != "", CodeAttribute: c.LDAPCodeAttribute},
		UpdatedAt: c.UpdatedAt,
	}
}
