// Package sso signs a bank's people in through the bank's own identity
// systems: OpenID Connect (authorization code flow with PKCE) and LDAP/Active
// Directory bind. The tenant admin configures both; a sign-in finds the user
// by employee code within the bank and never creates one. Local passwords
// stay, for banks without SSO and for the platform operator.
package sso

import "time"

// Config is a bank's single sign-on settings, one row per bank. The two
// secrets are stored for the sign-ins that need them and never leave the
// server again (see SSOSettings).
type Config struct {
	TenantID            int64  `gorm:"primaryKey;autoIncrement:false"`
	OIDCEnabled         bool   `gorm:"column:oidc_enabled"`
	OIDCIssuer          string `gorm:"column:oidc_issuer"`
	OIDCClientID        string `gorm:"column:oidc_client_id"`
	OIDCClientSecret    string `gorm:"column:oidc_client_secret"`
	OIDCCodeClaim       string `gorm:"column:oidc_code_claim"`
	LDAPEnabled         bool   `gorm:"column:ldap_enabled"`
	LDAPURL             string `gorm:"column:ldap_url"`
	LDAPStartTLS        bool   `gorm:"column:ldap_start_tls"`
	LDAPBindDNTemplate  string `gorm:"column:ldap_bind_dn_template"`
	LDAPSearchBase      string `gorm:"column:ldap_search_base"`
	LDAPLoginAttribute  string `gorm:"column:ldap_login_attribute"`
	LDAPServiceDN       string `gorm:"column:ldap_service_dn"`
	LDAPServicePassword string `gorm:"column:ldap_service_password"`
	LDAPCodeAttribute   string `gorm:"column:ldap_code_attribute"`
	UpdatedAt           time.Time
}

// TableName keeps the table name stable.
func (Config) TableName() string { return "sso_configs" }

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any { return []any{&Config{}} }
