package careers

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the careers area as the app wires it. It seeds after the
// areas whose facts its demo people are measured against (KPI, training,
// suggestions).
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "careers",
		Models:      Models(),
		Permissions: []authz.Permission{PermSelf, PermReview, PermManage},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
	}
}
