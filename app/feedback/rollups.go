package feedback

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// tallyOf is what one record adds to its rollup; an excluded record adds nothing.
func tallyOf(r *Record) Tally {
	if r.Excluded {
		return Tally{}
	}
	t := Tally{Records: 1}
	if r.ScoreMilli != nil {
		t.Ratings, t.ScoreSumMilli = 1, int64(*r.ScoreMilli)
	}
	if r.Resolved != nil {
		t.Problems = 1
		if *r.Resolved {
			t.Resolved = 1
		}
	}
	if r.Complaint {
		t.Complaints = 1
	}
	return t
}

type rollupKey struct {
	month    int
	branch   int64
	employee int64
}

func keyOf(r *Record) rollupKey {
	k := rollupKey{month: r.Month, branch: r.BranchID}
	if r.EmployeeID != nil {
		k.employee = *r.EmployeeID
	}
	return k
}

// deltas gathers the change of every touched rollup over a whole import,
// so each key is written once, at the end of the transaction.
type deltas map[rollupKey]*Tally

// add adds (sign 1) or takes away (sign -1) a record's tally.
func (d deltas) add(r *Record, sign int64) {
	t := tallyOf(r)
	if t == (Tally{}) {
		return
	}
	k := keyOf(r)
	cur := d[k]
	if cur == nil {
		cur = &Tally{}
		d[k] = cur
	}
	cur.Records += sign * t.Records
	cur.Ratings += sign * t.Ratings
	cur.ScoreSumMilli += sign * t.ScoreSumMilli
	cur.Problems += sign * t.Problems
	cur.Resolved += sign * t.Resolved
	cur.Complaints += sign * t.Complaints
}

// flush upserts every non-zero delta, many keys per statement, and drops
// the rows a delta emptied (every count is at most records, so records = 0
// is an empty row). The statement of a full chunk is prepared once: an
// import of a million rows touches a hundred thousand keys, and parsing
// the statement again for each chunk cost more than running it.
func (d deltas) flush(tx *gorm.DB, tenantID int64) error {
	const per = 200
	ctx := tx.Statement.Context
	pg := tx.Dialector.Name() == "postgres"
	var (
		args   []any
		shrank bool
		full   *sql.Stmt
	)
	defer func() {
		if full != nil {
			_ = full.Close()
		}
	}()
	write := func() error {
		if len(args) == 0 {
			return nil
		}
		var err error
		n := len(args) / len(rollupCols)
		if n == per {
			if full == nil {
				full, err = tx.Statement.ConnPool.PrepareContext(ctx, rollupUpsert(n, pg))
			}
			if err == nil {
				_, err = full.ExecContext(ctx, args...)
			}
		} else {
			_, err = tx.Statement.ConnPool.ExecContext(ctx, rollupUpsert(n, pg), args...)
		}
		args = args[:0]
		if err != nil {
			return fmt.Errorf("feedback: rollups: %w", err)
		}
		return nil
	}
	// Keys in one order, so that two imports touching the same rollups
	// take their row locks in the same order (no deadlock on PostgreSQL).
	ks := make([]rollupKey, 0, len(d))
	for k := range d {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b rollupKey) int {
		return cmp.Or(cmp.Compare(a.month, b.month), cmp.Compare(a.branch, b.branch), cmp.Compare(a.employee, b.employee))
	})
	for _, k := range ks {
		t := d[k]
		if *t == (Tally{}) {
			continue
		}
		if t.Records < 0 {
			shrank = true
		}
		args = append(args, tenantID, int64(k.month), k.branch, k.employee, t.Records, t.Ratings, t.ScoreSumMilli, t.Problems, t.Resolved, t.Complaints)
		if len(args) == per*len(rollupCols) {
			if err := write(); err != nil {
				return err
			}
		}
	}
	if err := write(); err != nil {
		return err
	}
	if shrank {
		return tx.Exec("DELETE FROM feedback_rollups WHERE tenant_id = ? AND records = 0", tenantID).Error
	}
	return nil
}

var rollupCols = []string{"tenant_id", "month", "branch_id", "employee_id", "records", "ratings", "score_sum_milli", "problems", "resolved", "complaints"}

// rollupUpsert is the upsert of n rollup rows, in the placeholders of the
// database (it goes to the driver, past GORM).
func rollupUpsert(n int, pg bool) string {
	var b strings.Builder
	b.WriteString("INSERT INTO feedback_rollups (" + strings.Join(rollupCols, ", ") + ") VALUES ")
	p := 0
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range rollupCols {
			if j > 0 {
				b.WriteString(", ")
			}
			p++
			if pg {
				b.WriteString("$" + strconv.Itoa(p))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	b.WriteString(` ON CONFLICT (tenant_id, month, branch_id, employee_id) DO UPDATE SET
			records = feedback_rollups.records + excluded.records,
			ratings = feedback_rollups.ratings + excluded.ratings,
			score_sum_milli = feedback_rollups.score_sum_milli + excluded.score_sum_milli,
			problems = feedback_rollups.problems + excluded.problems,
			resolved = feedback_rollups.resolved + excluded.resolved,
			complaints = feedback_rollups.complaints + excluded.complaints`)
	return b.String()
}

// months lists the months of the touched keys.
func (d deltas) months(into map[int]bool) {
	for k := range d {
		into[k.month] = true
	}
}
