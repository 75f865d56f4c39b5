package feedback_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// TestAFileOfManyBatchesImportsWhole: a file longer than a batch (on
// PostgreSQL, its rows written on one goroutine while the next are read on
// another) stores every record once and counts each once in the rollups.
// Sent again it changes nothing; sent with changed scores in its second
// half it updates exactly those, in batches that look up what is stored.
func TestAFileOfManyBatchesImportsWhole(t *testing.T) {
	env := testkit.New(t)
	tid := tenantOf(t, env, "demo")
	const rows, changedFrom = 2600, 1500
	file := func(changed bool) []byte {
		var b bytes.Buffer
		b.WriteString("external_id,channel,occurred_at,branch_code,employee_code,score\n")
		for i := range rows {
			score := 1 + i%5
			if changed && i >= changedFrom {
				score = 1 + (i+1)%5
			}
			fmt.Fprintf(&b, "B-%05d,counter,2026-10-%02d 10:00,north-chaoyang,XH0008,%d\n", i, 1+i%28, score)
		}
		return b.Bytes()
	}
	for _, step := range []struct {
		name                         string
		data                         []byte
		inserted, updated, unchanged int64
	}{
		{"first", file(false), rows, 0, 0},
		{"again", file(false), 0, 0, rows},
		{"changed", file(true), 0, rows - changedFrom, changedFrom},
	} {
		imp := importFile(t, env, "source=batches", "b.csv", step.data)
		if imp.State != feedback.ImportDone || imp.RowsTotal != rows || imp.Inserted != step.inserted || imp.Updated != step.updated || imp.Unchanged != step.unchanged {
			t.Fatalf("%s: %s, %d rows, +%d ~%d =%d; want done, %d rows, +%d ~%d =%d (errors %s)", step.name, imp.State, imp.RowsTotal,
				imp.Inserted, imp.Updated, imp.Unchanged, rows, step.inserted, step.updated, step.unchanged, imp.Errors)
		}
		sameRollups(t, env, tid, "after the "+step.name+" import")
	}
	var n, fives int64
	q := env.App.DB.R.Model(&feedback.Record{}).Scopes(store.Tenant(tid)).Where("source = ?", "batches")
	if err := q.Count(&n).Error; err != nil || n != rows {
		t.Errorf("%d records of the source (%v), want %d", n, err, rows)
	}
	// Row 1504 had 5 (1 + 1504 % 5) and has 1 since the change; row 4 kept its 5.
	if err := env.App.DB.R.Model(&feedback.Record{}).Scopes(store.Tenant(tid)).
		Where("source = ? AND external_id IN ? AND score_milli = 5000", "batches", []string{"B-00004", "B-01504"}).Count(&fives).Error; err != nil || fives != 1 {
		t.Errorf("%d of B-00004 and B-01504 score 5 after the change (%v), want only B-00004", fives, err)
	}
}
