package server_test

import (
	"fmt"

	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// awardsRows cover the awards area. "awards.any" is any of awards.view,
// awards.nominate and awards.manage (type names, badges, one's
// nominations); "awards.decide" is deciding a nomination waiting for HR.
// Badges and certificates are objects at the holder's branch; a nomination's
// nominee is one in the body, outside the caller's subtree answering 404.
// The demo seed granted awards at North, Chaoyang, South and Kunming and
// left the latest Customer Praise round (2026-Q3) open.
func awardsRows() []row {
	typeID := func(x *cell, code string) int64 {
		var id int64
		if err := x.env().App.DB.R.Model(&awards.Type{}).Scopes(store.Tenant(x.w.tenant["demo"])).Where("code = ?", code).Pluck("id", &id).Error; err != nil || id == 0 {
			x.t.Fatalf("award type %s: %v", code, err)
		}
		return id
	}
	return []row{
		{method: "GET", path: "/api/v1/award-types", access: perm, perm: "awards.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/award-types", nil) }},
		{method: "GET", path: "/api/v1/award-types/badges", access: perm, perm: "awards.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/award-types/badges", nil) }},
		{method: "GET", path: "/api/v1/award-types/metrics", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/award-types/metrics", nil) }},
		{method: "POST", path: "/api/v1/award-types", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/award-types", matrixAwardType(fmt.Sprintf("mx-award-%d", x.w.next())))
			}},
		{method: "PUT", path: "/api/v1/award-types/{id}", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", idPath("/api/v1/award-types/{id}", x.awardFixtureType()), matrixAwardType(fmt.Sprintf("mx-award-fx-%d", x.w.next())))
			}},
		// An evaluated period answers its round again: each succeeds for HR.
		{method: "POST", path: "/api/v1/award-types/{id}/evaluate", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", idPath("/api/v1/award-types/{id}/evaluate", typeID(x, "monthly-service-star")), map[string]string{"period_key": "2026-09"})
			}},
		{method: "GET", path: "/api/v1/award-rounds", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/award-rounds?period_key=2026-Q3", nil) }},
		{method: "POST", path: "/api/v1/award-rounds/{id}/candidates/{employee_id}", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp {
				round, emp := x.awardOpenRound(false)
				return x.do("POST", fmt.Sprintf("/api/v1/award-rounds/%d/candidates/%d", round, emp), map[string]string{"decision": "approve"})
			}},
		{method: "POST", path: "/api/v1/award-rounds/{id}/grant", access: perm, perm: "awards.manage", ok: 200,
			run: func(x *cell) resp {
				round, _ := x.awardOpenRound(true)
				return x.do("POST", fmt.Sprintf("/api/v1/award-rounds/%d/grant", round), nil)
			}},
		{method: "POST", path: "/api/v1/nominations", access: perm, perm: "awards.nominate", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/nominations", map[string]any{"type_id": x.awardFixtureType(), "period_key": "2026-Q2",
					"nominee_id": x.fixedUser(), "reason": "matrix"})
			}},
		{method: "GET", path: "/api/v1/nominations", access: perm, perm: "awards.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/nominations", nil) }},
		{method: "POST", path: "/api/v1/nominations/{id}/decision", access: perm, perm: "awards.decide", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", idPath("/api/v1/nominations/{id}/decision", x.awardPendingNomination()), map[string]any{"approve": true})
			}},
		{method: "GET", path: "/api/v1/honour-roll", access: perm, perm: "awards.view", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/honour-roll?period_key=2026-Q3", nil) }},
		{method: "GET", path: "/api/v1/me/badges", access: perm, perm: "awards.view", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/me/badges", nil) }},
		{method: "GET", path: "/api/v1/users/{id}/badges", access: perm, perm: "awards.view", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", idPath("/api/v1/users/{id}/badges", x.fixedUser()), nil) }},
		{method: "GET", path: "/api/v1/grants/{id}/certificate", access: perm, perm: "awards.view", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", idPath("/api/v1/grants/{id}/certificate", x.awardGrantAt()), nil)
			}},
	}
}

func matrixAwardType(code string) map[string]any {
	return map[string]any{"code": code, "name_zh": "矩阵奖", "name_en": "Matrix award", "badge": "Trophy", "period": "quarter", "kind": "nomination",
		"quota": map[string]any{"per": "branch", "count": 5}, "approval_levels": []string{"hr"}, "active": true}
}

