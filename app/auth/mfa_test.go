package auth_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/testkit"
)

type stepAnswer struct {
	Status int    `json:"status"`
	Step   string `json:"mfa_step"`
	Token  string `json:"mfa_token"`
}

// passwordStep signs in with the demo password and expects the second step.
func passwordStep(t *testing.T, env *testkit.Env, c *testkit.Client, username, wantStep string) string {
	t.Helper()
	st, body := c.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": "demo", "username": username, "password": demo.Password})
	a := testkit.JSON[stepAnswer](t, body)
	if st != 401 || a.Step != wantStep || a.Token == "" {
		t.Fatalf("sign-in of %s: %d %s, want 401 with mfa_step %q", username, st, body, wantStep)
	}
	return a.Token
}

// code is the user's TOTP code at the test clock's time plus d.
func code(t *testing.T, env *testkit.Env, secret string, d time.Duration) string {
	t.Helper()
	c, err := totp.GenerateCode(secret, env.Clock.Now().Add(d))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// enrolOwn sets up a TOTP factor for a signed-in client and returns the
// secret and the recovery codes.
func enrolOwn(t *testing.T, env *testkit.Env, c *testkit.Client) (string, []string) {
	t.Helper()
	st, body := c.Do("POST", "/api/v1/me/mfa/totp", nil)
	e := testkit.JSON[struct{ Secret, URI, QR string }](t, body)
	if st != 200 || e.Secret == "" || !strings.HasPrefix(e.URI, "otpauth://totp/") || !strings.HasPrefix(e.QR, "data:image/png;base64,") {
		t.Fatalf("start: %d %s", st, body)
	}
	st, body = c.Do("POST", "/api/v1/me/mfa/totp/confirm", map[string]string{"code": code(t, env, e.Secret, 0)})
	r := testkit.JSON[struct {
		RecoveryCodes []string `json:"recovery_codes"`
	}](t, body)
	if st != 200 || len(r.RecoveryCodes) != 10 {
		t.Fatalf("confirm: %d %s, want 10 recovery codes", st, body)
	}
	return e.Secret, r.RecoveryCodes
}

func TestTOTPSignInAcceptsEachCodeOnce(t *testing.T) {
	env := testkit.New(t)
	secret, recovery := enrolOwn(t, env, env.Login("demo", "hr"))
	env.Clock.Advance(time.Minute) // past the step that confirmed the enrolment

	// The secret is never shown again.
	if st, body := env.Login("demo", "admin").Do("GET", "/api/v1/me", nil); st != 200 || strings.Contains(body, secret) {
		t.Fatalf("me: %d", st)
	}
	c := env.Anonymous()
	token := passwordStep(t, env, c, "hr", "verify")
	if st, _ := c.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("before the code: /me %d, want 401 (no session yet)", st)
	}
	if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": "000000"}); st != 401 || !strings.Contains(body, "wrong or expired code") {
		t.Fatalf("wrong code: %d %s", st, body)
	}
	now := code(t, env, secret, 0)
	if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": now}); st != 200 || !strings.Contains(body, `"username":"hr"`) {
		t.Fatalf("right code: %d %s", st, body)
	}
	if st, _ := c.Do("GET", "/api/v1/me", nil); st != 200 {
		t.Fatalf("after the code: /me %d", st)
	}
	// The step is closed; the same code on a new sign-in, in the same 30 s, is refused.
	if st, _ := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": now}); st != 401 {
		t.Fatalf("token reused: %d, want 401", st)
	}
	again := env.Anonymous()
	token = passwordStep(t, env, again, "hr", "verify")
	if st, body := again.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": now}); st != 401 {
		t.Fatalf("replayed code: %d %s, want 401", st, body)
	}
	env.Clock.Advance(30 * time.Second)
	if st, body := again.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": code(t, env, secret, 0)}); st != 200 {
		t.Fatalf("next step's code: %d %s", st, body)
	}
	// A recovery code works once, typed in upper case with its dash or without.
	for i, want := range []int{200, 401} {
		c := env.Anonymous()
		token := passwordStep(t, env, c, "hr", "verify")
		typed := strings.ToUpper(recovery[3])
		if i == 1 {
			typed = strings.ReplaceAll(recovery[3], "-", "")
		}
		if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": typed}); st != want {
			t.Fatalf("recovery code, use %d: %d %s, want %d", i+1, st, body, want)
		}
	}
	if st, body := env.Login("demo", "admin").Do("GET", "/api/v1/audit?action=user.mfa_enrol", nil); st != 200 || !strings.Contains(body, "user.mfa_enrol") {
		t.Fatalf("audit of the enrolment: %d %s", st, body)
	}
}

