package server_test

// importTemplateRows cover the import templates: whoever may import may
// download the template, wherever they may write.
func importTemplateRows() []row {
	return []row{
		{method: "GET", path: "/api/v1/users/import/template", access: perm, perm: "users.write", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/users/import/template?lang=en", nil) }},
		{method: "GET", path: "/api/v1/branches/import/template", access: perm, perm: "branches.write", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/branches/import/template", nil) }},
	}
}
