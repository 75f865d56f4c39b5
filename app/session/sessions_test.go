package session_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// A cached session is re-checked whenever anything has been committed, so a
// user disabled outside the app (a direct database change that moves no
// session version) is refused on the very next request.
func TestSessionOfUserDisabledInTheDatabaseEndsAtOnce(t *testing.T) {
	env := testkit.New(t)
	c := env.Login("demo", "emp.north.1")
	for i := range 3 { // the later answers come from the session cache
		if st, body := c.Do("GET", "/api/v1/me", nil); st != 200 {
			t.Fatalf("request %d: %d %s", i+1, st, body)
		}
	}
	if err := env.App.DB.W.Exec(`UPDATE users SET status = 'disabled'
		WHERE username = 'emp.north.1' AND tenant_id = (SELECT id FROM tenants WHERE slug = 'demo')`).Error; err != nil {
		t.Fatal(err)
	}
	if st, _ := c.Do("GET", "/api/v1/me", nil); st != 401 {
		t.Fatalf("after the user was disabled in the database: %d, want 401", st)
	}
}
