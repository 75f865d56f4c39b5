package awards_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/scoring"
)

func status(err error) int {
	var p *apperr.Problem
	if errors.As(err, &p) {
		return p.Status
	}
	return 0
}

func praiseType(code string, per string, n int) awards.AwardTypeIn {
	return awards.AwardTypeIn{Code: code, NameZh: "测试好评奖", NameEn: "Test praise", Badge: "Trophy", Period: scoring.Quarter, Kind: awards.KindRule,
		Quota: scoring.AwardQuota{Per: per, Count: n}, Active: true,
		Rule: &scoring.AwardCondition{Op: scoring.OpAnd, Children: []scoring.AwardCondition{
			{Metric: scoring.Satisfaction, Cmp: ">=", Value: 4.8, MinSample: 30}, {Fact: scoring.FactNoComplaints}}}}
}

// A hand-made KPI table through evaluation, quotas and ties, HR's
// decisions and the grant with its quota checked again.
func TestRuleRoundOverAHandMadeTable(t *testing.T) {
	b := demoBank(t)
	ctx, hr := b.as("hr")
	s := b.svc()
	b.kpiTable("2025-Q2", 202504,
		row{user: "staff.north.1", branch: "north", composite: c(91000), ratings: 40, sat: f(4.9)},
		row{user: "staff.north.2", branch: "north", composite: c(91000), ratings: 40, sat: f(4.85)},                // ties staff.north.1
		row{user: "staff.north.3", branch: "north", composite: c(99000), ratings: 40, sat: f(4.95), complaints: 1}, // a complaint
		row{user: "emp.north.1", branch: "north-chaoyang", composite: c(80000), ratings: 30, sat: f(4.8)},
		row{user: "staff.north-chaoyang.1", branch: "north-chaoyang", composite: c(99000), ratings: 29, sat: f(4.99)}, // too few ratings
		row{user: "emp.south.1", branch: "south", composite: c(70000), ratings: 60, sat: f(4.79)},                     // just under
	)
	typ := must(s.SaveType(ctx, hr, 0, praiseType(code(), scoring.QuotaPerBranch, 1)))
	r := must(s.Evaluate(ctx, hr, typ.ID, "2025-Q2"))
	got := map[int64]awards.AwardCandidateView{}
	for _, cd := range r.Candidates {
		got[cd.Employee.ID] = cd
	}
	// North: 1 and 2 tie exactly; the lower employee id takes the one seat, flagged.
	lo, hi := b.user["staff.north.1"], b.user["staff.north.2"]
	if lo > hi {
		lo, hi = hi, lo
	}
	if len(r.Candidates) != 2 || !got[lo].TiedAtEdge || got[lo].Rank != 1 || got[b.user["emp.north.1"]].Status != awards.Proposed {
		t.Fatalf("candidates %+v, want %d (tied at the edge) and emp.north.1", r.Candidates, lo)
	}
	if _, ok := got[hi]; ok {
		t.Errorf("the quota of 1 per branch let the tie through")
	}
	// Evaluating again answers the same round.
	if again := must(s.Evaluate(ctx, hr, typ.ID, "2025-Q2")); again.ID != r.ID || len(again.Candidates) != 2 {
		t.Errorf("second evaluation: round %d with %d candidates, want round %d unchanged", again.ID, len(again.Candidates), r.ID)
	}
	// A tenant quota of 1 over the same table: the best composite wins.
	tenantType := must(s.SaveType(ctx, hr, 0, praiseType(code(), scoring.QuotaPerTenant, 1)))
	tr := must(s.Evaluate(ctx, hr, tenantType.ID, "2025-Q2"))
	if len(tr.Candidates) != 1 || tr.Candidates[0].Employee.ID != lo {
		t.Errorf("tenant quota: %+v, want only %d", tr.Candidates, lo)
	}

	// HR approves both; the quota is lowered meanwhile to 1 per tenant, so
	// the grant is refused and nothing is granted.
	for _, cd := range r.Candidates {
		must(s.Decide(ctx, hr, r.ID, cd.Employee.ID, "approve"))
	}
	in := praiseType(typ.Code, scoring.QuotaPerTenant, 1)
	must(s.SaveType(ctx, hr, typ.ID, in))
	if _, err := s.GrantRound(ctx, hr, r.ID); status(err) != http.StatusConflict {
		t.Fatalf("grant over the quota: %v, want 409", err)
	}
	if n := b.count(&awards.Grant{}, "type_id = ?", typ.ID); n != 0 {
		t.Fatalf("%d grants after a refused grant", n)
	}
	// Drop one; the grant goes through and the grantee is told.
	must(s.Decide(ctx, hr, r.ID, b.user["emp.north.1"], "drop"))
	done := must(s.GrantRound(ctx, hr, r.ID))
	if done.State != awards.RoundGranted || b.count(&awards.Grant{}, "type_id = ? AND employee_id = ?", typ.ID, lo) != 1 {
		t.Fatalf("after grant: %+v", done)
	}
	if b.count(&notify.Notification{}, "user_id = ? AND kind = ?", lo, awards.NotifyGranted) == 0 {
		t.Error("the grantee was not notified")
	}
	if _, err := s.Decide(ctx, hr, r.ID, lo, "drop"); status(err) != http.StatusConflict {
		t.Errorf("deciding in a granted round: %v, want 409", err)
	}
	if _, err := s.GrantRound(ctx, hr, r.ID); status(err) != http.StatusConflict {
		t.Errorf("granting twice: %v, want 409", err)
	}
}

