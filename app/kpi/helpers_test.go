package kpi_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// bank is the demo bank as the tests address it.
type bank struct {
	env    *testkit.Env
	tid    int64
	branch map[string]org.Branch // by code
	user   map[string]int64      // by username
}

func demoBank(t *testing.T) *bank {
	t.Helper()
	env := testkit.New(t)
	d := env.Demo()
	return &bank{env: env, tid: d.TenantID, branch: d.Branch, user: d.User}
}

// rollups replaces the bank's feedback rollups of a month with rows, as the
// feedback area would have left them: the tests own the month's data.
func (b *bank) rollups(t *testing.T, month int, rows ...feedback.Rollup) {
	t.Helper()
	db := b.env.App.DB.W
	if err := db.Scopes(store.Tenant(b.tid)).Where("month = ?", month).Delete(&feedback.Rollup{}).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Scopes(store.Tenant(b.tid)).Where("month = ?", month).Delete(&feedback.BusinessResult{}).Error; err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		rows[i].TenantID, rows[i].Month = b.tid, month
	}
	if len(rows) > 0 {
		if err := db.Create(&rows).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// roll is one rollup row.
func roll(branch, employee int64, records, ratings, sumMilli, problems, resolved, complaints int64) feedback.Rollup {
	return feedback.Rollup{BranchID: branch, EmployeeID: employee, Tally: feedback.Tally{Records: records, Ratings: ratings,
		ScoreSumMilli: sumMilli, Problems: problems, Resolved: resolved, Complaints: complaints}}
}

// scheme posts a scheme version as HR and returns its id.
func (b *bank) scheme(t *testing.T, hr *testkit.Client, validFrom string, metrics ...map[string]any) int64 {
	t.Helper()
	st, body := hr.Do("POST", "/api/v1/kpi/schemes", map[string]any{"name": "Test scheme " + validFrom, "valid_from": validFrom, "metrics": metrics})
	if st != 200 {
		t.Fatalf("create scheme: %d %s", st, body)
	}
	return testkit.JSON[kpi.SchemeView](t, body).ID
}

func metric(key string, weight int, floor, target float64, direction string, minSample int) map[string]any {
	return map[string]any{"metric": key, "weight_pct": weight, "normalisation": "linear", "floor": floor, "target": target, "direction": direction, "min_sample": minSample}
}

func (b *bank) recompute(t *testing.T, key string) {
	t.Helper()
	if err := b.env.App.KPI.Recompute(context.Background(), b.tid, key); err != nil {
		t.Fatalf("recompute %s: %v", key, err)
	}
}

func get[T any](t *testing.T, c *testkit.Client, path string, want int) T {
	t.Helper()
	st, body := c.Do("GET", path, nil)
	if st != want {
		t.Fatalf("GET %s: %d %s, want %d", path, st, body, want)
	}
	var zero T
	if st != 200 {
		return zero
	}
	return testkit.JSON[T](t, body)
}

func num(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprint(*v)
}

// status checks only the status of a GET (files, refusals).
func status(t *testing.T, c *testkit.Client, path string, want int) {
	t.Helper()
	if st, body := c.Do("GET", path, nil); st != want {
		t.Errorf("GET %s: %d %s, want %d", path, st, body, want)
	}
}
