package sso

import (
	"errors"
	"slices"
	"testing"

	"github.com/servicestar/servicestar/app/apperr"
)

func TestValidateNamesEachWrongField(t *testing.T) {
	cases := []struct {
		name string
		c    Config
		want []string
	}{
		{"disabled methods may be half filled in", Config{OIDCIssuer: "not a url", LDAPURL: "http://x"}, nil},
		{"oidc needs issuer, client, secret and claim", Config{OIDCEnabled: true},
			[]string{"body.oidc.issuer", "body.oidc.client_id", "body.oidc.client_secret", "body.oidc.code_claim"}},
		{"plain http only on a loopback address", Config{OIDCEnabled: true, OIDCIssuer: "http://idp.example.cn", OIDCClientID: "c", OIDCClientSecret: "s", OIDCCodeClaim: "x"},
			[]string{"body.oidc.issuer"}},
		{"loopback http is fine", Config{OIDCEnabled: true, OIDCIssuer: "http://127.0.0.1:9000", OIDCClientID: "c", OIDCClientSecret: "s", OIDCCodeClaim: "x"}, nil},
		{"ldap needs a URL and an attribute, and a template or a search", Config{LDAPEnabled: true, LDAPURL: "https://ad"},
			[]string{"body.ldap.url", "body.ldap.code_attribute", "body.ldap.search_base", "body.ldap.login_attribute"}},
		{"a template names the user once", Config{LDAPEnabled: true, LDAPURL: "ldap://ad", LDAPCodeAttribute: "employeeID", LDAPBindDNTemplate: "cn=fixed"},
			[]string{"body.ldap.bind_dn_template"}},
		{"StartTLS over ldaps is refused", Config{LDAPEnabled: true, LDAPURL: "ldaps://ad", LDAPStartTLS: true, LDAPCodeAttribute: "a", LDAPBindDNTemplate: "uid={username}"},
			[]string{"body.ldap.start_tls"}},
		{"a service account needs its password", Config{LDAPEnabled: true, LDAPURL: "ldap://ad", LDAPCodeAttribute: "a", LDAPSearchBase: "dc=x", LDAPLoginAttribute: "uid", LDAPServiceDN: "cn=svc"},
			[]string{"body.ldap.service_password"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := validate(tc.c)
			var got []string
			var p *apperr.Problem
			if errors.As(err, &p) {
				for _, f := range p.Fields {
					got = append(got, f.Location)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("fields %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLocalPathKeepsReturnsOnThisSite(t *testing.T) {
	for in, want := range map[string]string{
		"/training?tab=mine":     "/training?tab=mine",
		"":                       "/",
		"https://evil.example":   "/",
		"//evil.example/x":       "/",
		"/\\evil.example":        "/",
		"javascript:alert(1)":    "/",
		"/api/v1/auth/logout":    "/",
		"/ok\r\nSet-Cookie: x=y": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
