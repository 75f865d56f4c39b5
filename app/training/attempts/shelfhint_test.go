package attempts_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
)

type hinted struct {
	ID        int64
	ShelfHint bool `json:"shelf_hint"`
}

// startHinted starts an attempt of key as c and says whether its shelf shows the fit.
func startHinted(t *testing.T, c *testkit.Client, key string) hinted {
	t.Helper()
	st, body := c.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": key})
	if st != 200 || !strings.Contains(body, `"shelf_hint":`) {
		t.Fatalf("start %s: %d %s", key, st, body)
	}
	return testkit.JSON[hinted](t, body)
}

// An attempt's shelf marks which products fit only when the server says so: for a
// scenario with shelf_hint fit, or an attempt that counts for beginner-mode assignments
// only. A normal assignment, free practice, or a beginner assignment shadowed by a
// normal one of the same scenario shows ratings only; an attempt keeps what it began with.
func TestBeginnerAssignmentTurnsTheShelfHintOn(t *testing.T) {
	env := testkit.New(t)
	env.Clock.Advance(time.Minute) // after the demo's own assignments and attempts
	hr := env.Login("demo", "hr")
	emp := env.Login("demo", "emp.north.1")
	me := testkit.JSON[struct {
		User struct {
			ID       int64
			BranchID int64 `json:"branch_id"`
		}
	}](t, mustGet(t, emp, "/api/v1/me")).User
	// Scenarios no demo assignment covers, so the person has no other open one.
	const beginner, normal = "wealth-inheritance", "green-loan-enquiry"
	// assignTo assigns key to emp alone, beginner mode as hint says (nil: not sent).
	assignTo := func(key string, hint any) (int, string) {
		t.Helper()
		body := map[string]any{"scenario_keys": []string{key}, "branch_id": me.BranchID, "audience": "users",
			"user_ids": []int64{me.ID}, "due_at": env.Clock.Now().Add(72 * time.Hour)}
		if hint != nil {
			body["beginner_hint"] = hint
		}
		return hr.Do("POST", "/api/v1/training/assignments", body)
	}
	mustAssign := func(key string, hint any) int64 {
		t.Helper()
		st, raw := assignTo(key, hint)
		if st != 200 {
			t.Fatalf("assign %s: %d %s", key, st, raw)
		}
		return testkit.JSON[struct{ Items []struct{ ID int64 } }](t, raw).Items[0].ID
	}
	if st, raw := assignTo(beginner, "yes"); st != 422 || !strings.Contains(raw, "body.beginner_hint") {
		t.Fatalf("beginner_hint not a boolean: %d %s, want 422 naming it", st, raw)
	}
	b := mustAssign(beginner, true)
	mustAssign(normal, nil)

	// The assignment says it is in beginner mode wherever it is shown.
	if !strings.Contains(mustGet(t, hr, fmt.Sprintf("/api/v1/training/assignments/%d", b)), `"beginner_hint":true`) {
		t.Fatal("progress does not show beginner mode")
	}
	for _, it := range testkit.JSON[struct {
		Items []struct {
			ScenarioKey  string `json:"scenario_key"`
			BeginnerHint bool   `json:"beginner_hint"`
		}
	}](t, mustGet(t, emp, "/api/v1/training/inbox")).Items {
		if (it.ScenarioKey == beginner) != it.BeginnerHint {
			t.Fatalf("inbox item %s: beginner_hint %v", it.ScenarioKey, it.BeginnerHint)
		}
	}

	first := startHinted(t, emp, beginner)
	if !first.ShelfHint {
		t.Fatal("an attempt for a beginner assignment shows ratings only")
	}
	if got := testkit.JSON[hinted](t, mustGet(t, emp, fmt.Sprintf("/api/v1/training/attempts/%d", first.ID))); !got.ShelfHint {
		t.Fatal("the resumed attempt lost its hint")
	}
	if !strings.Contains(mustGet(t, env.Login("demo", "mgr.north"), fmt.Sprintf("/api/v1/training/reviews/%d", first.ID)), `"shelf_hint":true`) {
		t.Fatal("the reviewer does not see that the shelf showed the fit")
	}
	if startHinted(t, emp, normal).ShelfHint {
		t.Fatal("an attempt for a normal assignment shows the fit")
	}
	if startHinted(t, env.Login("demo", "emp.south.1"), beginner).ShelfHint {
		t.Fatal("free practice of a scenario without shelf_hint shows the fit")
	}

	// The same scenario assigned normally as well: the next attempt counts for both, so no hint;
	// the attempt begun before keeps the shelf it had.
	mustAssign(beginner, false)
	if startHinted(t, emp, beginner).ShelfHint {
		t.Fatal("an attempt that also counts for a normal assignment shows the fit")
	}
	if got := testkit.JSON[hinted](t, mustGet(t, emp, fmt.Sprintf("/api/v1/training/attempts/%d", first.ID))); !got.ShelfHint {
		t.Fatal("an attempt's hint changed after it began")
	}

	// A scenario that turns the hint on keeps it on, assignment or not.
	const fit = "wealth-inheritance-fit"
	publishEdited(t, hr, beginner, fit, func(src string) string {
		if !strings.Contains(src, "\ncategory: ") {
			t.Fatalf("no category line in:\n%.400s", src)
		}
		return strings.Replace(src, "\ncategory: ", "\nshelf_hint: fit\ncategory: ", 1)
	})
	if !startHinted(t, env.Login("demo", "emp.south.1"), fit).ShelfHint {
		t.Fatal("free practice of a scenario with shelf_hint fit shows ratings only")
	}
	mustAssign(fit, nil)
	if !startHinted(t, emp, fit).ShelfHint {
		t.Fatal("a normal assignment of a scenario with shelf_hint fit turned the hint off")
	}
}

// publishEdited clones the scenario from as key, edits the clone's source, uploads it
// as its next version and publishes it, as HR would.
func publishEdited(t *testing.T, hr *testkit.Client, from, key string, edit func(src string) string) {
	t.Helper()
	if st, body := hr.Do("POST", "/api/v1/training/library/"+from+"/clone", map[string]string{"new_key": key}); st != 200 {
		t.Fatalf("clone: %d %s", st, body)
	}
	src := mustGet(t, hr, "/api/v1/training/library/"+key+"/source")
	if !strings.Contains(src, "version: 1\n") {
		t.Fatalf("a clone not at version 1:\n%.300s", src)
	}
	src = strings.Replace(edit(src), "version: 1\n", "version: 2\n", 1)
	req := httptest.NewRequest("POST", "/api/v1/training/library", strings.NewReader(src))
	req.Header.Set("Content-Type", "application/yaml")
	if st, body := hr.SendRaw(req); st != 200 {
		t.Fatalf("upload: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/publish", nil); st != 200 {
		t.Fatalf("publish: %d %s", st, body)
	}
}
