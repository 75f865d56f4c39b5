package assignments_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

type assignmentView struct {
	ID            int64
	ScenarioKey   string `json:"scenario_key"`
	Members       int
	Done          int
	Passed        int
	Overdue       int
	AvgScore      *float64 `json:"avg_score"`
	CompletionPct float64  `json:"completion_pct"`
	CancelledAt   *string  `json:"cancelled_at"`
}

type inbox struct {
	Items []struct {
		AssignmentID int64  `json:"assignment_id"`
		ScenarioKey  string `json:"scenario_key"`
		Status       string
		DueSoon      bool `json:"due_soon"`
		Passed       bool
		BestTotal    *float64 `json:"best_total"`
	}
	Counts map[string]int
}

// only keeps the items of the given assignments (the demo seed has its own).
func (in inbox) only(ids ...int64) inbox {
	out := inbox{Counts: map[string]int{}}
	for _, it := range in.Items {
		for _, id := range ids {
			if it.AssignmentID == id {
				out.Items = append(out.Items, it)
				out.Counts[it.Status]++
			}
		}
	}
	return out
}

type progress struct {
	Assignment assignmentView
	Branches   []struct {
		BranchName string `json:"branch_name"`
		Members    int
		Done       int
		Overdue    int
	}
	People []struct {
		Name   string
		Status string
	}
}

func branchID(t *testing.T, c *testkit.Client, code string) int64 {
	t.Helper()
	out := testkit.JSON[struct {
		Items []struct {
			ID   int64
			Code string
		}
	}](t, mustGet(t, c, "/api/v1/branches"))
	for _, b := range out.Items {
		if b.Code == code {
			return b.ID
		}
	}
	t.Fatalf("no branch %s", code)
	return 0
}

func assign(t *testing.T, c *testkit.Client, body map[string]any) (int, []assignmentView, string) {
	t.Helper()
	st, raw := c.Do("POST", "/api/v1/training/assignments", body)
	if st != 200 {
		return st, nil, raw
	}
	return st, testkit.JSON[struct{ Items []assignmentView }](t, raw).Items, raw
}

// playGood finishes an attempt of a built-in scenario on its first
// violation-free path to a resolved ending.
func playGood(t *testing.T, c *testkit.Client, s *scenarios.Scenario) attempt {
	t.Helper()
	a := start(t, c, s.ID)
	paths := scenarios.PathsToEndings(s)
	for _, e := range s.Endings {
		moves, ok := paths[e.ID]
		if !ok || e.Kind != "resolved" {
			continue
		}
		var last attempt
		for _, m := range moves {
			verb, body := "choose", any(map[string]any{"choice_id": m.Choice})
			if m.Text != "" {
				verb, body = "answer", map[string]any{"text": m.Text}
			}
			st, got, raw := act(t, c, a.ID, verb, body)
			if st != 200 {
				t.Fatalf("%s %s: %d %s", s.ID, verb, st, raw)
			}
			last = got
			if m.Confirm {
				_, last, _ = act(t, c, a.ID, "confirm", nil)
			}
		}
		return last
	}
	t.Fatalf("%s: no resolved ending", s.ID)
	return a
}

