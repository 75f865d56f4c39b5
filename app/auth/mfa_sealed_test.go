package auth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/servicestar/servicestar/app/testkit"
)

func userID(t *testing.T, env *testkit.Env, username string) int64 {
	t.Helper()
	var id int64
	if err := env.App.DB.R.Raw("SELECT id FROM users WHERE username = ? AND tenant_id = (SELECT id FROM tenants WHERE slug = 'demo')", username).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("user %s: %v", username, err)
	}
	return id
}

func storedSecret(t *testing.T, env *testkit.Env, uid int64) string {
	t.Helper()
	var s string
	if err := env.App.DB.R.Raw("SELECT secret FROM mfa_totp WHERE user_id = ?", uid).Scan(&s).Error; err != nil {
		t.Fatal(err)
	}
	return s
}

// TOTP secrets are sealed at rest, for their bank and user.
func TestTOTPSecretsAreSealedForTheirUser(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	secret, _ := enrolOwn(t, env, hr)
	hrID, auditorID := userID(t, env, "hr"), userID(t, env, "auditor")

	stored := storedSecret(t, env, hrID)
	if stored == secret || strings.Contains(stored, secret) || !strings.HasPrefix(stored, "v1:") {
		t.Fatalf("the database holds %q for the secret %q", stored, secret)
	}
	// Sealed, the secret still works.
	env.Clock.Advance(time.Minute)
	token := passwordStep(t, env, env.Anonymous(), "hr", "verify")
	if st, body := env.Anonymous().Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": code(t, env, secret, 0)}); st != 200 {
		t.Fatalf("verify with the sealed secret: %d %s", st, body)
	}

	t.Run("a row copied to another user does not open: no code is good", func(t *testing.T) {
		if err := env.App.DB.W.Exec(`INSERT INTO mfa_totp (tenant_id, user_id, secret, confirmed_at, last_step, created_at)
			SELECT tenant_id, ?, secret, confirmed_at, 0, created_at FROM mfa_totp WHERE user_id = ?`, auditorID, hrID).Error; err != nil {
			t.Fatal(err)
		}
		env.Clock.Advance(time.Minute)
		c := env.Anonymous()
		token := passwordStep(t, env, c, "auditor", "verify")
		if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": code(t, env, secret, 0)}); st != 401 {
			t.Fatalf("the copied secret's code signed the auditor in: %d %s", st, body)
		}
	})

	t.Run("a secret an older version stored in plaintext is sealed at start", func(t *testing.T) {
		mgrID := userID(t, env, "mgr.north")
		const plain = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
		if err := env.App.DB.W.Exec(`INSERT INTO mfa_totp (tenant_id, user_id, secret, confirmed_at, last_step, created_at)
			SELECT tenant_id, id, ?, ?, 0, ? FROM users WHERE id = ?`, plain, env.Clock.Now().UTC(), env.Clock.Now().UTC(), mgrID).Error; err != nil {
			t.Fatal(err)
		}
		after := testkit.Restart(t, env)
		if s := storedSecret(t, after, mgrID); !strings.HasPrefix(s, "v1:") || strings.Contains(s, plain) {
			t.Fatalf("after a restart the database holds %q", s)
		}
		after.Clock.Advance(time.Minute)
		c := after.Anonymous()
		token := passwordStep(t, after, c, "mgr.north", "verify")
		now, err := totp.GenerateCode(plain, after.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": now}); st != 200 {
			t.Fatalf("the sealed former plaintext secret: %d %s", st, body)
		}
	})
}
