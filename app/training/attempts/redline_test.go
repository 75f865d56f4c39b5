package attempts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Typing the customer's verification code for them (e-CNY, turn t4) is a red line: the
// attempt shows it with its reason and fails however the rest goes.
func TestRedLineFailsTheAttemptThroughTheAPI(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1")
	s, _ := library.ByID("ecny-introduction")
	a := start(t, emp, s.ID)
	crossed := false
	for range 60 {
		cur := mustAttempt(t, emp, a.ID)
		if cur.Status == "finished" {
			if cur.Result == nil || cur.Result.Passed || len(cur.Violations) != 1 {
				t.Fatalf("finished with %+v, violations %+v", cur.Result, cur.Violations)
			}
			if !crossed {
				t.Fatal("the red line was never reached")
			}
			return
		}
		turn := s.Turn(cur.Turn.ID)
		verb, body := "answer", any(map[string]any{"text": turn.ModelAnswer.Get(scenarios.LocaleZH)})
		if !turn.IsFreeText() {
			id := cleanChoice(s, turn)
			if turn.ID == "t4" {
				id, crossed = "c", true
			}
			verb, body = "choose", map[string]any{"choice_id": id}
		}
		st, _, raw := act(t, emp, a.ID, verb, body)
		if st != 200 {
			t.Fatalf("%s on %s: %d %s", verb, turn.ID, st, raw)
		}
		if turn.ID == "t4" && (!strings.Contains(raw, `"kind":"red_line"`) || !strings.Contains(raw, `"reason":{"en":"Typing the customer's verification code`)) {
			t.Fatalf("the red line is not shown with its reason: %s", raw)
		}
	}
	t.Fatal("the attempt did not finish")
}

func mustAttempt(t *testing.T, c *testkit.Client, id int64) attempt {
	t.Helper()
	return testkit.JSON[attempt](t, mustGet(t, c, fmt.Sprintf("/api/v1/training/attempts/%d", id)))
}

// cleanChoice is the first choice of a turn that crosses no line.
func cleanChoice(s *scenarios.Scenario, turn *scenarios.Turn) string {
	for i := range turn.Choices {
		if c := &turn.Choices[i]; !c.IsCritical() && s.Mismatch(c) == nil {
			return c.ID
		}
	}
	return turn.Choices[0].ID
}
