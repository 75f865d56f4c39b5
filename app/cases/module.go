package cases

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the case library as the app wires it. Its demo data builds on
// org's people and branches.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "cases",
		Models:      Models(),
		Permissions: []authz.Permission{PermRead, PermWrite, PermReview, PermManage},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
		// case_facets is the search index's copy of each case's filter
		// columns, written only by triggers (migrations 24 and 34).
		RawTables: map[string]string{"case_facets": "the search filters' copy of cases, kept by triggers"},
		Periodic: []module.Periodic{{Name: "review-due", Every: time.Hour, Run: func(ctx context.Context) error {
			return s.NotifyDueAll(ctx)
		}}},
	}
}
