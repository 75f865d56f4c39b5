package server_test

import (
	"github.com/pquerna/otp/totp"

	"github.com/servicestar/servicestar/app/testkit"
)

// mfaRows cover the second factor and the sign-in policy. The steps after a
// password need no session: a caller without a step's token is refused
// alike (401), whoever they are. Setting up one's own factor is anyone's;
// resetting another's is users.write at their branch; the policy is the
// tenant admin's, at the head office.
func mfaRows() []row {
	step := func(path string, body map[string]string) row {
		return row{method: "POST", path: path, access: public, ok: 401,
			run: func(x *cell) resp { return x.do("POST", path, body) }}
	}
	return []row{
		step("/api/v1/auth/mfa/verify", map[string]string{"token": "1.not-a-token", "code": "123456"}),
		step("/api/v1/auth/mfa/enrol", map[string]string{"token": "1.not-a-token"}),
		step("/api/v1/auth/mfa/enrol/confirm", map[string]string{"token": "1.not-a-token", "code": "123456"}),
		{method: "GET", path: "/api/v1/me/mfa", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/me/mfa", nil) }},
		{method: "POST", path: "/api/v1/me/mfa/totp", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("POST", "/api/v1/me/mfa/totp", nil) }},
		{method: "POST", path: "/api/v1/me/mfa/totp/confirm", access: self, ok: 200,
			run: func(x *cell) resp {
				start := x.do("POST", "/api/v1/me/mfa/totp", nil)
				if start.Status != 200 {
					return start
				}
				secret := testkit.JSON[struct{ Secret string }](x.t, start.Body).Secret
				code, err := totp.GenerateCode(secret, x.env().Clock.Now())
				if err != nil {
					x.t.Fatal(err)
				}
				r := x.do("POST", "/api/v1/me/mfa/totp/confirm", map[string]string{"code": code})
				// Undo it behind the API's back: the matrix signs these callers
				// in again with the password alone.
				if err := x.env().App.DB.W.Exec("DELETE FROM mfa_totp").Error; err != nil {
					x.t.Fatal(err)
				}
				return r
			}},
		{method: "DELETE", path: "/api/v1/users/{id}/mfa", access: perm, perm: "users.write", object: true, ok: 204, foreign: 404,
			run: func(x *cell) resp { return x.do("DELETE", idPath("/api/v1/users/{id}/mfa", x.freshUser()), nil) }},
		{method: "GET", path: "/api/v1/tenant/sign-in-policy", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/tenant/sign-in-policy", nil) }},
		{method: "PUT", path: "/api/v1/tenant/sign-in-policy", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", "/api/v1/tenant/sign-in-policy", map[string]any{"min_password_length": 8, "lockout_threshold": 5, "lockout_minutes": 15, "mfa_roles": []string{}})
			}},
	}
}
