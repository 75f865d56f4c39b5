package assignments

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/training"
)

// Module is assigning training and following it, as the app wires it.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "training.assignments",
		Models:      Models(),
		Permissions: []authz.Permission{training.PermAssign, training.PermInspect, training.PermTake},
		Routes:      s.Routes,
		Messages:    messages(),
		Seed:        s.seed,
		Periodic: []module.Periodic{{Name: "due-soon", Every: 15 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.RemindDueSoon(ctx)
			return err
		}}},
	}
}
