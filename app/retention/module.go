package retention

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/module"
)

// Module is data retention as the app wires it. It checks org's tenant.write
// and declares no permission of its own.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:   "retention",
		Models: Models(),
		Routes: s.Routes,
		Seed:   s.seed,
		Periodic: []module.Periodic{{Name: "retention", Every: time.Hour, Run: func(ctx context.Context) error {
			return s.PurgeAll(ctx)
		}}},
	}
}
