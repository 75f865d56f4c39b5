package awards_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// bank is the seeded demo bank as these tests address it.
type bank struct {
	t      testing.TB
	env    *testkit.Env
	demo   *testkit.Demo
	tid    int64
	branch map[string]org.Branch // by code
	user   map[string]int64      // by username
}

func demoBank(t *testing.T) *bank { return newBank(t) }

// benchBank is demoBank for a benchmark (fixtures failing fail it).
func benchBank(b *testing.B) *bank { return newBank(b) }

func newBank(tb testing.TB) *bank {
	tb.Helper()
	env := testkit.New(tb)
	d := env.Demo()
	return &bank{t: tb, env: env, demo: d, tid: d.TenantID, branch: d.Branch, user: d.User}
}

// as is a demo user as a service principal, with a context carrying it.
func (b *bank) as(username string) (context.Context, *access.Principal) { return b.demo.As(username) }

func (b *bank) svc() *awards.Service { return b.env.App.Awards }

// count counts a model's rows in the bank, with an optional condition.
func (b *bank) count(model any, where string, args ...any) int64 {
	b.t.Helper()
	var n int64
	q := b.env.App.DB.R.Model(model).Scopes(store.Tenant(b.tid))
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Count(&n).Error; err != nil {
		b.t.Fatal(err)
	}
	return n
}

// row is one person of a hand-made KPI table.
type row struct {
	user       string
	branch     string
	composite  *int64
	ratings    int64
	sat        *float64
	complaints int64 // a rollup of the period's first month says so
}

func f(v float64) *float64 { return &v }
func c(v int64) *int64     { return &v }

// kpiTable writes a closed period's KPI results as the KPI area would have
// left them: the period state and one result row per person, with the
// breakdown card naming satisfaction. The tests own the period (the demo's
// KPI data starts later).
func (b *bank) kpiTable(key string, first int, rows ...row) {
	b.t.Helper()
	db := b.env.App.DB.W
	now := b.env.Clock.Now().UTC()
	if err := db.Create(&kpi.PeriodState{TenantID: b.tid, PeriodKey: key, Kind: kindOf(key), FirstMonth: first, LastMonth: first + 2, State: kpi.Closed, ChangedAt: now}).Error; err != nil {
		b.t.Fatal(err)
	}
	for _, r := range rows {
		card := map[string]any{"role": "", "of": len(rows), "metrics": []map[string]any{{"metric": "satisfaction", "raw": r.sat, "sample": r.ratings, "enough": r.sat != nil}}}
		bd, _ := json.Marshal(card)
		br := b.branch[r.branch]
		if err := db.Create(&kpi.Result{TenantID: b.tid, PeriodKey: key, EmployeeID: b.user[r.user], BranchID: br.ID, BranchPath: br.Path, SchemeID: 1,
			CompositeMilli: r.composite, Rankable: r.composite != nil, Ratings: r.ratings, Breakdown: bd, ComputedAt: now}).Error; err != nil {
			b.t.Fatal(err)
		}
		if r.complaints > 0 {
			if err := db.Exec("INSERT INTO feedback_rollups (tenant_id, month, branch_id, employee_id, records, ratings, score_sum_milli, problems, resolved, complaints) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?)",
				b.tid, first, br.ID, b.user[r.user], r.complaints, r.complaints).Error; err != nil {
				b.t.Fatal(err)
			}
		}
	}
}

func kindOf(key string) string {
	if len(key) == 7 && key[5] == 'Q' {
		return "quarter"
	}
	return "month"
}

// must unwraps a fixture call; an error there fails the test (as a panic:
// Go cannot pass a call's two results and t together).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func decode[T any](t *testing.T, st int, body string, want int) T {
	t.Helper()
	if st != want {
		t.Fatalf("status %d, want %d: %s", st, want, body)
	}
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return v
}

var seq int

func code() string { seq++; return fmt.Sprintf("t-award-%d-%d", time.Now().UnixNano()%100000, seq) }

// get reads a JSON answer that must be 200.
func get[T any](t *testing.T, c *testkit.Client, path string) T {
	t.Helper()
	st, body := c.Do("GET", path, nil)
	return decode[T](t, st, body, 200)
}

func itoa(n int64) string { return fmt.Sprint(n) }
