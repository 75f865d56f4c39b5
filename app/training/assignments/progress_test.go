package assignments_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios/library"
)

// The people of a progress answer come a page at a time and by status,
// counted in full, so a bank-wide programme is never cut short.
func TestProgressPagesPeopleByStatus(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	const key = "lost-card-report"
	st, created, raw := assign(t, hr, map[string]any{"programme": "paging", "scenario_keys": []string{key},
		"branch_id": branchID(t, hr, "north"), "audience": "subtree", "due_at": env.Clock.Now().Add(48 * time.Hour)})
	if st != 200 || created[0].Members < 4 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	id, members := created[0].ID, created[0].Members
	s, _ := library.ByID(key)
	playGood(t, env.Login("demo", "emp.north.1"), s)

	type page struct {
		People []struct {
			UserID int64 `json:"user_id"`
			Status string
		}
		PeopleTotal int `json:"people_total"`
	}
	get := func(c *testkit.Client, query string) page {
		t.Helper()
		return testkit.JSON[page](t, mustGet(t, c, fmt.Sprintf("/api/v1/training/assignments/%d?%s", id, query)))
	}
	seen := map[int64]bool{}
	for n := 1; ; n++ {
		pg := get(hr, fmt.Sprintf("page=%d&page_size=3", n))
		if pg.PeopleTotal != members {
			t.Fatalf("page %d: total %d, want %d", n, pg.PeopleTotal, members)
		}
		if len(pg.People) == 0 {
			break
		}
		for _, p := range pg.People {
			if seen[p.UserID] {
				t.Fatalf("user %d on two pages", p.UserID)
			}
			seen[p.UserID] = true
		}
	}
	if len(seen) != members {
		t.Fatalf("pages listed %d people, want %d", len(seen), members)
	}
	for status, want := range map[string]int{"done": 1, "todo": members - 1, "overdue": 0} {
		pg := get(hr, "status="+status)
		if pg.PeopleTotal != want || len(pg.People) != want {
			t.Errorf("before the due date, %s: total %d, listed %d, want %d", status, pg.PeopleTotal, len(pg.People), want)
		}
		for _, p := range pg.People {
			if p.Status != status {
				t.Errorf("asked for %s, got %s", status, p.Status)
			}
		}
	}
	env.Clock.Advance(72 * time.Hour)
	hr = env.Login("demo", "hr")
	for status, want := range map[string]int{"done": 1, "todo": 0, "overdue": members - 1} {
		if pg := get(hr, "status="+status); pg.PeopleTotal != want || len(pg.People) != want {
			t.Errorf("after the due date, %s: total %d, listed %d, want %d", status, pg.PeopleTotal, len(pg.People), want)
		}
	}
	if st, body := hr.Do("GET", fmt.Sprintf("/api/v1/training/assignments/%d?status=late", id), nil); st != 422 {
		t.Errorf("unknown status: %d %s", st, body)
	}
}

// The programme list names every programme reaching the caller's branches,
// the one due latest first, with its assignments there; other banks' never.
func TestProgrammesListedLatestDueFirst(t *testing.T) {
	env := testkit.New(t)
	type programmes struct {
		Items []struct {
			Name        string
			Assignments int
		}
	}
	list := func(c *testkit.Client) programmes {
		t.Helper()
		return testkit.JSON[programmes](t, mustGet(t, c, "/api/v1/training/programmes"))
	}
	hr := env.Login("demo", "hr")
	// Seeded: HR's bank-wide programme is due in 14 days, North's in 36 hours.
	got := list(hr)
	if len(got.Items) != 2 || got.Items[0].Name != "月度合规训练" || got.Items[0].Assignments != 2 ||
		got.Items[1].Name != "北方分行服务提升" || got.Items[1].Assignments != 2 {
		t.Fatalf("hr's programmes: %+v", got)
	}
	st, _, raw := assign(t, hr, map[string]any{"programme": "2027-01 新年服务", "scenario_keys": []string{"lost-card-report"},
		"branch_id": branchID(t, hr, "south"), "audience": "subtree", "due_at": env.Clock.Now().Add(30 * 24 * time.Hour)})
	if st != 200 {
		t.Fatalf("assign: %d %s", st, raw)
	}
	if got = list(hr); len(got.Items) != 3 || got.Items[0].Name != "2027-01 新年服务" {
		t.Fatalf("after a later programme: %+v", got)
	}
	// The North manager sees what reaches North: not South's new programme.
	for _, p := range list(env.Login("demo", "mgr.north")).Items {
		if p.Name == "2027-01 新年服务" {
			t.Fatalf("North's manager sees South's programme")
		}
	}
	for _, p := range list(env.Login("demo2", "mgr.1")).Items {
		if p.Name != "昆明分行适老服务" {
			t.Fatalf("demo2's manager sees %q", p.Name)
		}
	}
}
