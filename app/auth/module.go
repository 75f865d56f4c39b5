package auth

import "github.com/servicestar/servicestar/app/module"

// Module is sign-in as the app wires it. Its routes need a session or none,
// never a permission; the sessions table it relies on is package session's.
func (h *Handlers) Module() module.Module {
	return module.Module{
		Name:     "auth",
		Routes:   h.Routes,
		Messages: Messages,
		RawTables: map[string]string{
			"sessions": "found by the hash of a secret token before any tenant is known (raw SQL in package session, the one owner of the table; joins on tenant_id)",
		},
	}
}
