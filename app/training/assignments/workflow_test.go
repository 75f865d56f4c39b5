package assignments_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios/library"
)

type workflowItem struct {
	AssignmentID int64 `json:"assignment_id"`
	Result       string
	AttemptsUsed int    `json:"attempts_used"`
	MaxAttempts  int    `json:"max_attempts"`
	RetakeOf     *int64 `json:"retake_of"`
}

func inboxItem(t *testing.T, c *testkit.Client, id int64) workflowItem {
	t.Helper()
	for _, it := range testkit.JSON[struct{ Items []workflowItem }](t, mustGet(t, c, "/api/v1/training/inbox")).Items {
		if it.AssignmentID == id {
			return it
		}
	}
	t.Fatalf("assignment %d is not in the inbox", id)
	return workflowItem{}
}

// An assignment may cap attempts until a pass: the inbox and progress count them, a start
// past the cap is refused naming the assignment, and a manager's retake of the failed
// attempt (only in their subtree, once while open) lets the person try again.
func TestAttemptLimitAndRetake(t *testing.T) {
	env := testkit.New(t)
	env.Clock.Advance(time.Minute) // after the demo's own attempts
	hr := env.Login("demo", "hr")
	const key = "corporate-urgent-credit"
	s, _ := library.ByID(key)
	north := branchID(t, hr, "north")
	if st, _, raw := assign(t, hr, map[string]any{"scenario_keys": []string{key}, "branch_id": north, "audience": "subtree",
		"due_at": env.Clock.Now().Add(72 * time.Hour), "max_attempts": 21}); st != 422 || !strings.Contains(raw, "body.max_attempts") {
		t.Fatalf("a limit above the cap: %d %s", st, raw)
	}
	st, created, raw := assign(t, hr, map[string]any{"scenario_keys": []string{key}, "branch_id": north, "audience": "subtree",
		"due_at": env.Clock.Now().Add(72 * time.Hour), "max_attempts": 2})
	if st != 200 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	id := created[0].ID
	emp := env.Login("demo", "emp.north.1")
	if it := inboxItem(t, emp, id); it.AttemptsUsed != 0 || it.MaxAttempts != 2 {
		t.Fatalf("before any attempt: %+v", it)
	}
	playRedLine(t, emp, s)
	last := playRedLine(t, emp, s)
	if it := inboxItem(t, emp, id); it.AttemptsUsed != 2 || it.MaxAttempts != 2 || it.Result != "failed" {
		t.Fatalf("after two failed attempts: %+v", it)
	}
	st, body := emp.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": key})
	if st != 409 || !strings.Contains(body, "body.scenario_id") || !strings.Contains(body, fmt.Sprintf("assignment %d", id)) {
		t.Fatalf("a third start: %d %s, want 409 naming the assignment", st, body)
	}
	pr := testkit.JSON[struct {
		People []struct {
			Name         string
			AttemptsUsed int `json:"attempts_used"`
		}
	}](t, mustGet(t, hr, fmt.Sprintf("/api/v1/training/assignments/%d?status=failed", id)))
	if len(pr.People) != 1 || pr.People[0].AttemptsUsed != 2 {
		t.Fatalf("progress of the failed person: %+v", pr.People)
	}
	// Someone else in the branch is not held back by another's limit.
	if st, body := env.Login("demo", "staff.north.1").Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": key}); st != 200 {
		t.Fatalf("another person starts: %d %s", st, body)
	}

	retake := func(c *testkit.Client, attempt int64) (int, string) {
		return c.Do("POST", "/api/v1/training/assignments/retakes", map[string]any{"attempt_id": attempt,
			"due_at": env.Clock.Now().Add(48 * time.Hour), "max_attempts": 1, "note": "再练一次"})
	}
	if st, body := retake(env.Login("demo", "mgr.south"), last.ID); st != 404 {
		t.Fatalf("a manager of a sibling branch retakes: %d %s, want 404", st, body)
	}
	if st, body := retake(emp, last.ID); st != 403 {
		t.Fatalf("an employee assigns a retake: %d %s, want 403", st, body)
	}
	env.Clock.Advance(time.Minute) // the retake counts only attempts from now on
	mgr := env.Login("demo", "mgr.north")
	st, body = retake(mgr, last.ID)
	if st != 200 {
		t.Fatalf("retake: %d %s", st, body)
	}
	re := testkit.JSON[struct {
		ID          int64
		Members     int
		MaxAttempts int    `json:"max_attempts"`
		RetakeOf    *int64 `json:"retake_of"`
		Audience    string
	}](t, body)
	if re.Members != 1 || re.MaxAttempts != 1 || re.RetakeOf == nil || *re.RetakeOf != last.ID || re.Audience != "users" {
		t.Fatalf("the retake: %+v", re)
	}
	if st, body := retake(mgr, last.ID); st != 409 || !strings.Contains(body, "body.attempt_id") {
		t.Fatalf("a second retake of the same attempt: %d %s, want 409", st, body)
	}
	if it := inboxItem(t, emp, re.ID); it.RetakeOf == nil || it.AttemptsUsed != 0 || it.MaxAttempts != 1 {
		t.Fatalf("the retake in the inbox: %+v", it)
	}
	passed := playGood(t, emp, s)
	if passed.Result == nil || !passed.Result.Passed {
		t.Fatalf("the retake's attempt: %+v", passed.Result)
	}
	if it := inboxItem(t, emp, id); it.Result != "passed" {
		t.Fatalf("the first assignment after the retake's pass: %+v", it)
	}
	// Passed: practice is never refused, whatever the limits.
	if st, body := emp.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": key}); st != 200 {
		t.Fatalf("practice after a pass: %d %s", st, body)
	}
	if st, body := retake(mgr, passed.ID); st != 409 {
		t.Fatalf("a retake of a passed attempt: %d %s, want 409", st, body)
	}
	if st, body := retake(mgr, 99999999); st != 404 {
		t.Fatalf("a retake of a missing attempt: %d %s, want 404", st, body)
	}
}

