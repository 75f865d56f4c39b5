package assignments

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios"
)

// Service assigns training, tracks who has done it, and keeps inboxes.
type Service struct {
	DB        *store.DB
	Guard     access.Guard
	Now       func() time.Time
	Catalogue Scenarios
}

// Scenarios is what assignments read of the library: whether a scenario
// may be assigned (or started from the inbox) now, and titles for lists.
type Scenarios interface {
	Available(ctx context.Context, tenantID int64) ([]*scenarios.Scenario, error)
	Current(ctx context.Context, tenantID int64, key string) (*scenarios.Scenario, error)
	Latest(ctx context.Context, tenantID int64, key string) (*scenarios.Scenario, error)
	Titles(ctx context.Context, tenantID int64, keys []string) (map[string]scenarios.Text, error)
}
