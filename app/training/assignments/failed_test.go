package assignments_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// A failed attempt does not complete an assignment: the inbox and progress show it as
// failed (neither done nor not started) until a pass completes it.
func TestFailedIsNotCompleted(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	const key = "corporate-urgent-credit"
	st, created, raw := assign(t, hr, map[string]any{"programme": "fair", "scenario_keys": []string{key},
		"branch_id": branchID(t, hr, "north"), "audience": "subtree", "due_at": env.Clock.Now().Add(72 * time.Hour)})
	if st != 200 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	id := created[0].ID
	emp := env.Login("demo", "emp.north.1")
	s, _ := library.ByID(key)

	type item struct {
		AssignmentID int64 `json:"assignment_id"`
		Status       string
		Result       string
		Passed       bool
		BestTotal    *float64 `json:"best_total"`
		AttemptID    *int64   `json:"attempt_id"`
	}
	mine := func() item {
		t.Helper()
		in := testkit.JSON[struct{ Items []item }](t, mustGet(t, emp, "/api/v1/training/inbox"))
		for _, it := range in.Items {
			if it.AssignmentID == id {
				return it
			}
		}
		t.Fatal("the assignment is not in the inbox")
		return item{}
	}
	type stats struct {
		Done, Failed, Passed int
		PassRate             *float64 `json:"pass_rate"`
	}
	type people struct {
		Assignment  stats
		People      []struct{ Status, Result string }
		PeopleTotal int `json:"people_total"`
	}
	progress := func(query string) people {
		t.Helper()
		return testkit.JSON[people](t, mustGet(t, hr, fmt.Sprintf("/api/v1/training/assignments/%d?%s", id, query)))
	}

	if it := mine(); it.Status != "todo" || it.Result != "not_started" {
		t.Fatalf("before any attempt: %+v", it)
	}
	failed := playRedLine(t, emp, s)
	if failed.Result == nil || failed.Result.Passed {
		t.Fatalf("the red-line attempt: %+v", failed.Result)
	}
	if it := mine(); it.Status != "todo" || it.Result != "failed" || it.Passed || it.BestTotal == nil || it.AttemptID == nil || *it.AttemptID != failed.ID {
		t.Fatalf("after a failed attempt: %+v", it)
	}
	pr := progress("status=failed")
	if pr.Assignment.Done != 0 || pr.Assignment.Failed != 1 || pr.PeopleTotal != 1 || pr.People[0].Result != "failed" || pr.People[0].Status != "todo" {
		t.Fatalf("progress after a failed attempt: %+v", pr)
	}
	if pr.Assignment.PassRate == nil || *pr.Assignment.PassRate != 0 {
		t.Fatalf("pass rate after one failure: %v", pr.Assignment.PassRate)
	}
	if done := progress("status=done"); done.PeopleTotal != 0 {
		t.Fatalf("a failed attempt counts as done: %+v", done)
	}

	passed := playGood(t, emp, s)
	if passed.Result == nil || !passed.Result.Passed {
		t.Fatalf("the good attempt: %+v", passed.Result)
	}
	if it := mine(); it.Status != "done" || it.Result != "passed" || !it.Passed || *it.AttemptID != passed.ID {
		t.Fatalf("after a pass: %+v", it)
	}
	pr = progress("status=done")
	if pr.Assignment.Done != 1 || pr.Assignment.Failed != 0 || pr.Assignment.Passed != 1 || pr.PeopleTotal != 1 || pr.People[0].Result != "passed" {
		t.Fatalf("progress after a pass: %+v", pr)
	}
}

// playRedLine finishes an attempt that crosses the first red line it meets and replies
// cleanly otherwise.
func playRedLine(t *testing.T, c *testkit.Client, s *scenarios.Scenario) attempt {
	t.Helper()
	a := start(t, c, s.ID)
	crossed := false
	for range 60 {
		cur := testkit.JSON[attempt](t, mustGet(t, c, fmt.Sprintf("/api/v1/training/attempts/%d", a.ID)))
		if cur.Status == "finished" {
			if !crossed {
				t.Fatalf("%s: finished without a red line", s.ID)
			}
			return cur
		}
		turn := s.Turn(cur.Turn.ID)
		verb, body := "answer", any(map[string]any{"text": turn.ModelAnswer.Get(scenarios.LocaleZH)})
		if !turn.IsFreeText() {
			id := ""
			for i := range turn.Choices {
				ch := &turn.Choices[i]
				if ch.IsCritical() && !crossed {
					id, crossed = ch.ID, true
					break
				}
				if id == "" && !ch.IsCritical() && s.Mismatch(ch) == nil {
					id = ch.ID
				}
			}
			verb, body = "choose", map[string]any{"choice_id": id}
		}
		if st, _, raw := act(t, c, a.ID, verb, body); st != 200 {
			t.Fatalf("%s on %s: %d %s", verb, turn.ID, st, raw)
		}
	}
	t.Fatalf("%s: the attempt did not finish", s.ID)
	return a
}
