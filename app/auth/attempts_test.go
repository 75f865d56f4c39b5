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

// signIn posts a sign-in to one instance, from the one client address
// httptest gives every request.
func signIn(t *testing.T, env *testkit.Env, path, body string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := env.App.HTTP.Fiber.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// tooMany fails the test unless resp is the limit's 429 problem+json with a
// Retry-After of want seconds.
func tooMany(t *testing.T, label string, resp *http.Response, body, want string) {
	t.Helper()
	if resp.StatusCode != 429 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") ||
		!strings.Contains(body, "too many sign-in attempts") || resp.Header.Get("Retry-After") != want {
		t.Fatalf("%s: %d %q Retry-After=%q %s, want 429 problem+json, Retry-After %s",
			label, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Retry-After"), body, want)
	}
}

// Two instances on one database draw on one per-IP budget: the limit holds
// for the pair, not for each (counted in memory, two allowed twice as much).
func TestSignInLimitPerIPIsSharedByInstances(t *testing.T) {
	a := testkit.New(t, func(c *config.Config) { c.LoginRatePerMinute = 4 })
	b := testkit.Instance(t, a)
	a.Clock.Advance(15 * time.Second) // 09:00:15, 45 s before the next window
	for i, env := range []*testkit.Env{a, b, a, b} {
		// A different unknown user each time: only the IP budget is spent.
		body := fmt.Sprintf(`{"tenant":"demo","username":"nobody.%d","password":"x-wrong-x"}`, i)
		if resp, text := signIn(t, env, "/api/v1/auth/login", body); resp.StatusCode != 401 {
			t.Fatalf("attempt %d: %d %s, want 401", i+1, resp.StatusCode, text)
		}
	}
	for name, env := range map[string]*testkit.Env{"first": a, "second": b} {
		resp, body := signIn(t, env, "/api/v1/auth/login", `{"tenant":"demo","username":"admin","password":"demo12345"}`)
		tooMany(t, "5th attempt on the "+name+" instance", resp, body, "45")
	}
	a.Clock.Advance(45 * time.Second) // the next minute: a new budget
	if resp, body := signIn(t, b, "/api/v1/auth/login", `{"tenant":"demo","username":"admin","password":"demo12345"}`); resp.StatusCode != 200 {
		t.Fatalf("in the next minute: %d %s, want 200", resp.StatusCode, body)
	}
}

// The per-account budget is shared the same way, and spending it leaves
// other accounts alone.
func TestSignInLimitPerAccountIsSharedByInstances(t *testing.T) {
	a := testkit.New(t, func(c *config.Config) { c.LoginAccountRatePerMinute = 3; c.LockoutThreshold = 100 })
	b := testkit.Instance(t, a)
	wrong := `{"tenant":"demo","username":"hr","password":"x-wrong-x"}`
	for i, env := range []*testkit.Env{a, b, a} {
		if resp, body := signIn(t, env, "/api/v1/auth/login", wrong); resp.StatusCode != 401 {
			t.Fatalf("attempt %d: %d %s, want 401", i+1, resp.StatusCode, body)
		}
	}
	// The same account however it is spelled: bank code and user name are
	// matched without case or surrounding spaces.
	resp, body := signIn(t, b, "/api/v1/auth/login", `{"tenant":" DEMO ","username":"HR","password":"demo12345"}`)
	tooMany(t, "4th attempt on the second instance", resp, body, "60")
	if resp, body := signIn(t, b, "/api/v1/auth/login", `{"tenant":"demo","username":"auditor","password":"demo12345"}`); resp.StatusCode != 200 {
		t.Fatalf("another account: %d %s, want 200", resp.StatusCode, body)
	}
}

// The platform operator's sign-in has budgets of its own, shared the same way.
func TestPlatformSignInLimitIsSharedByInstances(t *testing.T) {
	a := testkit.New(t, func(c *config.Config) { c.LoginAccountRatePerMinute = 2 })
	b := testkit.Instance(t, a)
	wrong := `{"username":"operator","password":"x-wrong-x"}`
	for i, env := range []*testkit.Env{a, b} {
		if resp, body := signIn(t, env, "/api/v1/platform/auth/login", wrong); resp.StatusCode != 401 {
			t.Fatalf("attempt %d: %d %s, want 401", i+1, resp.StatusCode, body)
		}
	}
	resp, body := signIn(t, a, "/api/v1/platform/auth/login", `{"username":"operator","password":"operator12345"}`)
	tooMany(t, "3rd operator attempt", resp, body, "60")
	if resp, body := signIn(t, a, "/api/v1/auth/login", `{"tenant":"demo","username":"admin","password":"demo12345"}`); resp.StatusCode != 200 {
		t.Fatalf("a bank sign-in beside it: %d %s, want 200", resp.StatusCode, body)
	}
}

// Old windows are deleted by later sign-ins: the table keeps the current
// window and the one before it, never a growing history.
func TestSignInCountsOfOldWindowsAreDeleted(t *testing.T) {
	env := testkit.New(t)
	body := `{"tenant":"demo","username":"nobody","password":"x-wrong-x"}`
	windows := func() (rows []int64) {
		t.Helper()
		if err := env.App.DB.R.Raw("SELECT DISTINCT window_minute FROM login_attempts ORDER BY window_minute").Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		return rows
	}
	for range 4 {
		signIn(t, env, "/api/v1/auth/login", body)
		env.Clock.Advance(time.Minute)
	}
	minute := env.Clock.Now().Unix() / 60 // four windows on, none counted in yet
	if got := windows(); len(got) != 2 || got[0] != minute-2 || got[1] != minute-1 {
		t.Fatalf("windows kept %v, want the last two (%d, %d)", got, minute-2, minute-1)
	}
	signIn(t, env, "/api/v1/auth/login", body)
	if got := windows(); len(got) != 2 || got[0] != minute-1 || got[1] != minute {
		t.Fatalf("windows kept %v, want the previous and the current (%d, %d)", got, minute-1, minute)
	}
}