// The step's token expires; an unknown token, an expired one and a wrong
// code answer alike.
func TestSecondStepTokenExpires(t *testing.T) {
	env := testkit.New(t)
	secret, _ := enrolOwn(t, env, env.Login("demo", "hr"))
	env.Clock.Advance(time.Minute)
	c := env.Anonymous()
	token := passwordStep(t, env, c, "hr", "verify")
	env.Clock.Advance(6 * time.Minute)
	_, expired := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": code(t, env, secret, 0)})
	_, unknown := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": "1.nothing", "code": code(t, env, secret, 0)})
	_, garbage := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": "x", "code": "123456"})
	if expired != unknown || unknown != garbage || !strings.Contains(expired, `"status":401`) {
		t.Fatalf("answers differ or are not 401: %s | %s | %s", expired, unknown, garbage)
	}
}

func TestRoleRequirementTakesUserToEnrolment(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	policy := map[string]any{"min_password_length": 10, "lockout_threshold": 5, "lockout_minutes": 15, "mfa_roles": []string{"hr", "auditor"}}
	if st, body := admin.Do("PUT", "/api/v1/tenant/sign-in-policy", policy); st != 200 || !strings.Contains(body, `"mfa_roles":["hr","auditor"]`) {
		t.Fatalf("set policy: %d %s", st, body)
	}
	// An employee's role is not on the list: the password is enough.
	env.Login("demo", "emp.north.1")

	c := env.Anonymous()
	token := passwordStep(t, env, c, "hr", "enrol")
	if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": "123456"}); st != 401 {
		t.Fatalf("an enrolment token used to verify: %d %s", st, body)
	}
	st, body := c.Do("POST", "/api/v1/auth/mfa/enrol", map[string]string{"token": token})
	e := testkit.JSON[struct{ Secret string }](t, body)
	if st != 200 || e.Secret == "" {
		t.Fatalf("enrol: %d %s", st, body)
	}
	st, body = c.Do("POST", "/api/v1/auth/mfa/enrol/confirm", map[string]string{"token": token, "code": code(t, env, e.Secret, 0)})
	if st != 200 || !strings.Contains(body, `"recovery_codes":["`) || !strings.Contains(body, `"username":"hr"`) {
		t.Fatalf("confirm: %d %s", st, body)
	}
	if st, body := c.Do("GET", "/api/v1/me/mfa", nil); st != 200 || !strings.Contains(body, `"enrolled":true`) || !strings.Contains(body, `"required":true`) || !strings.Contains(body, `"recovery_codes_left":10`) {
		t.Fatalf("my mfa: %d %s", st, body)
	}
	// From now on the code is asked for.
	env.Clock.Advance(time.Minute)
	passwordStep(t, env, env.Anonymous(), "hr", "verify")
}

// Wrong codes count toward the lockout of wrong passwords, and a right
// password between them does not start the count again.
func TestWrongCodesLockTheAccount(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	policy := map[string]any{"min_password_length": 8, "lockout_threshold": 3, "lockout_minutes": 10, "mfa_roles": []string{}}
	if st, body := admin.Do("PUT", "/api/v1/tenant/sign-in-policy", policy); st != 200 {
		t.Fatalf("set policy: %d %s", st, body)
	}
	secret, _ := enrolOwn(t, env, env.Login("demo", "hr"))
	env.Clock.Advance(time.Minute)
	for i := range 3 {
		c := env.Anonymous()
		token := passwordStep(t, env, c, "hr", "verify")
		if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": "999999"}); st != 401 {
			t.Fatalf("wrong code %d: %d %s", i+1, st, body)
		}
	}
	locked, lockedBody, _ := rawLogin(t, env, `{"tenant":"demo","username":"hr","password":"demo12345"}`)
	unknown, unknownBody, _ := rawLogin(t, env, `{"tenant":"demo","username":"nobody","password":"demo12345"}`)
	if locked != 401 || lockedBody != unknownBody || unknown != 401 {
		t.Fatalf("locked account: %d %s; unknown: %d %s", locked, lockedBody, unknown, unknownBody)
	}
	env.Clock.Advance(11 * time.Minute)
	c := env.Anonymous()
	token := passwordStep(t, env, c, "hr", "verify")
	if st, body := c.Do("POST", "/api/v1/auth/mfa/verify", map[string]string{"token": token, "code": code(t, env, secret, 0)}); st != 200 {
		t.Fatalf("after the lock: %d %s", st, body)
	}
}

