package careers_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/careers"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/migrations"
)

// BenchmarkNextLevelProgress is one employee's own career page (GET
// /me/career's work: place, next level, every requirement measured,
// history) in a bank of 10,000 more placed staff, each with eight quarters
// of KPI results and passed scenarios. The next level (chief expert) asks
// tenure, KPI over four quarters, two scenario categories, cases and
// adopted suggestions; cases read nothing until that area is wired.
// Target: ≤ 20 ms.
func BenchmarkNextLevelProgress(b *testing.B) {
	bk := demoBank(b)
	db := bk.env.App.DB.W
	now := bk.env.Clock.Now()
	var track careers.CareerTrack
	if err := db.Scopes(store.Tenant(bk.tid)).Where("code = ?", "expert").Take(&track).Error; err != nil {
		b.Fatal(err)
	}
	var senior careers.CareerLevel
	if err := db.Scopes(store.Tenant(bk.tid)).Where("track_id = ? AND code = ?", track.ID, "senior_expert").Take(&senior).Error; err != nil {
		b.Fatal(err)
	}
	branch := bk.branch["north-chaoyang"]
	users := make([]org.User, 0, 10_000)
	for i := 0; i < 10_000; i++ {
		users = append(users, org.User{TenantID: bk.tid, BranchID: branch.ID, Username: fmt.Sprintf("bn.%05d", i), DisplayName: fmt.Sprintf("员工 %05d", i),
			EmployeeCode: fmt.Sprintf("BN%05d", i), PasswordHash: "x", Status: org.StatusActive, CreatedAt: now, UpdatedAt: now})
	}
	if err := db.CreateInBatches(&users, 500).Error; err != nil {
		b.Fatal(err)
	}
	someone := bk.user["emp.north.1"]
	ids := []int64{someone}
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	hired := now.AddDate(-7, 0, 0)
	var profiles []careers.Profile
	var results []kpi.Result
	var tries []attempts.Attempt
	total, passed := 91.0, true
	for _, id := range ids {
		profiles = append(profiles, careers.Profile{TenantID: bk.tid, UserID: id, TrackID: &track.ID, LevelID: &senior.ID, Since: &now, HiredOn: &hired, UpdatedAt: now})
		for q := 0; q < 8; q++ {
			c := int64(80_000 + q*1000)
			key := fmt.Sprintf("%d-Q%d", 2025+q/4, q%4+1)
			results = append(results, kpi.Result{TenantID: bk.tid, PeriodKey: key, EmployeeID: id, BranchID: branch.ID, BranchPath: branch.Path, SchemeID: 1,
				CompositeMilli: &c, Rankable: true, Ratings: 30, Breakdown: json.RawMessage(`{}`), ComputedAt: now})
		}
		for sc, version := range map[string]int{"wealth-inheritance": 2, "salary-to-fixed-deposit": 3, "smart-deposit-complaint": 3} {
			tries = append(tries, attempts.Attempt{TenantID: bk.tid, UserID: id, BranchID: branch.ID, ScenarioID: sc, ScenarioVersion: version,
				Status: attempts.Finished, StateJSON: "{}", Total: &total, Passed: &passed, StartedAt: now, UpdatedAt: now, FinishedAt: &now})
		}
	}
	// The demo placed emp.north.1 already: move that row aside first.
	if err := db.Scopes(store.Tenant(bk.tid)).Where("user_id = ?", someone).Delete(&careers.Profile{}).Error; err != nil {
		b.Fatal(err)
	}
	if err := db.Scopes(store.Tenant(bk.tid)).Where("employee_id = ?", someone).Delete(&kpi.Result{}).Error; err != nil {
		b.Fatal(err)
	}
	for _, rows := range []any{&profiles, &results, &tries} {
		if err := db.CreateInBatches(rows, 500).Error; err != nil {
			b.Fatal(err)
		}
	}
	if bk.env.App.DB.Dialect == migrations.Postgres {
		// What autovacuum does after a bulk load: without statistics the
		// planner takes these tables for small ones and scans them.
		if err := db.Exec("ANALYZE").Error; err != nil {
			b.Fatal(err)
		}
	}
	svc := bk.service(nil, nil)
	ctx, p := bk.as(b, "emp.north.1")
	v, err := svc.Me(ctx, p)
	if err != nil {
		b.Fatal(err)
	}
	if v.NextLevel == nil || v.NextLevel.Code != "chief_expert" || len(v.Requirements) != 6 {
		b.Fatalf("progress toward %+v: %+v", v.NextLevel, v.Requirements)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Me(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/float64(b.N)/1000, "ms/op")
}
