package sso

import (
	"net"
	"net/url"
	"strings"

	"github.com/servicestar/servicestar/app/apperr"
)

// SSOSettingsInput is what the tenant admin sends. The secrets are write-only: null
// (or absent) keeps the stored one.
type SSOSettingsInput struct {
	OIDC SSOOIDCInput `json:"oidc"`
	LDAP SSOLDAPInput `json:"ldap"`
}

// SSOOIDCInput is the OpenID Connect part of SSOSettingsInput.
type SSOOIDCInput struct {
	Enabled      bool    `json:"enabled,omitempty"`
	Issuer       string  `json:"issuer,omitempty" maxLength:"500" doc:"https URL of the OpenID Provider (http only on a loopback address)"`
	ClientID     string  `json:"client_id,omitempty" maxLength:"200"`
	ClientSecret *string `json:"client_secret,omitempty" maxLength:"300" doc:"write-only (sealed at rest, which must fit the 500-character column); null or absent keeps the stored one"`
	CodeClaim    string  `json:"code_claim,omitempty" maxLength:"100" doc:"the ID token claim that carries the employee code"`
}

// SSOLDAPInput is the LDAP part of SSOSettingsInput.
type SSOLDAPInput struct {
	Enabled         bool    `json:"enabled,omitempty"`
	URL             string  `json:"url,omitempty" maxLength:"500" doc:"ldap:// or ldaps://"`
	StartTLS        bool    `json:"start_tls,omitempty"`
	BindDNTemplate  string  `json:"bind_dn_template,omitempty" maxLength:"500" doc:"with {username}; or leave empty and search"`
	SearchBase      string  `json:"search_base,omitempty" maxLength:"500"`
	LoginAttribute  string  `json:"login_attribute,omitempty" maxLength:"100"`
	ServiceDN       string  `json:"service_dn,omitempty" maxLength:"500"`
	ServicePassword *string `json:"service_password,omitempty" maxLength:"300" doc:"write-only (sealed at rest, which must fit the 500-character column); null or absent keeps the stored one"`
	CodeAttribute   string  `json:"code_attribute,omitempty" maxLength:"100"`
}

func (in SSOSettingsInput) apply(c Config) Config {
	o, l := in.OIDC, in.LDAP
	c.OIDCEnabled, c.OIDCIssuer, c.OIDCClientID, c.OIDCCodeClaim = o.Enabled, strings.TrimSpace(o.Issuer), strings.TrimSpace(o.ClientID), strings.TrimSpace(o.CodeClaim)
	if o.ClientSecret != nil {
		c.OIDCClientSecret = *o.ClientSecret
	}
	c.LDAPEnabled, c.LDAPURL, c.LDAPStartTLS = l.Enabled, strings.TrimSpace(l.URL), l.StartTLS
	c.LDAPBindDNTemplate, c.LDAPSearchBase, c.LDAPLoginAttribute = strings.TrimSpace(l.BindDNTemplate), strings.TrimSpace(l.SearchBase), strings.TrimSpace(l.LoginAttribute)
	c.LDAPServiceDN, c.LDAPCodeAttribute = strings.TrimSpace(l.ServiceDN), strings.TrimSpace(l.CodeAttribute)
	if l.ServicePassword != nil {
		c.LDAPServicePassword = *l.ServicePassword
	}
	return c
}

// validate checks what an enabled method needs; a disabled one may be
// half filled in, so an admin can save work in progress.
func validate(c Config) error {
	var bad []apperr.Field
	need := func(loc, v string) {
		if v == "" {
			bad = append(bad, apperr.Field{Location: loc, Message: "required when enabled"})
		}
	}
	if c.OIDCEnabled {
		if !trustedIssuer(c.OIDCIssuer) {
			bad = append(bad, apperr.Field{Location: "body.oidc.issuer", Message: "an https URL", Value: c.OIDCIssuer})
		}
		need("body.oidc.client_id", c.OIDCClientID)
		need("body.oidc.client_secret", c.OIDCClientSecret)
		need("body.oidc.code_claim", c.OIDCCodeClaim)
	}
	if c.LDAPEnabled {
		if u, err := url.Parse(c.LDAPURL); err != nil || (u.Scheme != "ldap" && u.Scheme != "ldaps") || u.Host == "" {
			bad = append(bad, apperr.Field{Location: "body.ldap.url", Message: "an ldap:// or ldaps:// URL", Value: c.LDAPURL})
		}
		if c.LDAPStartTLS && strings.HasPrefix(c.LDAPURL, "ldaps://") {
			bad = append(bad, apperr.Field{Location: "body.ldap.start_tls", Message: "StartTLS is for ldap://; ldaps:// is already encrypted"})
		}
		need("body.ldap.code_attribute", c.LDAPCodeAttribute)
		switch {
		case c.LDAPBindDNTemplate != "":
			if strings.Count(c.LDAPBindDNTemplate, "{username}") != 1 {
				bad = append(bad, apperr.Field{Location: "body.ldap.bind_dn_template", Message: "must contain {placeholder} once", Args: apperr.Args{"placeholder": "{username}"}})
			}
		default:
			need("body.ldap.search_base", c.LDAPSearchBase)
			need("body.ldap.login_attribute", c.LDAPLoginAttribute)
		}
		if c.LDAPServiceDN != "" {
			need("body.ldap.service_password", c.LDAPServicePassword)
		}
	}
	if len(bad) > 0 {
		return apperr.Invalid(bad...)
	}
	return nil
}

// trustedIssuer refuses an issuer a bank should not trust: plain http is
// allowed only on a loopback address (a provider on the same machine).
func trustedIssuer(issuer string) bool {
	u, err := url.Parse(issuer)
	if err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		ip := net.ParseIP(u.Hostname())
		return (ip != nil && ip.IsLoopback()) || u.Hostname() == "localhost"
	}
	return false
}
