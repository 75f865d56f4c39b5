package awards_test

import (
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// The scenario_passes fact reads the real attempts: the demo seed passed
// one scenario each for emp.north.1 and emp.south.1 on 2 November 2026.
func TestScenarioPassesFromAttempts(t *testing.T) {
	b := demoBank(t)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	nov := time.Date(2026, 11, 1, 0, 0, 0, 0, loc)
	passes := must(b.env.App.Attempts.PassesBetween(t.Context(), b.tid, nov, nov.AddDate(0, 1, 0)))
	if passes[b.user["emp.north.1"]] != 1 || passes[b.user["emp.south.1"]] != 1 {
		t.Fatalf("November's passes %v, want one each for emp.north.1 and emp.south.1", passes)
	}
	if before := must(b.env.App.Attempts.PassesBetween(t.Context(), b.tid, nov.AddDate(0, -1, 0), nov)); len(before) != 0 {
		t.Errorf("October's passes %v, want none", before)
	}
	// November, closed here with a hand-made table the test owns.
	if err := b.env.App.DB.W.Scopes(store.Tenant(b.tid)).Where("period_key = ?", "2026-11").Delete(&kpi.Result{}).Error; err != nil {
		t.Fatal(err)
	}
	b.kpiTable("2026-11", 202611,
		row{user: "emp.north.1", branch: "north-chaoyang", composite: c(50000), ratings: 3, sat: f(4.0)},
		row{user: "emp.south.1", branch: "south", composite: c(60000), ratings: 3, sat: f(4.0)},
		row{user: "staff.north.1", branch: "north", composite: c(99000), ratings: 30, sat: f(4.9)},
	)
	ctx, hr := b.as("hr")
	in := praiseType(code(), scoring.QuotaPerTenant, 5)
	in.Period = scoring.Month
	in.Rule = &scoring.AwardCondition{Fact: scoring.FactScenarioPasses, Cmp: ">=", Value: 1}
	typ := must(b.svc().SaveType(ctx, hr, 0, in))
	r := must(b.svc().Evaluate(ctx, hr, typ.ID, "2026-11"))
	if len(r.Candidates) != 2 || r.Candidates[0].Employee.ID == b.user["staff.north.1"] || r.Candidates[1].Employee.ID == b.user["staff.north.1"] {
		t.Fatalf("candidates %+v, want emp.north.1 and emp.south.1", r.Candidates)
	}
	if got := r.Candidates[0].Facts[scoring.FactScenarioPasses]; got != float64(1) {
		t.Errorf("facts shown %v, want scenario_passes 1", r.Candidates[0].Facts)
	}
}
