package feedback

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the feedback area as the app wires it.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "feedback",
		Models:      Models(),
		Permissions: []authz.Permission{PermImport, PermRead, PermAppeal, PermDecide},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
	}
}
