package server_test

import "fmt"

// kpiRows cover the KPI area. "kpi.any" is any of kpi.self, kpi.review and
// kpi.manage (the metric and period lists every KPI screen needs). Branch
// and person dashboards are objects: a manager reaches their subtree, HR
// the tenant, anyone else's branch answers like a missing one. The demo
// seed closed every month and quarter before November 2026 and left the
// years open.
func kpiRows() []row {
	const per = "?period=2026-10"
	branch := func(path string) row {
		return row{method: "GET", path: "/api/v1/kpi/branches/{id}" + path, access: perm, perm: "kpi.review", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", idPath("/api/v1/kpi/branches/{id}"+path, x.branchID())+per, nil)
			}}
	}
	person := func(path string) row {
		return row{method: "GET", path: "/api/v1/kpi/people/{id}" + path, access: perm, perm: "kpi.review", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", idPath("/api/v1/kpi/people/{id}"+path, x.fixedUser())+per, nil) }}
	}
	return []row{
		{method: "GET", path: "/api/v1/kpi/metrics", access: perm, perm: "kpi.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/kpi/metrics", nil) }},
		{method: "GET", path: "/api/v1/kpi/periods", access: perm, perm: "kpi.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/kpi/periods?kind=quarter", nil) }},
		{method: "GET", path: "/api/v1/kpi/schemes", access: perm, perm: "kpi.manage", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/kpi/schemes", nil) }},
		{method: "POST", path: "/api/v1/kpi/schemes", access: perm, perm: "kpi.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/kpi/schemes", map[string]any{"name": fmt.Sprintf("Matrix scheme %d", x.w.next()), "role": "", "valid_from": "2026-11",
					"metrics": []map[string]any{{"metric": "satisfaction", "weight_pct": 100, "normalisation": "linear", "floor": 3, "target": 5, "direction": "higher", "min_sample": 10}}})
			}},
		// Each succeeds once, for HR: the open, ended year 2025 closes; the closed January reopens.
		{method: "POST", path: "/api/v1/kpi/periods/{key}/close", access: perm, perm: "kpi.manage", ok: 200,
			run: func(x *cell) resp { return x.do("POST", "/api/v1/kpi/periods/2025/close", nil) }},
		{method: "POST", path: "/api/v1/kpi/periods/{key}/reopen", access: perm, perm: "kpi.manage", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/kpi/periods/2026-01/reopen", map[string]string{"reason": "a late batch of complaints"})
			}},
		{method: "POST", path: "/api/v1/kpi/recompute", access: perm, perm: "kpi.manage", ok: 202,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/kpi/recompute", map[string]string{"period": "2026-11"})
			}},
		{method: "GET", path: "/api/v1/kpi/me", access: perm, perm: "kpi.self", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/kpi/me"+per, nil) }},
		{method: "GET", path: "/api/v1/kpi/me/trend", access: perm, perm: "kpi.self", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/kpi/me/trend?kind=month", nil) }},
		branch(""),
		branch("/people"),
		branch("/trend"),
		branch("/export"),
		person(""),
		person("/trend"),
	}
}