func TestEvaluateRefusesWhatItCannotDo(t *testing.T) {
	b := demoBank(t)
	ctx, hr := b.as("hr")
	s := b.svc()
	typ := must(s.SaveType(ctx, hr, 0, praiseType(code(), scoring.QuotaPerBranch, 2)))
	// The current quarter is open in KPI: 409 with the reason.
	if _, err := s.Evaluate(ctx, hr, typ.ID, "2026-Q4"); status(err) != http.StatusConflict || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("open period: %v, want 409 naming the reason", err)
	}
	// A month for a quarterly award.
	if _, err := s.Evaluate(ctx, hr, typ.ID, "2026-09"); status(err) != http.StatusUnprocessableEntity {
		t.Errorf("month for a quarterly award: %v, want 422", err)
	}
	if n := b.count(&awards.Round{}, "type_id = ?", typ.ID); n != 0 {
		t.Errorf("%d rounds after refusals", n)
	}
	// A manager may not evaluate.
	mctx, mgr := b.as("mgr.north")
	if _, err := s.Evaluate(mctx, mgr, typ.ID, "2026-Q3"); status(err) != http.StatusForbidden {
		t.Errorf("manager evaluates: %v, want 403", err)
	}
}

func TestBadAwardTypesChangeNothing(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	before := b.count(&awards.Type{}, "")
	post := func(body any) (int, string) { return hr.Do("POST", "/api/v1/award-types", body) }
	base := func(rule any) map[string]any {
		return map[string]any{"code": code(), "name_zh": "奖", "name_en": "Award", "badge": "Trophy", "period": "quarter", "kind": "rule",
			"quota": map[string]any{"per": "branch", "count": 2}, "active": true, "rule": rule}
	}
	cases := []struct {
		name string
		body map[string]any
		loc  string
	}{
		{"unknown metric", base(map[string]any{"op": "and", "children": []any{map[string]any{"fact": "no_complaints"}, map[string]any{"metric": "happiness", "cmp": ">=", "value": 1}}}), "body.rule.children[1].metric"},
		{"unknown fact", base(map[string]any{"fact": "bonus_paid", "cmp": ">=", "value": 1}), "body.rule.fact"},
		{"empty group", base(map[string]any{"op": "or", "children": []any{}}), "body.rule.children"},
		{"no rule", base(nil), "body.rule"},
		{"unknown badge", func() map[string]any {
			m := base(map[string]any{"fact": "no_complaints"})
			m["badge"] = "Skull"
			return m
		}(), "body.badge"},
		{"nomination without levels", func() map[string]any {
			m := base(nil)
			m["kind"] = "nomination"
			return m
		}(), "body.approval_levels"},
	}
	for _, cs := range cases {
		st, body := post(cs.body)
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, cs.loc) {
			t.Errorf("%s: %d %s, want 422 at %s", cs.name, st, body, cs.loc)
		}
	}
	if after := b.count(&awards.Type{}, ""); after != before {
		t.Errorf("%d award types after bad input, want %d", after, before)
	}
	// Published cases are a fact rules may use now that the case library is wired.
	if st, body := post(base(map[string]any{"fact": "cases_published", "cmp": ">=", "value": 1})); st != http.StatusOK {
		t.Errorf("a rule over published cases: %d %s", st, body)
	}
	// An employee may not define awards.
	emp := b.env.Login("demo", "emp.north.1")
	if st, body := emp.Do("POST", "/api/v1/award-types", base(map[string]any{"fact": "no_complaints"})); st != http.StatusForbidden {
		t.Errorf("employee defines an award: %d %s", st, body)
	}
	// A duplicate code is a conflict.
	m := base(map[string]any{"fact": "no_complaints"})
	m["code"] = "customer-praise"
	if st, body := post(m); st != http.StatusConflict {
		t.Errorf("duplicate code: %d %s", st, body)
	}
}

