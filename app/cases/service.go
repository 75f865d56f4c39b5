// Package cases is the service-star case library: staff write up how they
// served a customer, a manager of their subtree or HR reviews and publishes
// it, everyone searches, rates and discusses it in monthly case-study
// sessions, and HR turns the best ones into training scenarios.
package cases

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Service keeps cases, their reviews, ratings and sessions, and searches them.
type Service struct {
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time
	// Scenarios stores a scenario draft made from a case; nil: the step
	// answers that it is unavailable.
	Scenarios Scenarios
}

// Scenarios is what the case library asks of the scenario library
// (library.Service): store YAML as a draft whose origin is a case, in the
// case library's transaction tx.
type Scenarios interface {
	DraftFromCase(ctx context.Context, tx *gorm.DB, p *access.Principal, key string, data []byte, locale string) (string, error)
}
