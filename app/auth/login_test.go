package auth_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/config"
	"github.com/servicestar/servicestar/app/testkit"
)

func TestLoginRotatesSessionAndSetsCookies(t *testing.T) {
	env := testkit.New(t)
	c := env.Login("demo", "admin")
	first := c.Cookie("ss_session")
	if first == "" || c.Cookie("ss_csrf") == "" {
		t.Fatal("login set no session or CSRF cookie")
	}
	st, body := c.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": "demo", "username": "admin", "password": "demo12345"})
	if st != 200 {
		t.Fatalf("second login: %d %s", st, body)
	}
	if c.Cookie("ss_session") == first {
		t.Fatal("session id not rotated at login")
	}
	old := env.Anonymous()
	old.SetCookie("ss_session", first)
	if st, _ := old.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("old session after re-login: %d, want 401", st)
	}
}

func TestWrongCredentialsLookAlike(t *testing.T) {
	env := testkit.New(t)
	a := env.Anonymous()
	cases := []map[string]string{
		{"tenant": "demo", "username": "admin", "password": "wrong-password"},
		{"tenant": "demo", "username": "nobody", "password": "demo12345"},
		{"tenant": "nobank", "username": "admin", "password": "demo12345"},
	}
	var bodies []string
	for _, body := range cases {
		st, b := a.Do("POST", "/api/v1/auth/login", body)
		if st != 401 {
			t.Fatalf("%v: status %d, want 401", body, st)
		}
		bodies = append(bodies, b)
	}
	if bodies[0] != bodies[1] || bodies[1] != bodies[2] {
		t.Fatalf("answers differ: %q", bodies)
	}
}

func TestSessionIdleAndAbsoluteTimeout(t *testing.T) {
	env := testkit.New(t, func(c *config.Config) { c.SessionIdle = 30 * time.Minute; c.SessionAbsolute = 2 * time.Hour })
	c := env.Login("demo", "hr")
	// Active use keeps the session alive past the idle limit…
	for i := 0; i < 5; i++ {
		env.Clock.Advance(20 * time.Minute)
		if st, _ := c.Do("GET", "/api/v1/me", nil); st != 200 {
			t.Fatalf("after %d×20 min of activity: %d, want 200", i+1, st)
		}
	}
	// …but not past the absolute limit.
	env.Clock.Advance(21 * time.Minute) // 121 min since login
	if st, _ := c.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("past absolute timeout: %d, want 401", st)
	}
	idle := env.Login("demo", "hr")
	env.Clock.Advance(31 * time.Minute)
	if st, _ := idle.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("past idle timeout: %d, want 401", st)
	}
}

// A locked account must answer exactly as an unknown user or a wrong password
// (status, problem body and headers), or the lockout tells a prober which
// usernames exist; the right password is still refused until the lock ends.
func TestLockoutLooksLikeWrongCredentials(t *testing.T) {
	env := testkit.New(t, func(c *config.Config) { c.LockoutThreshold = 3; c.LockoutDuration = 10 * time.Minute })
	bad := `{"tenant":"demo","username":"emp.south.1","password":"nope-nope"}`
	for i := 0; i < 3; i++ {
		if st, b, _ := rawLogin(t, env, bad); st != 401 {
			t.Fatalf("failure %d: %d %s, want 401", i+1, st, b)
		}
	}
	good := `{"tenant":"demo","username":"emp.south.1","password":"demo12345"}`
	lockedSt, lockedBody, lockedHdr := rawLogin(t, env, good)
	if lockedSt != 401 {
		t.Fatalf("right password while locked: %d %s, want 401", lockedSt, lockedBody)
	}
	for _, other := range []string{
		`{"tenant":"demo","username":"nobody-here","password":"demo12345"}`,
		`{"tenant":"demo","username":"emp.south.2","password":"nope-nope"}`,
	} {
		st, body, hdr := rawLogin(t, env, other)
		if st != lockedSt || body != lockedBody {
			t.Fatalf("locked answers %d %s but %s answers %d %s", lockedSt, lockedBody, other, st, body)
		}
		if fmt.Sprint(hdr) != fmt.Sprint(lockedHdr) {
			t.Fatalf("headers differ: locked %v, %s %v", lockedHdr, other, hdr)
		}
	}
	env.Clock.Advance(11 * time.Minute)
	if st, b, _ := rawLogin(t, env, good); st != 200 {
		t.Fatalf("after lockout expired: %d %s", st, b)
	}
}

