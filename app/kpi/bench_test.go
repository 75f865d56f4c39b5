package kpi_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// scale grows the demo bank by 20 regions of 24 branches (500 branches in
// all) and 10,000 staff, each with a month of feedback rollups in November
// 2026 (about 40 records, the 5 million a year spread over 10,000
// people), plus feedback about each branch with nobody named.
func scale(tb testing.TB, b *bank) (root int64, region int64, someone int64) {
	tb.Helper()
	db := b.env.App.DB.W
	root = b.branch["HQ"].ID
	now := time.Now().UTC()
	var leaves []org.Branch
	for r := 0; r < 20; r++ {
		reg := org.Branch{TenantID: b.tid, ParentID: &root, Code: fmt.Sprintf("bx-r%02d", r), Name: fmt.Sprintf("区域 %d", r), Depth: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.Create(&reg).Error; err != nil {
			tb.Fatal(err)
		}
		reg.Path = fmt.Sprintf("%s%d/", b.branch["HQ"].Path, reg.ID)
		if err := db.Model(&reg).Scopes(store.Tenant(b.tid)).Update("path", reg.Path).Error; err != nil {
			tb.Fatal(err)
		}
		if r == 0 {
			region = reg.ID
		}
		for s := 0; s < 24; s++ {
			sub := org.Branch{TenantID: b.tid, ParentID: &reg.ID, Code: fmt.Sprintf("bx-r%02d-%02d", r, s), Name: fmt.Sprintf("区域 %d 支行 %d", r, s), Depth: 2, CreatedAt: now, UpdatedAt: now}
			if err := db.Create(&sub).Error; err != nil {
				tb.Fatal(err)
			}
			sub.Path = fmt.Sprintf("%s%d/", reg.Path, sub.ID)
			if err := db.Model(&sub).Scopes(store.Tenant(b.tid)).Update("path", sub.Path).Error; err != nil {
				tb.Fatal(err)
			}
			leaves = append(leaves, sub)
		}
	}
	users := make([]org.User, 0, 10000)
	for i := 0; i < 10000; i++ {
		br := leaves[i%len(leaves)]
		users = append(users, org.User{TenantID: b.tid, BranchID: br.ID, Username: fmt.Sprintf("bx.%05d", i), DisplayName: fmt.Sprintf("员工 %05d", i),
			EmployeeCode: fmt.Sprintf("BX%05d", i), PasswordHash: "x", Status: org.StatusActive, CreatedAt: now, UpdatedAt: now})
	}
	if err := db.CreateInBatches(&users, 500).Error; err != nil {
		tb.Fatal(err)
	}
	byID := map[int64]org.Branch{}
	for _, l := range leaves {
		byID[l.ID] = l
	}
	var grants []string
	var args []any
	flush := func() {
		if len(grants) == 0 {
			return
		}
		if err := db.Exec("INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES "+strings.Join(grants, ", "), args...).Error; err != nil {
			tb.Fatal(err)
		}
		grants, args = grants[:0], args[:0]
	}
	for _, u := range users {
		grants = append(grants, "(?, ?, ?, ?)")
		args = append(args, "g", fmt.Sprintf("u%d", u.ID), "employee", fmt.Sprintf("t%d%s", b.tid, byID[u.BranchID].Path))
		if len(grants) == 200 {
			flush()
		}
	}
	flush()
	if err := db.Exec("UPDATE tenants SET policy_version = policy_version + 1 WHERE id = ?", b.tid).Error; err != nil {
		tb.Fatal(err)
	}
	b.env.App.Authz.Invalidate(b.tid)

	rng := rand.New(rand.NewPCG(1, 2))
	rows := make([]feedback.Rollup, 0, len(users)+len(leaves))
	for i, u := range users {
		records := int64(20 + rng.IntN(40))
		if i%50 == 0 {
			records = int64(1 + rng.IntN(5)) // a few people with little feedback
		}
		ratings := records * 8 / 10
		avg := 4.0 + rng.Float64()*0.9
		if byID[u.BranchID].Code == "bx-r03-07" {
			avg -= 0.8 // one clearly weaker branch
		}
		problems := records / 4
		rows = append(rows, feedback.Rollup{TenantID: b.tid, Month: 202611, BranchID: u.BranchID, EmployeeID: u.ID, Tally: feedback.Tally{
			Records: records, Ratings: ratings, ScoreSumMilli: int64(avg * 1000 * float64(ratings)), Problems: problems,
			Resolved: problems * int64(7+rng.IntN(4)) / 10, Complaints: int64(rng.IntN(3))}})
	}
	for _, l := range leaves {
		rows = append(rows, feedback.Rollup{TenantID: b.tid, Month: 202611, BranchID: l.ID, Tally: feedback.Tally{Records: 10, Ratings: 8, ScoreSumMilli: 36000, Problems: 2, Resolved: 1, Complaints: 1}})
	}
	if err := db.CreateInBatches(&rows, 500).Error; err != nil {
		tb.Fatal(err)
	}
	return root, region, users[1].ID
}

// TestKPIScale measures, on a bank of 500 branches and 10,000 staff,
// recomputing one month and the dashboard requests HR and managers make
// (through the whole HTTP stack, without the network), and logs p50 and p95
// over 50 requests of each kind. It runs only when SS_KPI_SCALE is set:
//
//	SS_KPI_SCALE=1 go test ./app/kpi/ -run KPIScale -v
func TestKPIScale(t *testing.T) {
	if os.Getenv("SS_KPI_SCALE") == "" {
		t.Skip("set SS_KPI_SCALE=1 to measure KPIs at 500 branches and 10,000 people")
	}
	b := demoBank(t)
	start := time.Now()
	root, region, someone := scale(t, b)
	t.Logf("generated 500 branches, 10,000 people and their November rollups in %v", time.Since(start).Round(time.Millisecond))

	for i := 0; i < 3; i++ {
		start = time.Now()
		b.recompute(t, "2026-11")
		t.Logf("recompute one month (10,000 people, 500 subtrees): %v", time.Since(start).Round(time.Millisecond))
	}
	start = time.Now()
	b.recompute(t, "2026-Q4")
	t.Logf("recompute one quarter: %v", time.Since(start).Round(time.Millisecond))

	// PostgreSQL reads the rankings from the index alone only where
	// autovacuum has marked the rewritten pages visible; SS_KPI_VACUUM=1
	// vacuums both ranked tables first, as autovacuum soon would after a
	// recompute rewrote them, and shows the plans.
	if testkit.Postgres() && os.Getenv("SS_KPI_VACUUM") != "" {
		for _, table := range []string{"kpi_results", "kpi_metric_scores"} {
			if err := b.env.App.DB.W.Exec("VACUUM ANALYZE " + table).Error; err != nil {
				t.Fatal(err)
			}
		}
		for _, sql := range []string{
			"EXPLAIN ANALYZE SELECT employee_id FROM kpi_results WHERE tenant_id = ? AND period_key = ? AND branch_path >= ? AND branch_path < ? ORDER BY CASE WHEN composite_milli IS NULL THEN 1 ELSE 0 END, composite_milli DESC, employee_id LIMIT 20",
			"EXPLAIN ANALYZE SELECT employee_id FROM kpi_metric_scores WHERE tenant_id = ? AND period_key = ? AND metric = 'satisfaction' AND branch_path >= ? AND branch_path < ? ORDER BY CASE WHEN score_milli IS NULL THEN 1 ELSE 0 END, score_milli DESC, employee_id LIMIT 20",
		} {
			var plan []string
			b.env.App.DB.R.Raw(sql, b.tid, "2026-11", "/1/", "/10").Scan(&plan)
			t.Log(strings.Join(plan, "\n"))
		}
	}
	hr := b.env.Login("demo", "hr")
	mgr := b.env.Login("demo", "mgr.north")
	q := "?period=2026-11"
	for _, c := range []struct {
		name   string
		client *testkit.Client
		path   string
	}{
		{"branch summary, head office (HR)", hr, fmt.Sprintf("/api/v1/kpi/branches/%d%s", root, q)},
		{"branch summary, a region (HR)", hr, fmt.Sprintf("/api/v1/kpi/branches/%d%s", region, q)},
		{"branch summary, North (manager)", mgr, fmt.Sprintf("/api/v1/kpi/branches/%d%s", b.branch["north"].ID, q)},
		{"ranking page 1 by composite, head office", hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people%s", root, q)},
		{"ranking page 50 by composite, head office", hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people%s&page=50", root, q)},
		{"ranking by satisfaction score, a region", hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people%s&sort=satisfaction", region, q)},
		{"ranking by satisfaction score, head office", hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people%s&sort=satisfaction", root, q)},
		{"branch trend, head office", hr, fmt.Sprintf("/api/v1/kpi/branches/%d/trend", root)},
		{"person scorecard", hr, fmt.Sprintf("/api/v1/kpi/people/%d%s", someone, q)},
		{"person trend", hr, fmt.Sprintf("/api/v1/kpi/people/%d/trend", someone)},
		{"my scorecard", mgr, "/api/v1/kpi/me" + q},
	} {
		var ds []time.Duration
		for i := 0; i < 50; i++ {
			start := time.Now()
			st, body := c.client.Do("GET", c.path, nil)
			ds = append(ds, time.Since(start))
			if st != 200 {
				t.Fatalf("%s: %d %s", c.name, st, body)
			}
		}
		slices.Sort(ds)
		t.Logf("%-45s p50 %6.2f ms  p95 %6.2f ms", c.name, ms(ds[len(ds)/2]), ms(ds[len(ds)*95/100]))
	}
	for _, format := range []string{"csv", "xlsx"} {
		start = time.Now()
		st, body := hr.Do("GET", fmt.Sprintf("/api/v1/kpi/branches/%d/export%s&format=%s", root, q, format), nil)
		if st != 200 {
			t.Fatalf("export: %d", st)
		}
		t.Logf("export of head office as %s: %v, %d bytes", format, time.Since(start).Round(time.Millisecond), len(body))
		if format == "csv" {
			if n := strings.Count(body, "\n") - 1; n < 10000 {
				t.Errorf("the CSV export has %d people, want all 10,000 and more", n)
			}
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
