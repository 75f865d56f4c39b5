package attempts

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// Scenarios is what play reads of the library: the versions a tenant may
// practise and the exact version an attempt was taken on.
type Scenarios interface {
	Available(ctx context.Context, tenantID int64) ([]*scenarios.Scenario, error)
	Current(ctx context.Context, tenantID int64, key string) (*scenarios.Scenario, error)
	At(ctx context.Context, tenantID int64, key string, version int) (*scenarios.Scenario, error)
	Latest(ctx context.Context, tenantID int64, key string) (*scenarios.Scenario, error)
	// Keep stores a built-in version's text the first time it is played.
	Keep(ctx context.Context, s *scenarios.Scenario, now time.Time) error
}

// Drafts gives the preview a scenario's file, draft or version, checking
// that the caller manages the library.
type Drafts interface {
	Source(ctx context.Context, p *access.Principal, key, which string) ([]byte, error)
}

// Completions is told of every finished attempt, inside its transaction
// (assignments credit it to the taker's open programmes).
type Completions interface {
	Completed(tx *gorm.DB, c training.Completion, now time.Time) error
}
