package cases_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// Who sees what: drafts are the author's and their reviewers'; a published
// case the whole bank's; one restricted to the North its people's and
// those above it; nothing crosses banks. Refusals: 404 where the case is
// not visible, 403 where it is visible but the step is not the caller's.
func TestVisibilityPerRole(t *testing.T) {
	env := testkit.New(t)
	who := map[string]*testkit.Client{}
	for _, u := range []string{"emp.north.1", "mgr.north", "mgr.chaoyang", "mgr.south", "emp.south.1", "hr", "auditor", "admin", "staff.north.1"} {
		who[u] = env.Login("demo", u)
	}
	other := env.Login("demo2", "admin")
	draft := decode[caseOut](t, must(t, who["emp.north.1"], 200, "POST", "/api/v1/cases", body("Visibility draft", nil)))
	path := fmt.Sprintf("/api/v1/cases/%d", draft.ID)
	expect := func(label, p string, want map[string]int) {
		t.Helper()
		for u, st := range want {
			if got, out := who[u].Do("GET", p, nil); got != st {
				t.Errorf("%s: %s GET %s = %d %s, want %d", label, u, p, got, out, st)
			}
		}
		if got, _ := other.Do("GET", p, nil); got != 404 {
			t.Errorf("%s: another bank's admin gets %d", label, got)
		}
	}
	expect("draft", path, map[string]int{"emp.north.1": 200, "mgr.north": 200, "mgr.chaoyang": 200, "hr": 200,
		"mgr.south": 404, "emp.south.1": 404, "auditor": 404, "admin": 404, "staff.north.1": 404})
	must(t, who["emp.north.1"], 200, "POST", path+"/submit", nil)
	// The author never approves their own case, even as a manager.
	mine := decode[caseOut](t, must(t, who["mgr.chaoyang"], 200, "POST", "/api/v1/cases", body("Manager's own case", nil)))
	must(t, who["mgr.chaoyang"], 200, "POST", fmt.Sprintf("/api/v1/cases/%d/submit", mine.ID), nil)
	must(t, who["mgr.chaoyang"], 403, "POST", fmt.Sprintf("/api/v1/cases/%d/approve", mine.ID), map[string]any{})
	if q := must(t, who["mgr.chaoyang"], 200, "GET", "/api/v1/cases/review-queue", nil); strings.Contains(q, "Manager's own case") {
		t.Error("a manager's own case is in their review queue")
	}
	if q := must(t, who["mgr.north"], 200, "GET", "/api/v1/cases/review-queue", nil); !strings.Contains(q, "Manager's own case") || !strings.Contains(q, "Visibility draft") {
		t.Errorf("the North's queue: %s", q)
	}
	if q := must(t, who["mgr.south"], 200, "GET", "/api/v1/cases/review-queue", nil); strings.Contains(q, "Visibility draft") {
		t.Error("the South's manager sees the North's queue")
	}
	must(t, who["auditor"], 403, "GET", "/api/v1/cases/review-queue", nil)
	must(t, who["mgr.chaoyang"], 200, "POST", path+"/approve", map[string]any{"review_by": "2027-06-30T00:00:00Z"})
	expect("published", path, map[string]int{"emp.north.1": 200, "mgr.south": 200, "emp.south.1": 200, "auditor": 200, "admin": 200, "staff.north.1": 200})
	if !strings.Contains(must(t, who["emp.north.1"], 200, "GET", "/api/v1/notifications", nil), "cases.approved") {
		t.Error("the author was not told of the approval")
	}
	// Restricted to Chaoyang by its manager: the South no longer sees it;
	// the North's people above it, HR and auditors do.
	branches := decode[struct {
		Items []struct {
			ID   int64  `json:"id"`
			Code string `json:"code"`
		} `json:"items"`
	}](t, must(t, who["hr"], 200, "GET", "/api/v1/branches", nil))
	var chaoyang int64
	for _, b := range branches.Items {
		if b.Code == "north-chaoyang" {
			chaoyang = b.ID
		}
	}
	must(t, who["mgr.south"], 403, "PUT", path+"/visibility", map[string]any{"scope": "subtree", "branch_id": chaoyang})
	must(t, who["emp.south.1"], 403, "PUT", path+"/visibility", map[string]any{"scope": "tenant"})
	must(t, who["mgr.chaoyang"], 200, "PUT", path+"/visibility", map[string]any{"scope": "subtree", "branch_id": chaoyang})
	expect("restricted", path, map[string]int{"emp.north.1": 200, "mgr.north": 200, "staff.north.1": 200, "hr": 200, "auditor": 200,
		"mgr.south": 404, "emp.south.1": 404})
	if p := search(t, who["emp.south.1"], "q=Visibility"); p.Total != 0 {
		t.Error("the South finds the restricted case")
	}
	if p := search(t, who["staff.north.1"], "q="+url.QueryEscape("Visibility")); p.Total != 1 {
		t.Errorf("the North does not find it: %d", p.Total)
	}
	must(t, who["mgr.north"], 200, "PUT", path+"/visibility", map[string]any{"scope": "tenant"})
	expect("reopened", path, map[string]int{"emp.south.1": 200})
	// HR archives; then only HR, reviewers and the author see it.
	must(t, who["mgr.north"], 403, "POST", path+"/archive", nil)
	must(t, who["hr"], 200, "POST", path+"/archive", nil)
	expect("archived", path, map[string]int{"emp.north.1": 200, "mgr.north": 200, "hr": 200, "emp.south.1": 404, "auditor": 404})
	must(t, who["hr"], 409, "POST", path+"/feature", map[string]bool{"featured": true})
}

