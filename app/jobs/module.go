package jobs

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the bank's view of its background jobs (the engine itself is
// wired by server and started by serve).
func (h *Handlers) Module() module.Module {
	return module.Module{
		Name:        "jobs",
		Models:      Models(),
		Permissions: []authz.Permission{PermRead},
		Routes:      h.Routes,
		Messages:    Messages,
	}
}
