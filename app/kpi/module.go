package kpi

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the KPI area as the app wires it. It comes after the feedback
// module, whose demo data its seed computes results from.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "kpi",
		Models:      Models(),
		Permissions: []authz.Permission{PermSelf, PermReview, PermManage},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
	}
}
