package feedback_test

import (
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/testkit"
)

// A file import keeps a hash of each row's key. Whether keys collide or
// not, the report is exact: a row is a repeat only of the same key (after
// trimming, as every cell is), it names the first row with that key, and
// it sits in row order among the other problems.
func TestRepeatedKeysAreReportedExactlyWhenHashesCollide(t *testing.T) {
	env := testkit.New(t)
	head := "external_id,channel,occurred_at,branch_code,employee_code,score\n"
	row := func(id, branch string) string {
		return id + ",counter,2026-10-01 10:00," + branch + ",XH0008,5\n"
	}
	file := head + row("A-1", "north") + // row 2
		row("A-2", "north") + // 3
		row("a-1", "north") + // 4: another id
		row("A-1 ", "north") + // 5: A-1 again, of row 2
		row("A-3", "no-branch") + // 6: unknown branch
		row("A-2", "north") + // 7: of row 3
		row("A-1", "north") // 8: of row 2
	want := "[5 external_id duplicate_in_file 2] [6 branch_code unknown_branch <nil>] [7 external_id duplicate_in_file 3] [8 external_id duplicate_in_file 2]"
	for _, collide := range []bool{false, true} {
		t.Run(fmt.Sprint("collide=", collide), func(t *testing.T) {
			if collide {
				feedback.CollideKeys(t)
			}
			imp := importFile(t, env, fmt.Sprint("source=repeats-", collide), "r.csv", []byte(file))
			if imp.State != feedback.ImportFailed {
				t.Fatalf("state %s: %+v", imp.State, imp)
			}
			if got := report(t, imp); got != want {
				t.Errorf("report\n  %s\nwant\n  %s", got, want)
			}
			if n := countRecords(t, env, imp.TenantID, imp.Source); n != 0 {
				t.Errorf("%d records stored from a failed file", n)
			}
		})
	}
}

// Keys that share a hash but are not the same import in full: the reading
// stops writing at the first shared hash, finds no repeat, and the file is
// read once more with the keys themselves.
func TestCollidingKeysWithoutARepeatImport(t *testing.T) {
	env := testkit.New(t)
	feedback.CollideKeys(t)
	file := "external_id,channel,occurred_at,branch_code,employee_code,score\n"
	for i := range 9 {
		file += fmt.Sprintf("C-%d,counter,2026-10-0%d 10:00,north,XH0008,%d\n", i, i+1, 1+i%5)
	}
	imp := importFile(t, env, "source=collide", "c.csv", []byte(file))
	if imp.State != feedback.ImportDone || imp.Inserted != 9 || imp.RowsTotal != 9 {
		t.Fatalf("state %s, %d inserted of %d rows, report %s", imp.State, imp.Inserted, imp.RowsTotal, imp.Errors)
	}
	if n := countRecords(t, env, imp.TenantID, "collide"); n != 9 {
		t.Errorf("%d records stored, want 9", n)
	}
	sameRollups(t, env, imp.TenantID, "after a file of colliding keys")
}

// A business result's key is its person, month and metric: a repeat is
// reported on the metric, naming the first row, also when hashes collide.
func TestRepeatedResultKeysWhenHashesCollide(t *testing.T) {
	env := testkit.New(t)
	feedback.CollideKeys(t)
	file := "employee_code,period,metric,value\n" +
		"XH0008,2026-10,products_opened,3\n" + // row 2
		"XH0010,2026-10,products_opened,4\n" + // 3: another person
		"XH0008,2026-09,products_opened,5\n" + // 4: another month
		"XH0008,2026-10,products_opened,6\n" // 5: of row 2
	imp := importFile(t, env, "source=results-collide&kind=results", "r.csv", []byte(file))
	if got, want := report(t, imp), "[5 metric duplicate_in_file 2]"; imp.State != feedback.ImportFailed || got != want {
		t.Errorf("state %s, report %s, want %s", imp.State, got, want)
	}
}

// report is an import's problems as "[row column code first-row]".
func report(t *testing.T, imp feedback.Import) string {
	t.Helper()
	out := ""
	for i, e := range errorsOf(t, imp) {
		if i > 0 {
			out += " "
		}
		out += fmt.Sprintf("[%d %s %s %v]", e.Row, e.Column, e.Code, e.Args["row"])
	}
	return out
}
