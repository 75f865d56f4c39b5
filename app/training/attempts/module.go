package attempts

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/training"
)

// Module is playing scenarios, reviewing attempts and their analytics, as
// the app wires it. The library's preview is here too: it is play without a
// record, and checks training.manage through Drafts.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "training.attempts",
		Models:      Models(),
		Permissions: []authz.Permission{training.PermTake, training.PermReview, training.PermInspect},
		Routes:      s.Routes,
		Messages:    training.Messages,
		Seed:        s.seed,
	}
}
