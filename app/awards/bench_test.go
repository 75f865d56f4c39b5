package awards_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// BenchmarkAwardEvaluate evaluates every rule type of a bank of 10,000
// people over their periods at close: each iteration is one evaluation of
// the quarterly Customer Praise rule, the monthly Service Star rule and a
// bank-wide composite ranking, each over 10,000 KPI results with their
// complaints (a quarter's and a month's feedback rollups), writing the
// rounds. The target is 5 s for the lot.
func BenchmarkAwardEvaluate(b *testing.B) {
	bk := benchBank(b)
	ctx, hr := bk.as("hr")
	s := bk.svc()
	db := bk.env.App.DB.W
	branches := []int64{bk.branch["north"].ID, bk.branch["north-chaoyang"].ID, bk.branch["south"].ID, bk.branch["east"].ID, bk.branch["east-xuhui"].ID}
	paths := map[int64]string{}
	for _, br := range bk.branch {
		paths[br.ID] = br.Path
	}
	rng := rand.New(rand.NewPCG(11, 2026))
	now := time.Now().UTC()
	periods := []scoring.Period{scoring.QuarterPeriod(2024, 1), scoring.MonthPeriod(202401)}
	for _, per := range periods {
		if err := db.Create(&kpi.PeriodState{TenantID: bk.tid, PeriodKey: per.Key, Kind: per.Kind, FirstMonth: per.FirstMonth, LastMonth: per.LastMonth,
			State: kpi.Closed, ChangedAt: now}).Error; err != nil {
			b.Fatal(err)
		}
		rows := make([]kpi.Result, 0, 10000)
		for i := 0; i < 10000; i++ {
			ratings := int64(10 + rng.IntN(60))
			sat := 3.5 + rng.Float64()*1.5
			card, _ := json.Marshal(map[string]any{"role": "", "of": 10000, "metrics": []map[string]any{
				{"metric": "satisfaction", "raw": sat, "sample": ratings, "enough": true},
				{"metric": "resolution_rate", "raw": rng.Float64(), "sample": rng.IntN(20), "enough": true}}})
			comp := int64(rng.IntN(100000))
			br := branches[i%len(branches)]
			rows = append(rows, kpi.Result{TenantID: bk.tid, PeriodKey: per.Key, EmployeeID: int64(1_000_000 + i), BranchID: br, BranchPath: paths[br],
				SchemeID: 1, CompositeMilli: &comp, Rankable: true, Ratings: ratings, Breakdown: card, ComputedAt: now})
		}
		if err := db.CreateInBatches(rows, 500).Error; err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 10000; i++ {
		if err := db.Exec("INSERT INTO feedback_rollups (tenant_id, month, branch_id, employee_id, records, ratings, score_sum_milli, problems, resolved, complaints) VALUES (?, ?, ?, ?, 40, 30, 130000, 2, 2, ?)",
			bk.tid, 202401, branches[i%len(branches)], 1_000_000+i, rng.IntN(4)/3).Error; err != nil {
			b.Fatal(err)
		}
	}
	ruleTypes := func(n int) []*awards.AwardTypeView {
		praise := praiseType(fmt.Sprintf("bench-praise-%d", n), scoring.QuotaPerBranch, 2)
		star := praiseType(fmt.Sprintf("bench-star-%d", n), scoring.QuotaPerBranch, 1)
		star.Period = scoring.Month
		star.Rule = &scoring.AwardCondition{Op: scoring.OpAnd, Children: []scoring.AwardCondition{
			{Metric: scoring.CompositeMetric, Cmp: ">=", Value: 60, MinSample: 15}, {Fact: scoring.FactNoComplaints}}}
		top := praiseType(fmt.Sprintf("bench-top-%d", n), scoring.QuotaPerTenant, 20)
		top.Rule = &scoring.AwardCondition{Op: scoring.OpOr, Children: []scoring.AwardCondition{
			{Metric: scoring.ResolutionRate, Cmp: ">=", Value: 0.95, MinSample: 15}, {Metric: scoring.Satisfaction, Cmp: ">", Value: 4.9, MinSample: 30}}}
		var out []*awards.AwardTypeView
		for _, in := range []awards.AwardTypeIn{praise, star, top} {
			out = append(out, must(s.SaveType(ctx, hr, 0, in)))
		}
		return out
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		types := ruleTypes(n)
		b.StartTimer()
		for _, ty := range types {
			key := periods[0].Key
			if ty.Period == scoring.Month {
				key = periods[1].Key
			}
			r, err := s.Evaluate(ctx, hr, ty.ID, key)
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Candidates) == 0 {
				b.Fatalf("%s: no candidates", ty.Code)
			}
		}
	}
	b.StopTimer()
	var rounds int64
	if err := bk.env.App.DB.R.Model(&awards.Round{}).Scopes(store.Tenant(bk.tid)).Count(&rounds).Error; err != nil || rounds == 0 {
		b.Fatal("no rounds written")
	}
}
