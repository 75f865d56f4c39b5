package server_test

// retentionRows cover the retention settings: the tenant admin's, at the
// head office ("tenant.write"), like the bank's other settings.
func retentionRows() []row {
	return []row{
		{method: "GET", path: "/api/v1/retention", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/retention", nil) }},
		{method: "PUT", path: "/api/v1/retention", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", "/api/v1/retention", map[string]any{"typed_replies_days": 365, "feedback_comments_days": 730, "notifications_days": nil})
			}},
		{method: "GET", path: "/api/v1/retention/runs", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/retention/runs", nil) }},
	}
}