type notificationList struct {
	Items []struct {
		Kind      string         `json:"kind"`
		SubjectID int64          `json:"subject_id"`
		Data      map[string]any `json:"data"`
	} `json:"items"`
}

func countKind(t *testing.T, c *testkit.Client, kind string, subject int64) int {
	t.Helper()
	n := 0
	for _, it := range testkit.JSON[notificationList](t, mustGet(t, c, "/api/v1/notifications?limit=100")).Items {
		if it.Kind == kind && it.SubjectID == subject {
			n++
		}
	}
	return n
}

// A manager reminds those in their branches who have not started, once a day per
// assignment; a second press says when the next is allowed.
func TestRemindNotStarted(t *testing.T) {
	env := testkit.New(t)
	env.Clock.Advance(time.Minute) // after the demo's own attempts
	hr := env.Login("demo", "hr")
	const key = "lost-card-report"
	st, created, raw := assign(t, hr, map[string]any{"scenario_keys": []string{key}, "branch_id": branchID(t, hr, "north"),
		"audience": "subtree", "due_at": env.Clock.Now().Add(96 * time.Hour)})
	if st != 200 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	id, members := created[0].ID, created[0].Members
	started := env.Login("demo", "emp.north.1")
	start(t, started, key) // in progress: started, so not reminded
	path := fmt.Sprintf("/api/v1/training/assignments/%d/remind", id)

	if st, body := env.Login("demo", "mgr.south").Do("POST", path, nil); st != 404 {
		t.Fatalf("a sibling branch's manager reminds: %d %s, want 404", st, body)
	}
	if st, body := started.Do("POST", path, nil); st != 403 {
		t.Fatalf("an employee reminds: %d %s, want 403", st, body)
	}
	mgr := env.Login("demo", "mgr.north")
	st, body := mgr.Do("POST", path, nil)
	if st != 200 {
		t.Fatalf("remind: %d %s", st, body)
	}
	r := testkit.JSON[struct {
		Sent   int
		NextAt *time.Time `json:"next_at"`
	}](t, body)
	if r.Sent != members-1 || r.NextAt == nil || !r.NextAt.Equal(env.Clock.Now().Add(24*time.Hour)) {
		t.Fatalf("reminded %+v of %d members, want all but the one who started and the next in 24 h", r, members)
	}
	if n := countKind(t, env.Login("demo", "staff.north.1"), "training.reminded", id); n != 1 {
		t.Fatalf("a not-started member got %d reminders, want 1", n)
	}
	if n := countKind(t, started, "training.reminded", id); n != 0 {
		t.Fatalf("the member who started got %d reminders, want 0", n)
	}

	env.Clock.Advance(23 * time.Hour)
	mgr, hr = env.Login("demo", "mgr.north"), env.Login("demo", "hr") // the sessions have timed out
	st, body = mgr.Do("POST", path, nil)
	next := r.NextAt.UTC().Format(time.RFC3339)
	if st != 429 || !strings.Contains(body, next) || !strings.Contains(body, "path.id") {
		t.Fatalf("a second press within a day: %d %s, want 429 naming %s", st, body, next)
	}
	if st, _ := hr.Do("POST", path, nil); st != 429 {
		t.Fatalf("HR presses within the day: %d, want 429 (once per assignment)", st)
	}
	env.Clock.Advance(time.Hour)
	mgr = env.Login("demo", "mgr.north")
	if st, body := mgr.Do("POST", path, nil); st != 200 {
		t.Fatalf("a press a day later: %d %s", st, body)
	}
	if n := countKind(t, env.Login("demo", "staff.north.1"), "training.reminded", id); n != 2 {
		t.Fatalf("after the second reminder: %d, want 2", n)
	}
}

