package cases_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/testkit"
)

type sessionOut struct {
	ID        int64  `json:"id"`
	State     string `json:"state"`
	Notes     string `json:"notes"`
	Attendees []struct {
		ID       int64 `json:"id"`
		Attended bool  `json:"attended"`
	} `json:"attendees"`
}

// A manager plans a session for their subtree, records attendance and
// notes afterwards; attendance is what KPI reads (Stats.Attendance), and
// published cases are what awards and careers count.
func TestSessionsAndStats(t *testing.T) {
	env := testkit.New(t)
	mgr, south, emp := env.Login("demo", "mgr.north"), env.Login("demo", "mgr.south"), env.Login("demo", "emp.north.1")
	users := decode[struct {
		Items []struct {
			ID       int64  `json:"id"`
			Username string `json:"username"`
			BranchID int64  `json:"branch_id"`
		} `json:"items"`
	}](t, must(t, env.Login("demo", "hr"), 200, "GET", "/api/v1/users?page_size=200", nil))
	ids := map[string]int64{}
	var north int64
	for _, u := range users.Items {
		ids[u.Username] = u.ID
		if u.Username == "mgr.north" {
			north = u.BranchID
		}
	}
	published := search(t, emp, "sort=newest&page_size=2")
	caseIDs := []int64{published.Items[0].ID, published.Items[1].ID}
	in := map[string]any{"title": "十二月案例研讨", "branch_id": north, "scheduled_at": env.Clock.Now().Add(48 * time.Hour).Format(time.RFC3339),
		"case_ids": caseIDs, "attendee_ids": []int64{ids["emp.north.1"], ids["staff.north.1"]}}
	// Outside the subtree: 404 for the South's manager; 403 for an employee.
	must(t, south, 404, "POST", "/api/v1/case-sessions", in)
	must(t, emp, 403, "POST", "/api/v1/case-sessions", in)
	bad := map[string]any{}
	for k, v := range in {
		bad[k] = v
	}
	bad["attendee_ids"] = []int64{ids["emp.south.1"]}
	bad["case_ids"] = []int64{2_000_000_000}
	st, out := mgr.Do("POST", "/api/v1/case-sessions", bad)
	if st != 422 || !strings.Contains(out, "body.attendee_ids[0]") || !strings.Contains(out, "body.case_ids[0]") {
		t.Errorf("bad session: %d %s", st, out)
	}
	s := decode[sessionOut](t, must(t, mgr, 200, "POST", "/api/v1/case-sessions", in))
	path := fmt.Sprintf("/api/v1/case-sessions/%d", s.ID)
	// Invited people read it; others do not.
	must(t, emp, 200, "GET", path, nil)
	must(t, south, 404, "GET", path, nil)
	must(t, env.Login("demo", "emp.south.1"), 403, "GET", path, nil)
	if l := must(t, emp, 200, "GET", "/api/v1/case-sessions", nil); !strings.Contains(l, "十二月案例研讨") {
		t.Errorf("the attendee's list: %s", l)
	}
	// Not yet held: cannot be recorded. Two days later it can.
	rec := map[string]any{"attended_ids": []int64{ids["emp.north.1"]}, "notes": "讨论了适当性"}
	must(t, mgr, 409, "PUT", path+"/record", rec)
	env.Clock.Advance(72 * time.Hour)
	mgr, emp = env.Login("demo", "mgr.north"), env.Login("demo", "emp.north.1") // the old sessions have expired
	must(t, emp, 403, "PUT", path+"/record", rec)
	must(t, mgr, 422, "PUT", path+"/record", map[string]any{"attended_ids": []int64{ids["emp.south.1"]}, "notes": ""})
	s = decode[sessionOut](t, must(t, mgr, 200, "PUT", path+"/record", rec))
	if s.State != "recorded" || s.Notes != "讨论了适当性" {
		t.Errorf("recorded %+v", s)
	}
	for _, a := range s.Attendees {
		if a.Attended != (a.ID == ids["emp.north.1"]) {
			t.Errorf("attendee %+v", a)
		}
	}
	// Stats: the demo's recorded North session, and this one.
	stats := cases.Stats{DB: env.App.DB}
	ctx := context.Background()
	var tenant int64
	if err := env.App.DB.R.Raw("SELECT tenant_id FROM users WHERE id = ?", ids["emp.north.1"]).Scan(&tenant).Error; err != nil {
		t.Fatal(err)
	}
	now := env.Clock.Now()
	att, err := stats.Attendance(ctx, tenant, now.AddDate(0, -2, 0), now)
	if err != nil {
		t.Fatal(err)
	}
	if att[ids["emp.north.1"]] != 1 || att[ids["staff.north.1"]] != 1 { // emp.north.1 missed the demo's October session
		t.Errorf("attendance %v", att)
	}
	pc, err := stats.PublishedCounts(ctx, tenant, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pc[ids["emp.north.1"]] != 3 || pc[ids["staff.east.1"]] != 2 {
		t.Errorf("published counts %v", pc)
	}
	from := now.AddDate(0, 0, -20)
	recent, err := stats.PublishedCounts(ctx, tenant, []int64{ids["emp.north.1"], ids["staff.east.1"]}, &from, &now)
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) > 2 || recent[ids["staff.east.1"]] != 0 {
		t.Errorf("recent published counts %v", recent)
	}
}