func TestAdminResetsSecondFactor(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	enrolOwn(t, env, hr)
	_, me := hr.Do("GET", "/api/v1/me", nil)
	id := testkit.JSON[struct{ User struct{ ID int64 } }](t, me).User.ID
	if st, body := hr.Do("POST", "/api/v1/me/mfa/totp", nil); st != 409 {
		t.Fatalf("second enrolment: %d %s, want 409", st, body)
	}
	if st, body := env.Login("demo", "emp.north.1").Do("DELETE", fmt.Sprintf("/api/v1/users/%d/mfa", id), nil); st != 403 {
		t.Fatalf("employee resets: %d %s, want 403", st, body)
	}
	if st, body := env.Login("demo2", "admin").Do("DELETE", fmt.Sprintf("/api/v1/users/%d/mfa", id), nil); st != 404 {
		t.Fatalf("another bank's admin resets: %d %s, want 404", st, body)
	}
	admin := env.Login("demo", "admin")
	// The users list says who has a second factor, for the admin's reset button.
	enrolled := func() string {
		_, body := admin.Do("GET", "/api/v1/users?q=hr&page_size=5", nil)
		return body
	}
	if body := enrolled(); !strings.Contains(body, `"username":"hr"`) || !strings.Contains(body, `"mfa_enrolled":true`) {
		t.Fatalf("users list before the reset: %s", body)
	}
	if st, body := admin.Do("DELETE", fmt.Sprintf("/api/v1/users/%d/mfa", id), nil); st != 204 {
		t.Fatalf("reset: %d %s", st, body)
	}
	if body := enrolled(); strings.Contains(body, `"mfa_enrolled":true`) {
		t.Fatalf("users list after the reset: %s", body)
	}
	if st, _ := hr.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("hr's session after the reset: %d, want 401", st)
	}
	env.Login("demo", "hr") // the password alone again
	if st, body := admin.Do("GET", "/api/v1/audit?action=user.reset_mfa", nil); st != 200 || !strings.Contains(body, "user.reset_mfa") {
		t.Fatalf("audit: %d %s", st, body)
	}
}

func TestSignInPolicyBoundsAndPasswordLength(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	if st, body := admin.Do("GET", "/api/v1/tenant/sign-in-policy", nil); st != 200 || !strings.Contains(body, `"min_password_length":8`) || !strings.Contains(body, `"lockout_threshold":5`) || !strings.Contains(body, `"mfa_roles":[]`) {
		t.Fatalf("defaults: %d %s", st, body)
	}
	bad := map[string]any{"min_password_length": 7, "lockout_threshold": 1, "lockout_minutes": 100000, "mfa_roles": []string{"boss"}}
	st, body := admin.Do("PUT", "/api/v1/tenant/sign-in-policy", bad)
	for _, loc := range []string{"body.min_password_length", "body.lockout_threshold", "body.lockout_minutes", "body.mfa_roles[0]"} {
		if st != 422 || !strings.Contains(body, loc) {
			t.Fatalf("out of bounds: %d %s, want 422 naming %s", st, body, loc)
		}
	}
	good := map[string]any{"min_password_length": 12, "lockout_threshold": 5, "lockout_minutes": 15, "mfa_roles": []string{}}
	if st, body := admin.Do("PUT", "/api/v1/tenant/sign-in-policy", good); st != 200 {
		t.Fatalf("set: %d %s", st, body)
	}
	if st, body := env.Login("demo", "hr").Do("GET", "/api/v1/tenant/sign-in-policy", nil); st != 403 {
		t.Fatalf("hr reads the policy: %d %s, want 403", st, body)
	}
	u := env.Login("demo", "emp.north.1")
	if st, body := u.Do("POST", "/api/v1/me/password", map[string]string{"current_password": demo.Password, "new_password": "eleven-char"}); st != 422 || !strings.Contains(body, "body.new_password") {
		t.Fatalf("shorter than the bank's minimum: %d %s", st, body)
	}
	if st, body := u.Do("POST", "/api/v1/me/password", map[string]string{"current_password": demo.Password, "new_password": "twelve-chars"}); st != 204 {
		t.Fatalf("long enough: %d %s", st, body)
	}
}
