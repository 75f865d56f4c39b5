package server_test

import (
	"fmt"

	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/careers"
	"github.com/servicestar/servicestar/app/store"
)

// careersRows cover the careers area. "careers.any" is any of careers.self,
// careers.review and careers.manage (the tracks every careers screen
// shows); "careers.people" is careers.review or careers.manage (another
// person's career, readiness): a manager reaches their subtree, HR the
// bank. Tracks, levels, promotions, moves and hire dates are HR's.
func careersRows() []row {
	person := func(method, what string, body func(x *cell) any) row {
		path := "/api/v1/users/{id}/career/" + what
		return row{method: method, path: path, access: perm, perm: "careers.manage", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				id := x.freshUser()
				if what == "promote" {
					x.placeOnExpertTrack(id)
				}
				return x.do(method, idPath(path, id), body(x))
			}}
	}
	return []row{
		{method: "GET", path: "/api/v1/career-tracks", access: perm, perm: "careers.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/career-tracks", nil) }},
		{method: "POST", path: "/api/v1/career-tracks", access: perm, perm: "careers.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/career-tracks", map[string]string{"code": fmt.Sprintf("mx_track_%d", x.w.next()), "kind": "expert", "name_zh": "矩阵通道", "name_en": "Matrix track"})
			}},
		{method: "PUT", path: "/api/v1/career-tracks/{id}", access: perm, perm: "careers.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", idPath("/api/v1/career-tracks/{id}", x.careerTrack()), map[string]string{"code": "expert", "kind": "expert", "name_zh": "专家通道", "name_en": "Expert track"})
			}},
		{method: "POST", path: "/api/v1/career-tracks/{id}/levels", access: perm, perm: "careers.manage", ok: 200,
			run: func(x *cell) resp {
				n := x.w.next()
				return x.do("POST", idPath("/api/v1/career-tracks/{id}/levels", x.careerTrack()), map[string]any{"rank": 10 + n%90, "code": fmt.Sprintf("mx_level_%d", n),
					"name_zh": "矩阵职级", "name_en": "Matrix level", "requirements": []map[string]any{{"kind": "tenure_months", "params": map[string]int{"count": 120}}}})
			}},
		{method: "PUT", path: "/api/v1/career-levels/{id}", access: perm, perm: "careers.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", idPath("/api/v1/career-levels/{id}", x.careerLevel(x.callerSlug(), "chief_expert")), map[string]any{"rank": 3, "code": "chief_expert",
					"name_zh": "首席专家", "name_en": "Chief expert", "requirements": []map[string]any{{"kind": "tenure_months", "params": map[string]int{"count": 60}}}})
			}},
		{method: "GET", path: "/api/v1/me/career", access: perm, perm: "careers.self", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/me/career", nil) }},
		{method: "GET", path: "/api/v1/users/{id}/career", access: perm, perm: "careers.people", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", idPath("/api/v1/users/{id}/career", x.fixedUser()), nil) }},
		{method: "GET", path: "/api/v1/careers/readiness", access: perm, perm: "careers.people", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/careers/readiness", nil) }},
		{method: "GET", path: "/api/v1/careers/readiness", variant: "?branch_id=", access: perm, perm: "careers.people", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", fmt.Sprintf("/api/v1/careers/readiness?branch_id=%d", x.branchID()), nil)
			}},
		person("POST", "promote", func(x *cell) any {
			return map[string]any{"level_id": x.careerLevel(x.targetSlug(), "senior_expert"), "note": "matrix"}
		}),
		person("POST", "move", func(x *cell) any {
			slug := x.targetSlug()
			return map[string]any{"track_id": x.careerTrackOf(slug), "level_id": x.careerLevel(slug, "service_specialist"), "note": "matrix"}
		}),
		person("PUT", "profile", func(x *cell) any { return map[string]string{"hired_on": "2020-01-01"} }),
	}
}

// callerSlug is the caller's bank (demo for callers without one).
func (x *cell) callerSlug() string {
	if x.caller.tenant == "" {
		return "demo"
	}
	return x.caller.tenant
}

// targetSlug is the bank of the target object (demo for a missing one).
func (x *cell) targetSlug() string {
	if x.missing || x.target == noObject {
		return "demo"
	}
	return x.target.tenant()
}

func (x *cell) careerTrack() int64 { return x.careerTrackOf(x.callerSlug()) }

// careerTrackOf is the demo expert track of bank slug.
func (x *cell) careerTrackOf(slug string) int64 {
	var t careers.CareerTrack
	if err := x.env().App.DB.R.Scopes(store.Tenant(x.w.tenant[slug])).Where("code = ?", "expert").Take(&t).Error; err != nil {
		x.t.Fatalf("career track fixture: %v", err)
	}
	return t.ID
}

// careerLevel is the level of bank slug's expert track with code.
func (x *cell) careerLevel(slug, code string) int64 {
	var l careers.CareerLevel
	if err := x.env().App.DB.R.Scopes(store.Tenant(x.w.tenant[slug])).Where("track_id = ? AND code = ?", x.careerTrackOf(slug), code).Take(&l).Error; err != nil {
		x.t.Fatalf("career level fixture: %v", err)
	}
	return l.ID
}

// placeOnExpertTrack puts a fixture user at the first expert level, as the
// setup of a promotion (not the thing under test).
func (x *cell) placeOnExpertTrack(userID int64) {
	if x.missing {
		return
	}
	slug := x.target.tenant()
	track, level := x.careerTrackOf(slug), x.careerLevel(slug, "service_specialist")
	now := x.env().Clock.Now()
	p := careers.Profile{TenantID: x.w.tenant[slug], UserID: userID, TrackID: &track, LevelID: &level, Since: &now, UpdatedAt: now}
	if err := x.env().App.DB.W.Clauses(clause.OnConflict{DoNothing: true}).Create(&p).Error; err != nil {
		x.t.Fatalf("place fixture: %v", err)
	}
}
