package server_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
)

// Instances cache resolved sessions; these prove the cache never outlives
// a change made on another instance.
func TestSessionCacheFollowsOtherInstances(t *testing.T) {
	env := testkit.New(t)
	b := secondInstance(t, env)

	// Logout on A ends the session on B, which had it cached.
	c := env.Login("demo", "hr")
	onB := sameSession(b, c)
	if st, _ := onB.Do("GET", "/api/v1/me", nil); st != 200 {
		t.Fatalf("B before logout: %d", st)
	}
	if st, _ := c.Do("POST", "/api/v1/auth/logout", nil); st != 204 {
		t.Fatalf("logout on A: %d", st)
	}
	if st, _ := onB.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("B after logout on A: %d, want 401", st)
	}

	// A transfer on A is seen by B: /me on B shows the new branch.
	emp := env.Login("demo", "emp.south.1")
	empB := sameSession(b, emp)
	if st, body := empB.Do("GET", "/api/v1/me", nil); st != 200 || testkit.JSON[struct{ Branch struct{ ID int64 } }](t, body).Branch.ID == 2 {
		t.Fatalf("B before transfer: %d %s", st, body)
	}
	admin := env.Login("demo", "admin")
	me := testkit.JSON[struct{ User struct{ ID int64 } }](t, mustGet(t, emp, "/api/v1/me"))
	if st, body := admin.Do("POST", "/api/v1/users/"+itoa(me.User.ID)+"/move", map[string]int64{"branch_id": 2}); st != 200 {
		t.Fatalf("move: %d %s", st, body)
	}
	if st, body := empB.Do("GET", "/api/v1/me", nil); st != 200 || testkit.JSON[struct{ Branch struct{ ID int64 } }](t, body).Branch.ID != 2 {
		t.Fatalf("B after transfer on A: %d %s", st, body)
	}

	// Activity on A keeps the session alive on B even though B's cached
	// last-seen time is old: B asks the database before expiring it.
	x := env.Login("demo", "auditor")
	xB := sameSession(b, x)
	if st, _ := xB.Do("GET", "/api/v1/me", nil); st != 200 {
		t.Fatal("B first use")
	}
	for i := 0; i < 3; i++ {
		env.Clock.Advance(20 * time.Minute)
		if st, _ := x.Do("GET", "/api/v1/me", nil); st != 200 {
			t.Fatalf("A after %d×20 min of use: %d", i+1, st)
		}
	}
	env.Clock.Advance(5 * time.Minute)
	if st, _ := xB.Do("GET", "/api/v1/me", nil); st != 200 {
		t.Fatalf("B after the session was kept alive on A: %d, want 200", st)
	}
}

func mustGet(t *testing.T, c *testkit.Client, path string) string {
	t.Helper()
	st, body := c.Do("GET", path, nil)
	if st != 200 {
		t.Fatalf("GET %s: %d %s", path, st, body)
	}
	return body
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestOperationsEndpoints(t *testing.T) {
	env := testkit.New(t)
	a := env.Anonymous()
	for _, c := range []struct {
		path, want string
	}{
		{"/healthz", `"ok"`},
		{"/readyz", `"ready"`},
		{"/metrics", "servicestar_http_request_duration_seconds"},
		{"/api/openapi.json", `"openapi":"3.1`},
		{"/api/docs", "/vendor/rapidoc-min.js"},
		{"/branches", "<title>ServiceStar</title>"}, // SPA history fallback
	} {
		st, body := a.Do("GET", c.path, nil)
		if st != 200 || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d, want 200 containing %q", c.path, st, c.want)
		}
	}
	if st, body := a.Do("GET", "/api/v1/nope", nil); st != 404 || !strings.Contains(body, `"status":404`) {
		t.Errorf("unknown API route: %d %s", st, body)
	}
}
