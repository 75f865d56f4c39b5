package server_test

// ssoRows cover single sign-on: its settings are the tenant admin's, at the
// head office ("tenant.write"); the sign-ins are open to everyone, like
// /auth/login. The demo banks have no SSO configured, so every caller is
// sent back to the sign-in page (302) and the directory sign-in answers as a
// wrong password does (401); app/sso's tests run the sign-ins themselves.
func ssoRows() []row {
	return []row{
		{method: "GET", path: "/api/v1/sso/config", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/sso/config", nil) }},
		{method: "PUT", path: "/api/v1/sso/config", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", "/api/v1/sso/config", map[string]any{
					"oidc": map[string]any{"enabled": false, "issuer": "https://idp.example.cn", "client_id": "servicestar", "code_claim": "employee_code"},
					"ldap": map[string]any{"enabled": false, "url": "ldaps://ldap.example.cn", "code_attribute": "employeeNumber"}})
			}},
		{method: "POST", path: "/api/v1/sso/config/test", access: perm, perm: "tenant.write", ok: 422,
			run: func(x *cell) resp { return x.do("POST", "/api/v1/sso/config/test", map[string]any{"method": "ldap"}) }},
		{method: "GET", path: "/api/v1/sso/{tenant}/methods", access: public, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/sso/demo/methods", nil) }},
		{method: "GET", path: "/api/v1/sso/{tenant}/oidc/start", access: public, ok: 302,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/sso/demo/oidc/start", nil) }},
		{method: "GET", path: "/api/v1/sso/{tenant}/oidc/callback", access: public, ok: 302,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/sso/demo/oidc/callback?code=x&state=y", nil) }},
		{method: "POST", path: "/api/v1/sso/ldap/login", access: public, ok: 401,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/sso/ldap/login", map[string]string{"tenant": "demo", "username": "staff.east.1", "password": "whatever-it-is"})
			}},
	}
}
