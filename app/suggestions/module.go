package suggestions

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the suggestions area as the app wires it.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "suggestions",
		Models:      Models(),
		Permissions: []authz.Permission{PermSubmit, PermReview, PermPay},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
	}
}