// The periodic job evaluates a period closed after the type was made, once.
func TestEvaluateClosedIsIdempotent(t *testing.T) {
	b := demoBank(t)
	ctx, hr := b.as("hr")
	s := b.svc()
	in := praiseType(code(), scoring.QuotaPerBranch, 2)
	in.Period = scoring.Year
	typ := must(s.SaveType(ctx, hr, 0, in))
	b.env.Clock.Advance(1e9)
	if _, err := b.env.App.KPI.Close(ctx, hr, "2025"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if err := s.EvaluateClosed(ctx); err != nil {
			t.Fatal(err)
		}
		if n := b.count(&awards.Round{}, "type_id = ?", typ.ID); n != 1 {
			t.Fatalf("run %d: %d rounds of the yearly type, want 1", i+1, n)
		}
	}
	// Periods closed before the demo's types existed are left to HR.
	if n := b.count(&awards.Round{}, "period_key = ?", "2025"); n != 1 {
		t.Errorf("%d rounds of 2025, want only the new type's", n)
	}
}

// A round that found nobody closes with no grant; one with undecided
// candidates does not close before HR approves someone.
func TestEmptyRoundCloses(t *testing.T) {
	b := demoBank(t)
	ctx, hr := b.as("hr")
	s := b.svc()
	b.kpiTable("2025-Q2", 202504, row{user: "emp.south.1", branch: "south", composite: c(70000), ratings: 60, sat: f(4.79)})
	typ := must(s.SaveType(ctx, hr, 0, praiseType(code(), scoring.QuotaPerBranch, 1)))
	r := must(s.Evaluate(ctx, hr, typ.ID, "2025-Q2"))
	if len(r.Candidates) != 0 {
		t.Fatalf("candidates %+v, want none (4.79 < 4.8)", r.Candidates)
	}
	if done := must(s.GrantRound(ctx, hr, r.ID)); done.State != awards.RoundGranted {
		t.Errorf("empty round after grant: %s", done.State)
	}
	loose := praiseType(code(), scoring.QuotaPerBranch, 1)
	loose.Rule = &scoring.AwardCondition{Metric: scoring.Satisfaction, Cmp: ">=", Value: 4}
	lt := must(s.SaveType(ctx, hr, 0, loose))
	lr := must(s.Evaluate(ctx, hr, lt.ID, "2025-Q2"))
	if _, err := s.GrantRound(ctx, hr, lr.ID); status(err) != http.StatusUnprocessableEntity {
		t.Errorf("granting with a candidate undecided: %v, want 422", err)
	}
}
