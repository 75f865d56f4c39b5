package audit

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the audit log as the app wires it. Every area writes to it
// (Record); this module owns the table and the route that reads it.
func (h *Handlers) Module() module.Module {
	return module.Module{
		Name:        "audit",
		Models:      []any{&Entry{}},
		Permissions: []authz.Permission{PermRead},
		Routes:      h.Routes,
	}
}