// The dialog's dry run counts the people an assignment reaches and warns about those who
// have the same scenario open already; it writes nothing.
func TestPreviewCountsReachAndDuplicates(t *testing.T) {
	env := testkit.New(t)
	env.Clock.Advance(time.Minute) // after the demo's own attempts
	hr := env.Login("demo", "hr")
	const key = "corporate-urgent-credit"
	body := map[string]any{"scenario_keys": []string{key, "salary-to-fixed-deposit"}, "branch_id": branchID(t, hr, "north"),
		"audience": "subtree", "due_at": env.Clock.Now().Add(72 * time.Hour)}
	type preview struct {
		Members    int
		Duplicates []struct {
			ScenarioKey   string  `json:"scenario_key"`
			People        int     `json:"people"`
			AssignmentIDs []int64 `json:"assignment_ids"`
		}
	}
	dry := func() preview {
		t.Helper()
		st, raw := hr.Do("POST", "/api/v1/training/assignments/preview", body)
		if st != 200 {
			t.Fatalf("preview: %d %s", st, raw)
		}
		return testkit.JSON[preview](t, raw)
	}
	before := testkit.JSON[struct{ Items []assignmentView }](t, mustGet(t, hr, "/api/v1/training/assignments"))
	first := dry()
	if first.Members == 0 {
		t.Fatalf("the dry run reaches nobody: %+v", first)
	}
	for _, d := range first.Duplicates {
		if d.ScenarioKey == key {
			t.Fatalf("a duplicate before anything was assigned: %+v", first)
		}
	}
	if after := testkit.JSON[struct{ Items []assignmentView }](t, mustGet(t, hr, "/api/v1/training/assignments")); len(after.Items) != len(before.Items) {
		t.Fatalf("the dry run created assignments: %d → %d", len(before.Items), len(after.Items))
	}
	st, created, raw := assign(t, hr, map[string]any{"scenario_keys": []string{key}, "branch_id": body["branch_id"], "audience": "subtree", "due_at": body["due_at"]})
	if st != 200 || created[0].Members != first.Members {
		t.Fatalf("assign: %d %s (the dry run said %d)", st, raw, first.Members)
	}
	second := dry()
	found := false
	for _, d := range second.Duplicates {
		if d.ScenarioKey == key {
			found = d.People == first.Members && len(d.AssignmentIDs) == 1 && d.AssignmentIDs[0] == created[0].ID
		}
	}
	if !found {
		t.Fatalf("the second dry run does not warn about assignment %d for all %d: %+v", created[0].ID, first.Members, second)
	}
	body["audience"] = "role"
	body["role"] = "auditor"
	if st, raw := hr.Do("POST", "/api/v1/training/assignments/preview", body); st != 422 || !strings.Contains(raw, "body.role") {
		t.Fatalf("a bad dry run: %d %s", st, raw)
	}
}