// Ratings are one per person and changeable; views count staff's
// openings; the month's most useful list orders by a credible average.
func TestRatingsViewsAndUseful(t *testing.T) {
	env := testkit.New(t)
	emp, mgr := env.Login("demo", "emp.north.1"), env.Login("demo", "mgr.north")
	id := publish(t, emp, mgr, body("Rated case", nil))
	path := fmt.Sprintf("/api/v1/cases/%d", id)
	must(t, emp, 403, "PUT", path+"/rating", map[string]int{"stars": 5})
	must(t, mgr, 422, "PUT", path+"/rating", map[string]int{"stars": 6})
	type rating struct {
		Avg   *int  `json:"rating_avg_milli"`
		Count int64 `json:"rating_count"`
		Mine  int   `json:"my_rating"`
	}
	r := decode[rating](t, must(t, mgr, 200, "PUT", path+"/rating", map[string]int{"stars": 5}))
	if r.Count != 1 || *r.Avg != 5000 {
		t.Errorf("first rating %+v", r)
	}
	r = decode[rating](t, must(t, mgr, 200, "PUT", path+"/rating", map[string]int{"stars": 2}))
	if r.Count != 1 || *r.Avg != 2000 || r.Mine != 2 {
		t.Errorf("changed rating %+v", r)
	}
	r = decode[rating](t, must(t, env.Login("demo", "emp.south.1"), 200, "PUT", path+"/rating", map[string]int{"stars": 4}))
	if r.Count != 2 || *r.Avg != 3000 {
		t.Errorf("second person %+v", r)
	}
	must(t, env.Login("demo", "auditor"), 403, "PUT", path+"/rating", map[string]int{"stars": 4})
	// Views: staff count, an auditor's reading does not; the GET writes nothing.
	for _, c := range []*testkit.Client{emp, mgr, env.Login("demo", "auditor")} {
		must(t, c, 204, "POST", path+"/views", nil)
		must(t, c, 200, "GET", path, nil)
	}
	got := decode[struct {
		Views int64 `json:"views"`
	}](t, must(t, emp, 200, "GET", path, nil))
	if got.Views != 2 {
		t.Errorf("views %d, want 2", got.Views)
	}
	// The demo's ratings are this month's: the list has ten, ordered.
	u := decode[struct {
		Items []struct {
			ID         int64 `json:"id"`
			ScoreMilli int   `json:"score_milli"`
		} `json:"items"`
	}](t, must(t, emp, 200, "GET", "/api/v1/cases/useful", nil))
	if len(u.Items) != 10 {
		t.Fatalf("useful: %d items", len(u.Items))
	}
	for i := 1; i < len(u.Items); i++ {
		if u.Items[i].ScoreMilli > u.Items[i-1].ScoreMilli {
			t.Errorf("useful out of order at %d", i)
		}
	}
	if empty := must(t, emp, 200, "GET", "/api/v1/cases/useful?month=2020-01", nil); !strings.Contains(empty, `"items":[]`) {
		t.Errorf("a month without ratings: %s", empty)
	}
	must(t, emp, 422, "GET", "/api/v1/cases/useful?month=November", nil)
	opts := must(t, emp, 200, "GET", "/api/v1/cases/options", nil)
	if !strings.Contains(opts, `"code":"ecny"`) || !strings.Contains(opts, "防诈骗") {
		t.Errorf("options %s", opts)
	}
}

// HR's re-verification list holds the demo's overdue case until it is
// re-verified.
func TestDueReview(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	due := decode[page](t, must(t, hr, 200, "GET", "/api/v1/cases/due-review", nil))
	if due.Total != 1 {
		t.Fatalf("due: %+v", due)
	}
	path := fmt.Sprintf("/api/v1/cases/%d", due.Items[0].ID)
	must(t, hr, 422, "POST", path+"/reverify", map[string]string{"review_by": "2020-01-01T00:00:00Z"})
	must(t, hr, 200, "POST", path+"/reverify", map[string]string{"review_by": "2027-11-01T00:00:00Z"})
	if d := decode[page](t, must(t, hr, 200, "GET", "/api/v1/cases/due-review", nil)); d.Total != 0 {
		t.Errorf("still due: %+v", d)
	}
	must(t, env.Login("demo", "mgr.north"), 403, "GET", "/api/v1/cases/due-review", nil)
}