// awardFixtureType is a nomination type of the demo bank (HR approves alone).
func (x *cell) awardFixtureType() int64 {
	key := "award-type"
	if id, ok := fixtures[key]; ok {
		return id
	}
	ctx, hr := x.w.principalCtx(x.t, "demo", "hr")
	in := awards.AwardTypeIn{Code: fmt.Sprintf("mx-nom-%d", x.w.next()), NameZh: "矩阵提名奖", NameEn: "Matrix nomination", Badge: "Flag",
		Period: scoring.Quarter, Kind: awards.KindNomination, Quota: scoring.AwardQuota{Per: scoring.QuotaPerBranch, Count: 50}, ApprovalLevels: []string{awards.LevelHR}, Active: true}
	t, err := x.env().App.Awards.SaveType(ctx, hr, 0, in)
	if err != nil {
		x.t.Fatalf("award type fixture: %v", err)
	}
	fixtures[key] = t.ID
	return t.ID
}

// awardOpenRound is an open round of the demo bank with a candidate: a
// fresh rule type (anyone with a composite) evaluated over 2026-Q3; with
// approved set, its first candidate is approved already.
func (x *cell) awardOpenRound(approved bool) (int64, int64) {
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id, fixtures[x.fixtureKey()+"|emp"]
	}
	ctx, hr := x.w.principalCtx(x.t, "demo", "hr")
	s := x.env().App.Awards
	t, err := s.SaveType(ctx, hr, 0, awards.AwardTypeIn{Code: fmt.Sprintf("mx-rule-%d", x.w.next()), NameZh: "矩阵规则奖", NameEn: "Matrix rule", Badge: "Medal",
		Period: scoring.Quarter, Kind: awards.KindRule, Quota: scoring.AwardQuota{Per: scoring.QuotaPerTenant, Count: 1}, Active: true,
		Rule: &scoring.AwardCondition{Metric: scoring.CompositeMetric, Cmp: ">=", Value: 0}})
	if err != nil {
		x.t.Fatalf("rule type fixture: %v", err)
	}
	r, err := s.Evaluate(ctx, hr, t.ID, "2026-Q3")
	if err != nil || len(r.Candidates) == 0 {
		x.t.Fatalf("round fixture: %v (%d candidates)", err, len(r.Candidates))
	}
	emp := r.Candidates[0].Employee.ID
	if approved {
		if _, err := s.Decide(ctx, hr, r.ID, emp, "approve"); err != nil {
			x.t.Fatal(err)
		}
	}
	fixtures[x.fixtureKey()], fixtures[x.fixtureKey()+"|emp"] = r.ID, emp
	return r.ID, emp
}

// awardPendingNomination is a nomination by mgr.north waiting for HR.
func (x *cell) awardPendingNomination() int64 {
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id
	}
	ctx, mgr := x.w.principalCtx(x.t, "demo", "mgr.north")
	n, err := x.env().App.Awards.Nominate(ctx, mgr, awards.NominationIn{TypeID: x.awardFixtureType(), PeriodKey: "2026-Q1",
		NomineeID: x.freshUserIn("demo/north"), Reason: "matrix"})
	if err != nil {
		x.t.Fatalf("nomination fixture: %v", err)
	}
	fixtures[x.fixtureKey()] = n.ID
	return n.ID
}

// freshUserIn is a new employee at branch, for a fixture that uses someone up.
func (x *cell) freshUserIn(branch string) int64 { return x.w.freshUser(x.t, branch) }

// awardGrantAt is a grant held at the target branch (the demo's), or a missing id.
func (x *cell) awardGrantAt() int64 {
	if x.missing {
		return missingID
	}
	slug := x.target.tenant()
	var id int64
	if err := x.env().App.DB.R.Model(&awards.Grant{}).Scopes(store.Tenant(x.w.tenant[slug])).
		Where("branch_id = ?", x.w.branch[x.target.branch()].ID).Order("id").Limit(1).Pluck("id", &id).Error; err != nil || id == 0 {
		x.t.Fatalf("no grant at %s: %v", x.target.branch(), err)
	}
	return id
}
