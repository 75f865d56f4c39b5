package server_test

import (
	"strings"
	"testing"

	"github.com/pquerna/otp/totp"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/testkit"
)

// mfaWalkRows gives each bank rows in the second factor's tables: its
// admin sets the sign-in policy, sets up a factor (a secret and recovery
// codes) and signs in again, which leaves the step that asks for a code.
func mfaWalkRows(t *testing.T, w *world) {
	t.Helper()
	for _, slug := range []string{"demo", "demo2"} {
		c, r := signIn(t, w.env, slug, "admin", demo.Password)
		if r.Status != 200 {
			t.Fatalf("sign in %s admin: %s", slug, r)
		}
		policy := map[string]any{"min_password_length": 8, "lockout_threshold": 5, "lockout_minutes": 15, "mfa_roles": []string{}}
		if r := send(t, w.env, c, "PUT", "/api/v1/tenant/sign-in-policy", policy); r.Status != 200 {
			t.Fatalf("set the sign-in policy of %s: %s", slug, r)
		}
		start := send(t, w.env, c, "POST", "/api/v1/me/mfa/totp", nil)
		if start.Status != 200 {
			t.Fatalf("start a factor in %s: %s", slug, start)
		}
		code, err := totp.GenerateCode(testkit.JSON[struct{ Secret string }](t, start.Body).Secret, w.env.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if r := send(t, w.env, c, "POST", "/api/v1/me/mfa/totp/confirm", map[string]string{"code": code}); r.Status != 200 {
			t.Fatalf("confirm the factor in %s: %s", slug, r)
		}
		if _, r := signIn(t, w.env, slug, "admin", demo.Password); r.Status != 401 || !strings.Contains(r.Body, "mfa_token") {
			t.Fatalf("sign in %s admin with a factor: %s, want the second step", slug, r)
		}
	}
}
