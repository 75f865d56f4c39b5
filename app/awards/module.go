package awards

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the awards area as the app wires it. It comes after the KPI
// module: its seed evaluates the periods KPI's seed closed.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "awards",
		Models:      Models(),
		Permissions: []authz.Permission{PermView, PermNominate, PermManage},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
		Periodic:    []module.Periodic{{Name: "evaluate-closed", Every: evaluateEvery, Run: s.EvaluateClosed}},
	}
}