func TestAssignmentsInboxProgressAndNotifications(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	north := branchID(t, hr, "north")
	const key = "salary-to-fixed-deposit"
	due := env.Clock.Now().Add(7 * 24 * time.Hour)

	st, created, raw := assign(t, hr, map[string]any{"programme": "2026-11 合规月", "scenario_keys": []string{key, "lost-card-report"},
		"branch_id": north, "audience": "subtree", "due_at": due})
	if st != 200 || len(created) != 2 || created[0].ScenarioKey != key || created[0].Members < 2 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	id, other := created[0].ID, created[1].ID

	// The North employee sees it; the South one does not.
	emp := env.Login("demo", "emp.north.1")
	in := testkit.JSON[inbox](t, mustGet(t, emp, "/api/v1/training/inbox")).only(id, other)
	if in.Counts["todo"] != 2 || in.Items[0].Status != "todo" || in.Items[0].ScenarioKey == "" {
		t.Fatalf("north inbox: %+v", in)
	}
	if got := testkit.JSON[inbox](t, mustGet(t, env.Login("demo", "emp.south.1"), "/api/v1/training/inbox")).only(id, other); len(got.Items) != 0 {
		t.Fatalf("south employee got north's assignment: %+v", got)
	}
	notes := testkit.JSON[struct {
		Items []struct {
			Kind      string
			SubjectID int64 `json:"subject_id"`
			Data      map[string]any
		}
	}](t, mustGet(t, emp, "/api/v1/notifications?unread=true&limit=100"))
	announced := 0
	for _, n := range notes.Items {
		if n.Kind == "training.assigned" && (n.SubjectID == id || n.SubjectID == other) && n.Data["programme"] == "2026-11 合规月" {
			announced++
		}
	}
	if announced != 2 {
		t.Fatalf("notifications after assignment: %+v", notes)
	}

	// Finishing the scenario completes the assignment, once.
	s, _ := library.ByID(key)
	res := playGood(t, emp, s)
	if res.Result == nil {
		t.Fatal("attempt did not finish")
	}
	in = testkit.JSON[inbox](t, mustGet(t, emp, "/api/v1/training/inbox")).only(id, other)
	var done bool
	for _, it := range in.Items {
		if it.AssignmentID == id {
			done = it.Status == "done" && it.BestTotal != nil && *it.BestTotal == res.Result.Total && it.Passed == res.Result.Passed
		}
	}
	if !done || in.Counts["done"] != 1 {
		t.Fatalf("inbox after finishing: %+v", in)
	}

	// The North manager sees North's numbers; HR the same (all in North).
	mgr := env.Login("demo", "mgr.north")
	pr := testkit.JSON[progress](t, mustGet(t, mgr, fmt.Sprintf("/api/v1/training/assignments/%d", id)))
	if pr.Assignment.Done != 1 || pr.Assignment.Members < 2 || pr.Assignment.AvgScore == nil || len(pr.Branches) < 2 {
		t.Fatalf("manager's progress: %+v", pr)
	}
	sum := 0
	for _, b := range pr.Branches {
		sum += b.Members
	}
	if sum != pr.Assignment.Members || len(pr.People) != pr.Assignment.Members {
		t.Fatalf("branch rows add to %d, people %d, members %d", sum, len(pr.People), pr.Assignment.Members)
	}
	list := testkit.JSON[struct{ Items []assignmentView }](t, mustGet(t, mgr, "/api/v1/training/assignments?programme=2026-11%20%E5%90%88%E8%A7%84%E6%9C%88"))
	if len(list.Items) != 2 || list.Items[0].ID != other && list.Items[0].ID != id {
		t.Fatalf("manager's list by programme: %+v", list)
	}

	// A week and a day later the other assignment is overdue.
	env.Clock.Advance(8 * 24 * time.Hour)
	emp = env.Login("demo", "emp.north.1")
	in = testkit.JSON[inbox](t, mustGet(t, emp, "/api/v1/training/inbox")).only(id, other)
	if in.Counts["overdue"] != 1 || in.Counts["done"] != 1 {
		t.Fatalf("inbox after the due date: %+v", in)
	}
	pr = testkit.JSON[progress](t, mustGet(t, env.Login("demo", "hr"), fmt.Sprintf("/api/v1/training/assignments/%d", created[1].ID)))
	if pr.Assignment.Overdue != pr.Assignment.Members {
		t.Fatalf("overdue count: %+v", pr.Assignment)
	}
}

