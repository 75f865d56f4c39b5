package server_test

// readlogRows cover the personal-data read log: the whole bank's for those
// who read the audit log at the head office, and each person's own.
func readlogRows() []row {
	return []row{
		{method: "GET", path: "/api/v1/readlog", access: perm, perm: "audit.read", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/readlog", nil) }},
		{method: "GET", path: "/api/v1/readlog/mine", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/readlog/mine", nil) }},
	}
}
