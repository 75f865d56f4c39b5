package server_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// The demo auditor "changes nothing": starting a training attempt writes, so
// it is refused (it once held the employee grant every user got at home).
func TestDemoAuditorCannotStartAnAttempt(t *testing.T) {
	env := testkit.New(t)
	body := map[string]string{"scenario_id": trapScenario}
	if st, b := env.Login("demo", "auditor").Do("POST", "/api/v1/training/attempts", body); st != 403 {
		t.Fatalf("auditor starts an attempt: %d %s, want 403", st, b)
	}
	if st, b := env.Login("demo", "emp.south.1").Do("POST", "/api/v1/training/attempts", body); st != 200 {
		t.Fatalf("employee starts an attempt: %d %s, want 200", st, b)
	}
}
