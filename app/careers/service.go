package careers

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/store"
)

// Service keeps tracks, levels, requirements and people's places on them.
// Each fact reader may be nil until the app wires it: the requirements it
// would measure then report "unavailable", never met.
type Service struct {
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time

	KPI            KPI
	Certifications Certifications
	Cases          Cases
	Awards         Awards
	Suggestions    Suggestions
}

// KPI is what careers reads of KPI results (kpi.Facts).
type KPI interface {
	CompositeHistory(ctx context.Context, tenantID, employeeID int64, kind string, n int, before string) ([]kpi.PeriodComposite, error)
}

// Certifications is what careers reads of scenario attempts
// (attempts.Service): distinct scenarios passed per category.
type Certifications interface {
	PassedCategoriesOf(ctx context.Context, tenantID int64, employeeIDs []int64) (map[int64]map[string]int, error)
}

// Cases is what careers reads of the case library (cases.Stats).
type Cases interface {
	PublishedCounts(ctx context.Context, tenantID int64, authorIDs []int64, from, to *time.Time) (map[int64]int, error)
}

// Awards is what careers reads of awards (awards.Stats); typeCode "" counts any.
type Awards interface {
	GrantCounts(ctx context.Context, tenantID int64, employeeIDs []int64, typeCode string) (map[int64]int, error)
}

// Suggestions is what careers reads of suggestions (suggestions.Stats).
type Suggestions interface {
	AdoptedCounts(ctx context.Context, tenantID int64, employeeIDs []int64) (map[int64]int, error)
}
