package feedback_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// The demo's transferred person moved from south-tianhe to east-pudong half
// way through the year. A result for a month before the move, sent again
// now, counts for the branch it names; without one, for the person's
// branch now (nothing records where people worked before).
func TestAResultCountsForTheBranchItNames(t *testing.T) {
	env := testkit.New(t)
	tid := tenantOf(t, env, "demo")
	var mover org.User
	if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("username = ?", "staff.south-tianhe.1").Take(&mover).Error; err != nil {
		t.Fatal(err)
	}
	branchID := func(code string) int64 {
		var b org.Branch
		if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("code = ?", code).Take(&b).Error; err != nil {
			t.Fatal(err)
		}
		return b.ID
	}
	old, now := branchID("south-tianhe"), branchID("east-pudong")
	if mover.BranchID != now {
		t.Fatalf("the demo's mover works at %d, not east-pudong (%d)", mover.BranchID, now)
	}
	stored := func(period string) feedback.BusinessResult {
		t.Helper()
		var r feedback.BusinessResult
		if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("employee_id = ? AND month = ? AND metric = ?", mover.ID, monthKey(t, period), "products_opened").Take(&r).Error; err != nil {
			t.Fatal(err)
		}
		return r
	}
	hr := env.Login("demo", "hr")
	send := func(result map[string]any) (int, string) {
		return hr.Do("POST", "/api/v1/feedback/results/batch", map[string]any{"source": "api", "results": []map[string]any{result}})
	}
	// Through the API, with the branch of the time.
	st, body := send(map[string]any{"employee_code": mover.EmployeeCode, "period": "2020-01", "metric": "products_opened", "value": 7, "branch_code": "south-tianhe"})
	if st != 200 || !strings.Contains(body, `"inserted":1`) {
		t.Fatalf("with a branch: %d %s", st, body)
	}
	if r := stored("2020-01"); r.BranchID != old || r.Value != 7 {
		t.Fatalf("stored %+v, want branch %d", r, old)
	}
	// An unknown branch is refused by name.
	st, body = send(map[string]any{"employee_code": mover.EmployeeCode, "period": "2020-01", "metric": "products_opened", "value": 7, "branch_code": "no-such"})
	if st != 422 || !strings.Contains(body, `"location":"body.results[0].branch_code"`) {
		t.Fatalf("unknown branch: %d %s", st, body)
	}
	// The same again is unchanged; without a branch it moves to the
	// person's branch now, an update.
	st, body = send(map[string]any{"employee_code": mover.EmployeeCode, "period": "2020-01", "metric": "products_opened", "value": 7, "branch_code": "south-tianhe"})
	if st != 200 || !strings.Contains(body, `"unchanged":1`) {
		t.Fatalf("again: %d %s", st, body)
	}
	st, body = send(map[string]any{"employee_code": mover.EmployeeCode, "period": "2020-01", "metric": "products_opened", "value": 7})
	if st != 200 || !strings.Contains(body, `"updated":1`) {
		t.Fatalf("without a branch: %d %s", st, body)
	}
	if r := stored("2020-01"); r.BranchID != now {
		t.Fatalf("stored %+v, want the branch now %d", r, now)
	}

	// A file, with the column under its Chinese header: back to the old
	// branch, and a month without a branch code takes the branch now.
	file := fmt.Sprintf("员工编号,期间,指标,数值,网点代码\n%[1]s,2020-01,products_opened,7,south-tianhe\n%[1]s,2020-02,products_opened,4,\n", mover.EmployeeCode)
	imp := importFile(t, env, "kind=results&source=mis-file", "r.csv", []byte(file))
	if imp.State != feedback.ImportDone || imp.Updated != 1 || imp.Inserted != 1 {
		t.Fatalf("file: %+v %s", imp, imp.Errors)
	}
	if r := stored("2020-01"); r.BranchID != old {
		t.Fatalf("from the file %+v, want branch %d", r, old)
	}
	if r := stored("2020-02"); r.BranchID != now {
		t.Fatalf("from the file without a branch %+v, want %d", r, now)
	}
	// A bad branch in a file is reported by row and column.
	imp = importFile(t, env, "kind=results&source=mis-file", "r.csv", []byte("employee_code,period,metric,value,branch_code\n"+mover.EmployeeCode+",2020-03,products_opened,1,nowhere\n"))
	es := errorsOf(t, imp)
	if imp.State != feedback.ImportFailed || len(es) != 1 || es[0].Row != 2 || es[0].Column != "branch_code" || es[0].Code != feedback.CodeUnknownBranch {
		t.Fatalf("bad branch: %+v %s", imp, imp.Errors)
	}
}

func monthKey(t testing.TB, period string) int {
	t.Helper()
	var y, m int
	if _, err := fmt.Sscanf(period, "%d-%d", &y, &m); err != nil {
		t.Fatal(err)
	}
	return y*100 + m
}
