package library

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/training"
)

// Module is the bank's scenario library as the app wires it.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "training.library",
		Models:      Models(),
		Permissions: []authz.Permission{training.PermManage},
		Routes:      s.Routes,
		Messages:    messages(),
		Seed:        s.seed,
	}
}