func TestAssignmentScopeAndBadInput(t *testing.T) {
	env := testkit.New(t)
	mgr := env.Login("demo", "mgr.north")
	hr := env.Login("demo", "hr")
	north, south := branchID(t, hr, "north"), branchID(t, hr, "south")
	due := env.Clock.Now().Add(72 * time.Hour)
	body := func(kv ...any) map[string]any {
		m := map[string]any{"scenario_keys": []string{"lost-card-report"}, "branch_id": north, "audience": "subtree", "due_at": due}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	cases := []struct {
		name     string
		c        *testkit.Client
		body     map[string]any
		status   int
		location string
	}{
		{"manager outside the subtree", mgr, body("branch_id", south), 404, ""},
		{"missing branch", mgr, body("branch_id", 999999999), 422, "body.branch_id"},
		{"past due date", mgr, body("due_at", env.Clock.Now().Add(-time.Hour)), 422, "body.due_at"},
		{"unknown scenario", mgr, body("scenario_keys", []string{"no-such"}), 422, "body.scenario_keys[0]"},
		{"bad role", mgr, body("audience", "role", "role", "ceo"), 422, "body.role"},
		{"users audience without users", mgr, body("audience", "users"), 422, "body.user_ids"},
		{"a person outside the branch", hr, body("audience", "users", "user_ids", []int64{userID(t, hr, "emp.south.1")}), 422, "body.user_ids[0]"},
		{"bad audience", mgr, body("audience", "everyone"), 422, "body.audience"},
		{"employee assigns", env.Login("demo", "emp.north.1"), body(), 403, ""},
	}
	before := mustGet(t, hr, "/api/v1/training/assignments")
	for _, c := range cases {
		st, _, raw := assign(t, c.c, c.body)
		if st != c.status || !strings.Contains(raw, c.location) {
			t.Errorf("%s: %d %s", c.name, st, raw)
		}
	}
	if after := mustGet(t, hr, "/api/v1/training/assignments"); after != before {
		t.Fatal("refused assignments changed something")
	}

	// Role audience: the managers under North only.
	st, created, raw := assign(t, mgr, body("audience", "role", "role", "manager"))
	if st != 200 || len(created) != 1 {
		t.Fatalf("role audience: %d %s", st, raw)
	}
	pr := testkit.JSON[progress](t, mustGet(t, mgr, fmt.Sprintf("/api/v1/training/assignments/%d", created[0].ID)))
	// North and its Chaoyang sub-branch each have a manager (行长); nobody else.
	if pr.Assignment.Members != 2 || len(pr.People) != 2 {
		t.Fatalf("role audience members: %+v", pr)
	}
	for _, p := range pr.People {
		if !strings.Contains(p.Name, "行长") {
			t.Errorf("role audience reached %s", p.Name)
		}
	}
	// Named people.
	st, created, raw = assign(t, mgr, body("audience", "users", "user_ids", []int64{userID(t, hr, "emp.north.1")}))
	if st != 200 {
		t.Fatalf("users audience: %d %s", st, raw)
	}
	// The South manager's view has nothing of North's assignments.
	if st, _ := env.Login("demo", "mgr.south").Do("GET", fmt.Sprintf("/api/v1/training/assignments/%d", created[0].ID), nil); st != 404 {
		t.Fatalf("south manager reads north's assignment: %d, want 404", st)
	}
	// Cancelling takes it out of the inbox; twice is a conflict.
	if st, raw := mgr.Do("POST", fmt.Sprintf("/api/v1/training/assignments/%d/cancel", created[0].ID), nil); st != 200 || !strings.Contains(raw, `"cancelled_at":"`) {
		t.Fatalf("cancel: %d %s", st, raw)
	}
	if st, _ := mgr.Do("POST", fmt.Sprintf("/api/v1/training/assignments/%d/cancel", created[0].ID), nil); st != 409 {
		t.Fatalf("second cancel: %d, want 409", st)
	}
	for _, it := range testkit.JSON[inbox](t, mustGet(t, env.Login("demo", "emp.north.1"), "/api/v1/training/inbox")).Items {
		if it.AssignmentID == created[0].ID {
			t.Fatal("a cancelled assignment is still in the inbox")
		}
	}
}

// The reminder is a periodic job's work (a GET never writes): reading the
// notifications creates none, a run sends each one once, and a second run
// sends nothing more.
func TestDueSoonReminderOnce(t *testing.T) {
	env := testkit.New(t)
	ctx := context.Background()
	hr := env.Login("demo", "hr")
	// South has no seeded assignment due soon.
	st, _, raw := assign(t, hr, map[string]any{"scenario_keys": []string{"lost-card-report"}, "branch_id": branchID(t, hr, "south"),
		"audience": "users", "user_ids": []int64{userID(t, hr, "emp.south.1")}, "due_at": env.Clock.Now().Add(5 * 24 * time.Hour)})
	if st != 200 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	emp := env.Login("demo", "emp.south.1")
	remind := func() int {
		n, err := env.App.Assignments.RemindDueSoon(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	remind() // the seed's own due-soon assignments (North) are sent here
	if strings.Contains(mustGet(t, emp, "/api/v1/notifications"), "training.due_soon") {
		t.Fatal("reminder five days ahead")
	}
	env.Clock.Advance(4 * 24 * time.Hour)
	emp = env.Login("demo", "emp.south.1")
	if strings.Contains(mustGet(t, emp, "/api/v1/notifications"), "training.due_soon") {
		t.Fatal("reading the notifications created a reminder: a GET must not write")
	}
	if n := remind(); n < 1 {
		t.Fatalf("the reminder job sent %d reminders, want at least emp.south.1's", n)
	}
	for i := 0; i < 2; i++ {
		body := mustGet(t, emp, "/api/v1/notifications")
		if n := strings.Count(body, `"kind":"training.due_soon"`); n != 1 {
			t.Fatalf("read %d: %d due-soon reminders, want 1: %s", i, n, body)
		}
	}
	if n := remind(); n != 0 {
		t.Fatalf("a second run sent %d reminders, want 0", n)
	}
	if n := strings.Count(mustGet(t, emp, "/api/v1/notifications"), `"kind":"training.due_soon"`); n != 1 {
		t.Fatalf("after a second run: %d due-soon reminders, want 1", n)
	}
	if st, _ := emp.Do("POST", "/api/v1/notifications/read-all", nil); st != 204 {
		t.Fatalf("read all: %d", st)
	}
	if body := mustGet(t, emp, "/api/v1/notifications"); !strings.Contains(body, `"unread":0`) {
		t.Fatalf("after read-all: %s", body)
	}
}

func userID(t *testing.T, c *testkit.Client, username string) int64 {
	t.Helper()
	out := testkit.JSON[struct {
		Items []struct {
			ID       int64
			Username string
		}
	}](t, mustGet(t, c, "/api/v1/users?q="+username+"&page_size=200"))
	for _, u := range out.Items {
		if u.Username == username {
			return u.ID
		}
	}
	t.Fatalf("no user %s", username)
	return 0
}

// An assignment whose scenario is hidden after it was made stays in the
// inbox with its title, marked as not available to start; showing the
// scenario again makes it available.
func TestInboxMarksAHiddenScenarioUnavailable(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	st, created, raw := assign(t, hr, map[string]any{"scenario_keys": []string{"green-loan-enquiry"}, "branch_id": branchID(t, hr, "south"),
		"audience": "users", "user_ids": []int64{userID(t, hr, "emp.south.1")}, "due_at": env.Clock.Now().Add(7 * 24 * time.Hour)})
	if st != 200 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	emp := env.Login("demo", "emp.south.1")
	type item struct {
		AssignmentID int64             `json:"assignment_id"`
		Title        map[string]string `json:"title"`
		Available    bool              `json:"available"`
	}
	find := func() item {
		t.Helper()
		for _, it := range testkit.JSON[struct{ Items []item }](t, mustGet(t, emp, "/api/v1/training/inbox")).Items {
			if it.AssignmentID == created[0].ID {
				return it
			}
		}
		t.Fatalf("assignment %d not in the inbox", created[0].ID)
		return item{}
	}
	if it := find(); !it.Available || it.Title["zh-CN"] == "" {
		t.Fatalf("before hiding: %+v, want available with a title", it)
	}
	if st, body := hr.Do("PUT", "/api/v1/training/library/green-loan-enquiry/hidden", map[string]bool{"hidden": true}); st != 200 {
		t.Fatalf("hide: %d %s", st, body)
	}
	if it := find(); it.Available || it.Title["zh-CN"] == "" {
		t.Fatalf("after hiding: %+v, want unavailable, title kept", it)
	}
	if st, body := hr.Do("PUT", "/api/v1/training/library/green-loan-enquiry/hidden", map[string]bool{"hidden": false}); st != 200 {
		t.Fatalf("show again: %d %s", st, body)
	}
	if it := find(); !it.Available {
		t.Fatalf("shown again: %+v, want available", it)
	}
}

// Auditors take no training (they hold no other role), so no assignment may
// target them; the answer names the field.
func TestNoAssignmentTargetsAuditors(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	st, _, raw := assign(t, hr, map[string]any{"scenario_keys": []string{"lost-card-report"}, "branch_id": branchID(t, hr, "HQ"),
		"audience": "role", "role": "auditor", "due_at": env.Clock.Now().Add(7 * 24 * time.Hour)})
	if st != 422 || !strings.Contains(raw, `"body.role"`) {
		t.Fatalf("assign to auditors: %d %s, want 422 naming body.role", st, raw)
	}
}
