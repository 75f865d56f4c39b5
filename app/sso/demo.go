package sso

import (
	"context"

	"github.com/servicestar/servicestar/app/module"
)

// seed leaves each demo bank a configuration its admin has started but not
// switched on: demo the provider and a bind DN template, demo2 a directory
// searched by a service account. Nobody signs in through them.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	secret := "demo-service-password"
	for _, b := range []struct {
		slug string
		in   SSOSettingsInput
	}{
		{"demo", SSOSettingsInput{
			OIDC: SSOOIDCInput{Issuer: "https://idp.xinghai-bank.example", ClientID: "servicestar", CodeClaim: "employee_code"},
			LDAP: SSOLDAPInput{URL: "ldaps://ldap.xinghai-bank.example", BindDNTemplate: "uid={username},ou=people,dc=xinghai-bank,dc=example", CodeAttribute: "employeeNumber"}}},
		{"demo2", SSOSettingsInput{
			LDAP: SSOLDAPInput{URL: "ldap://ad.yunling-bank.example", StartTLS: true, SearchBase: "ou=staff,dc=yunling-bank,dc=example",
				LoginAttribute: "sAMAccountName", ServiceDN: "cn=servicestar,ou=services,dc=yunling-bank,dc=example", ServicePassword: &secret, CodeAttribute: "employeeID"}}},
	} {
		actx, admin, err := d.As(ctx, b.slug, "admin")
		if err != nil {
			return err
		}
		if _, err := s.SetSettings(actx, admin, b.in, ""); err != nil {
			return err
		}
	}
	return nil
}