// rawLogin posts a sign-in as a fresh client and returns the status, body and
// the response headers that do not vary per request.
func rawLogin(t *testing.T, env *testkit.Env, body string) (int, string, http.Header) {
	t.Helper()
	req := httptest.NewRequest("POST", "/api/v1/auth/login", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := env.App.HTTP.Fiber.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	h := resp.Header.Clone()
	for _, k := range []string{"Date", "X-Request-Id", "Content-Length"} {
		h.Del(k)
	}
	return resp.StatusCode, string(b), h
}

func TestLoginRateLimitPerAccount(t *testing.T) {
	env := testkit.New(t, func(c *config.Config) { c.LoginAccountRatePerMinute = 3 })
	body := `{"tenant":"demo","username":"hr","password":"x-wrong-x"}`
	var last *http.Response
	for i := 0; i < 4; i++ {
		req := httptest.NewRequest("POST", "/api/v1/auth/login", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := env.App.HTTP.Fiber.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		last = resp
	}
	if last.StatusCode != 429 || last.Header.Get("Retry-After") == "" || !strings.HasPrefix(last.Header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("4th attempt: %d %q %q, want 429 problem+json with Retry-After", last.StatusCode, last.Header.Get("Retry-After"), last.Header.Get("Content-Type"))
	}
}

func TestCSRFRequiredOnUnsafeMethods(t *testing.T) {
	env := testkit.New(t)
	c := env.Login("demo", "admin")
	c.SetCookie("ss_csrf", "forged")
	st, body := c.Do("POST", "/api/v1/branches", map[string]any{"parent_id": 1, "code": "csrf-x", "name": "X"})
	if st != 403 || !strings.Contains(body, "X-CSRF-Token") {
		t.Fatalf("forged CSRF: %d %s", st, body)
	}
	c2 := env.Login("demo", "admin")
	if st, body := c2.Do("POST", "/api/v1/branches", map[string]any{"parent_id": 1, "code": "csrf-y", "name": "Y"}); st != 200 {
		t.Fatalf("with CSRF token: %d %s", st, body)
	}
}

func TestAdminSetPasswordMustBeChanged(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	st, body := admin.Do("POST", "/api/v1/users", map[string]any{"username": "new.teller", "display_name": "新柜员", "employee_code": "NT-1",
		"branch_id": 1, "password": "initial-pass-1"})
	if st != 200 {
		t.Fatalf("create user: %d %s", st, body)
	}
	u := env.Anonymous()
	if st, b := u.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": "demo", "username": "new.teller", "password": "initial-pass-1"}); st != 200 || !strings.Contains(b, `"must_change_password":true`) {
		t.Fatalf("first login: %d %s", st, b)
	}
	if st, _ := u.Do("GET", "/api/v1/branches", nil); st != 403 {
		t.Fatalf("before changing password: %d, want 403", st)
	}
	if st, b := u.Do("POST", "/api/v1/me/password", map[string]string{"current_password": "initial-pass-1", "new_password": "short"}); st != 422 || !strings.Contains(b, "body.new_password") {
		t.Fatalf("too short: %d %s", st, b)
	}
	if st, b := u.Do("POST", "/api/v1/me/password", map[string]string{"current_password": "initial-pass-1", "new_password": "my-own-pass-2"}); st != 204 {
		t.Fatalf("change: %d %s", st, b)
	}
	if st, b := u.Do("GET", "/api/v1/me", nil); st != 200 || !strings.Contains(b, `"must_change_password":false`) {
		t.Fatalf("after change: %d %s", st, b)
	}
}

func TestErrorsNeverEchoPasswords(t *testing.T) {
	env := testkit.New(t)
	a := env.Anonymous()
	for _, body := range []string{
		`{"tenant":"demo","username":"x","password":"hunter2-secret","extra":1}`,
		`{"tenant":"demo","username":"x","password":"hunter2-secret",}`,
		`{"tenant":"demo","username":1,"password":"hunter2-secret"}`,
	} {
		st, b := a.Do("POST", "/api/v1/auth/login", body)
		if st < 400 || st >= 500 {
			t.Fatalf("%s: status %d", body, st)
		}
		if strings.Contains(b, "hunter2") {
			t.Fatalf("error echoes the password: %s", b)
		}
	}
}

func TestOperatorCreatesBankWithFirstAdmin(t *testing.T) {
	env := testkit.New(t)
	op := env.LoginOperator()
	st, body := op.Do("POST", "/api/v1/platform/tenants", map[string]string{"slug": "newbank", "name": "新银行", "admin_username": "boss", "admin_password": "first-pass-1"})
	if st != 200 {
		t.Fatalf("create tenant: %d %s", st, body)
	}
	if st, body := op.Do("POST", "/api/v1/platform/tenants", map[string]string{"slug": "newbank", "name": "again", "admin_username": "boss", "admin_password": "first-pass-1"}); st != 409 || !strings.Contains(body, "body.slug") {
		t.Fatalf("duplicate slug: %d %s", st, body)
	}
	if st, body := op.Do("POST", "/api/v1/platform/tenants", map[string]string{"slug": "bank3", "name": "x", "admin_username": "boss", "admin_password": "short"}); st != 422 || !strings.Contains(body, "body.admin_password") {
		t.Fatalf("short admin password: %d %s", st, body)
	}
	a := env.Anonymous()
	st, body = a.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": "newbank", "username": "boss", "password": "first-pass-1"})
	if st != 200 || !strings.Contains(body, `"must_change_password":true`) || !strings.Contains(body, "tenant_admin") {
		t.Fatalf("first admin login: %d %s", st, body)
	}
	if st, _ := env.Login("demo", "admin").Do("GET", "/api/v1/platform/tenants", nil); st != 401 {
		t.Fatalf("tenant admin on platform route: %d, want 401", st)
	}
}
