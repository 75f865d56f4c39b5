package sso_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

func configureLDAP(t *testing.T, admin *testkit.Client, ldap map[string]any) {
	t.Helper()
	ldap["enabled"] = true
	if st, body := admin.Do("PUT", "/api/v1/sso/config", map[string]any{"oidc": map[string]any{}, "ldap": ldap}); st != 200 {
		t.Fatalf("configure LDAP: %d %s", st, body)
	}
}

func ldapLogin(env *testkit.Env, tenant, username, pw string) (*testkit.Client, int, string) {
	c := env.Anonymous()
	st, body := c.Do("POST", "/api/v1/sso/ldap/login", map[string]string{"tenant": tenant, "username": username, "password": pw})
	return c, st, body
}

func TestLDAPSignInAgainstSlapd(t *testing.T) {
	url := startSlapd(t, map[string]string{"li.wei": "XH0008", "ghost": "ZZ9999"})
	env := testkit.New(t)
	admin := env.Login("demo", "admin")

	modes := []struct {
		name string
		cfg  map[string]any
	}{
		{"bind DN template", map[string]any{"url": url, "bind_dn_template": ldapTemplate, "code_attribute": "employeeNumber"}},
		{"search by a service account", map[string]any{"url": url, "search_base": ldapPeople, "login_attribute": "uid",
			"service_dn": ldapRootDN, "service_password": ldapRootPW, "code_attribute": "employeeNumber"}},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			configureLDAP(t, admin, m.cfg)

			c, st, body := ldapLogin(env, "demo", "li.wei", ldapUserPW)
			if st != 204 {
				t.Fatalf("directory sign-in: %d %s", st, body)
			}
			st, body = c.Do("GET", "/api/v1/me", nil)
			if st != 200 || !strings.Contains(body, `"username":"emp.north.1"`) {
				t.Fatalf("/me: %d %s", st, body)
			}

			for _, bad := range []struct{ user, pw string }{
				{"li.wei", "wrong-password"},
				{"nobody", ldapUserPW},
				{"*", ldapUserPW},                // a filter wildcard matches nobody
				{"li.wei)(uid=*", ldapUserPW},    // nor does an injected clause
				{"li.wei,ou=people", ldapUserPW}, // nor a DN fragment
			} {
				if _, st, body := ldapLogin(env, "demo", bad.user, bad.pw); st != 401 || !strings.Contains(body, "wrong bank code, username or password") {
					t.Errorf("%q/%q: %d %s", bad.user, bad.pw, st, body)
				}
			}
		})
	}

	t.Run("an employee code no user has is refused and audited", func(t *testing.T) {
		_, st, body := ldapLogin(env, "demo", "ghost", ldapUserPW)
		if st != 403 || !strings.Contains(body, "no active user of this bank has your employee code") {
			t.Fatalf("%d %s", st, body)
		}
		if auditCount(t, env, "sso.ldap.refused", "ZZ9999") == 0 {
			t.Error("the refusal is not in the audit log")
		}
	})

	t.Run("a bank without LDAP answers as a wrong password does", func(t *testing.T) {
		if _, st, _ := ldapLogin(env, "demo2", "li.wei", ldapUserPW); st != 401 {
			t.Fatalf("demo2: %d", st)
		}
		if _, st, _ := ldapLogin(env, "no-such-bank", "li.wei", ldapUserPW); st != 401 {
			t.Fatalf("unknown bank: %d", st)
		}
	})

	t.Run("the connection test binds the service account", func(t *testing.T) {
		st, body := admin.Do("POST", "/api/v1/sso/config/test", map[string]string{"method": "ldap"})
		if st != 200 || !strings.Contains(body, `"ok":true`) {
			t.Fatalf("test: %d %s", st, body)
		}
		configureLDAP(t, admin, map[string]any{"url": url, "search_base": ldapPeople, "login_attribute": "uid",
			"service_dn": ldapRootDN, "service_password": "not-it", "code_attribute": "employeeNumber"})
		st, body = admin.Do("POST", "/api/v1/sso/config/test", map[string]string{"method": "ldap"})
		if st != 200 || !strings.Contains(body, `"result":"rejected"`) {
			t.Fatalf("test with a wrong service password: %d %s", st, body)
		}
		if _, body := admin.Do("GET", "/api/v1/sso/config", nil); strings.Contains(body, "not-it") || strings.Contains(body, ldapRootPW) {
			t.Fatalf("GET shows the service password: %s", body)
		}
	})
}
