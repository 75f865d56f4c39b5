package readlog_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/testkit"
)

type page struct {
	Items []readlog.ReadView `json:"items"`
	Total int64              `json:"total"`
}

// principal is a demo user as the recorder sees them.
func principal(t *testing.T, env *testkit.Env, tenant, username string) *access.Principal {
	t.Helper()
	var p access.Principal
	if err := env.App.DB.R.Raw(`SELECT u.tenant_id, u.id AS user_id FROM users u JOIN tenants t ON t.id = u.tenant_id
		WHERE t.slug = ? AND u.username = ?`, tenant, username).Scan(&p).Error; err != nil || p.UserID == 0 {
		t.Fatalf("%s/%s: %v", tenant, username, err)
	}
	return &p
}

func rows(t *testing.T, env *testkit.Env) int64 {
	t.Helper()
	var n int64
	if err := env.App.DB.R.Raw(`SELECT COUNT(*) FROM personal_data_reads`).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReadsAreRecordedInBatchesAndShownToAuditorsAndThePerson(t *testing.T) {
	env := testkit.New(t)
	rec := env.App.Reads
	mgr := principal(t, env, "demo", "mgr.north")
	emp := principal(t, env, "demo", "emp.north.1")
	other := principal(t, env, "demo2", "hr")
	empClient, auditor := env.Login("demo", "emp.north.1"), env.Login("demo", "auditor")
	// The demo bank's seeded looks are the baseline.
	seededMine := testkit.JSON[page](t, testkit.MustGet(t, empClient, "/api/v1/readlog/mine")).Total
	seededAll := testkit.JSON[page](t, testkit.MustGet(t, auditor, "/api/v1/readlog")).Total
	before := rows(t, env)

	rec.Record(mgr, emp.UserID, readlog.KPI, "2026-10")
	rec.Record(mgr, emp.UserID, readlog.KPI, "2026-10") // the same look again: folded
	rec.Record(mgr, emp.UserID, readlog.Transcript, "42")
	rec.Record(emp, emp.UserID, readlog.KPI, "2026-10") // one's own data: not a fact for the log
	rec.Record(other, principal(t, env, "demo2", "emp.1").UserID, readlog.Profile, "")
	if n := rows(t, env); n != before {
		t.Fatalf("reads were written before the batch: %d rows, had %d", n, before)
	}
	if err := rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := rows(t, env); n != before+3 {
		t.Fatalf("rows after the batch = %d, want %d+3 (two of demo's, one of demo2's)", n, before)
	}

	mine := testkit.JSON[page](t, testkit.MustGet(t, empClient, "/api/v1/readlog/mine"))
	if mine.Total != seededMine+2 {
		t.Fatalf("emp.north.1 sees %d reads of their data, want %d+2: %+v", mine.Total, seededMine, mine.Items)
	}
	kinds := map[string]int{}
	for _, it := range mine.Items[:2] { // newest first: this test's two
		kinds[it.Kind] = it.Reads
		if it.Viewer.ID != mgr.UserID || it.Viewer.Name == "" || it.Subject.ID != emp.UserID {
			t.Errorf("read %+v: want viewer mgr.north (%d) named, subject %d", it, mgr.UserID, emp.UserID)
		}
	}
	if kinds[readlog.KPI] != 2 || kinds[readlog.Transcript] != 1 {
		t.Errorf("reads by kind = %v, want kpi folded to 2 and one transcript", kinds)
	}

	all := testkit.JSON[page](t, testkit.MustGet(t, auditor, "/api/v1/readlog"))
	if all.Total != seededAll+2 {
		t.Fatalf("demo's auditor sees %d reads, want %d+2 (never demo2's): %+v", all.Total, seededAll, all.Items)
	}
	for _, it := range all.Items {
		if it.Viewer.Name == "" || it.Subject.Name == "" {
			t.Errorf("a read of another bank's people, or unnamed: %+v", it)
		}
	}
	byKind := testkit.JSON[page](t, testkit.MustGet(t, auditor, fmt.Sprintf("/api/v1/readlog?kind=transcript&viewer_id=%d&subject_id=%d", mgr.UserID, emp.UserID)))
	if byKind.Total != 1 || byKind.Items[0].ObjectID != "42" {
		t.Errorf("filtered by kind, viewer and subject: %+v", byKind)
	}
	if n := rows(t, env); n != before+3 {
		t.Errorf("reading the log wrote to it: %d rows, want %d", n, before+3)
	}
}

func TestOnlyTheHeadOfficesAuditReadersSeeTheWholeLog(t *testing.T) {
	env := testkit.New(t)
	for _, who := range []string{"emp.north.1", "mgr.north"} {
		st, body := env.Login("demo", who).Do("GET", "/api/v1/readlog", nil)
		if st != 403 {
			t.Errorf("%s GET /readlog: %d %s, want 403", who, st, body)
		}
	}
	st, body := env.Login("demo", "emp.north.1").Do("GET", "/api/v1/readlog?kind=password", nil)
	if st != 422 {
		t.Errorf("an unknown kind: %d %s, want 422", st, body)
	}
}

func TestAFailedBatchIsKeptForTheNextFlush(t *testing.T) {
	env := testkit.New(t)
	rec := readlog.New(env.App.DB, env.Clock.Now, nil, 0)
	mgr := principal(t, env, "demo", "mgr.north")
	emp := principal(t, env, "demo", "emp.north.1")
	before := rows(t, env)
	rec.Record(mgr, emp.UserID, readlog.Feedback, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := rec.Flush(ctx); err == nil {
		t.Fatal("a flush with a cancelled context wrote nothing and reported no error")
	}
	if err := rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := rows(t, env); n != before+1 {
		t.Fatalf("rows after the retry = %d, want %d: the kept read", n, before+1)
	}
}

// The pages that show another person's data record the look: a manager opening a person's
// KPI scorecard and profile, and their feedback; the person's own look is not recorded.
func TestViewingAnotherPersonsDataIsRecorded(t *testing.T) {
	env := testkit.New(t)
	emp := principal(t, env, "demo", "emp.north.1")
	mgr := env.Login("demo", "mgr.north")
	before := rows(t, env)
	for _, path := range []string{
		fmt.Sprintf("/api/v1/kpi/people/%d", emp.UserID),
		fmt.Sprintf("/api/v1/users/%d", emp.UserID),
		fmt.Sprintf("/api/v1/feedback/records?employee_id=%d", emp.UserID),
	} {
		testkit.MustGet(t, mgr, path)
	}
	testkit.MustGet(t, env.Login("demo", "emp.north.1"), "/api/v1/kpi/me")
	if n := rows(t, env); n != before {
		t.Fatalf("a GET wrote %d read rows in its own request", n-before)
	}
	if err := env.App.Reads.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	if err := env.App.DB.R.Raw(`SELECT kind FROM personal_data_reads WHERE subject_id = ? AND viewer_id = ? AND id > (SELECT COALESCE(MAX(id), 0) FROM personal_data_reads) - 3 ORDER BY kind`,
		emp.UserID, principal(t, env, "demo", "mgr.north").UserID).Scan(&kinds).Error; err != nil {
		t.Fatal(err)
	}
	if n := rows(t, env); n != before+3 || fmt.Sprint(kinds) != "[feedback kpi profile]" {
		t.Errorf("after the batch: %d new rows of kinds %v, want 3: feedback, kpi, profile", n-before, kinds)
	}
}

// A list that shows other people's results — the review queue, a KPI
// ranking, a branch's feedback records — records a look at each person it
// shows, batched like any read.
func TestListsRecordEachPersonShown(t *testing.T) {
	env := testkit.New(t)
	mgr := env.Login("demo", "mgr.north")
	viewer := principal(t, env, "demo", "mgr.north")
	var north int64
	if err := env.App.DB.R.Raw(`SELECT b.id FROM branches b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = 'demo' AND b.code = 'north'`).Scan(&north).Error; err != nil || north == 0 {
		t.Fatalf("north branch: %v", err)
	}
	type row struct {
		UserID     int64  `json:"user_id"`
		EmployeeID *int64 `json:"employee_id"`
		Person     struct {
			ID int64 `json:"id"`
		} `json:"person"`
	}
	for _, c := range []struct {
		path, kind string
		who        func(row) int64
	}{
		{"/api/v1/training/reviews?page_size=200", readlog.Attempt, func(r row) int64 { return r.UserID }},
		{fmt.Sprintf("/api/v1/kpi/branches/%d/people?page_size=200", north), readlog.KPI, func(r row) int64 { return r.Person.ID }},
		{fmt.Sprintf("/api/v1/feedback/records?branch_id=%d&page_size=200", north), readlog.Feedback, func(r row) int64 {
			if r.EmployeeID == nil {
				return 0
			}
			return *r.EmployeeID
		}},
	} {
		shown := map[int64]bool{}
		for _, r := range testkit.JSON[struct {
			Items []row `json:"items"`
		}](t, testkit.MustGet(t, mgr, c.path)).Items {
			if id := c.who(r); id != 0 && id != viewer.UserID {
				shown[id] = true
			}
		}
		if len(shown) == 0 {
			t.Fatalf("%s: the demo shows nobody else", c.path)
		}
		if err := env.App.Reads.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		var recorded []int64
		if err := env.App.DB.R.Raw(`SELECT DISTINCT subject_id FROM personal_data_reads WHERE viewer_id = ? AND kind = ?`,
			viewer.UserID, c.kind).Scan(&recorded).Error; err != nil {
			t.Fatal(err)
		}
		got := map[int64]bool{}
		for _, id := range recorded {
			got[id] = true
		}
		for id := range shown {
			if !got[id] {
				t.Errorf("%s: person %d was shown but no %s read is recorded (recorded: %v)", c.path, id, c.kind, recorded)
			}
		}
	}
}
