package awards

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/store"
)

// Service keeps award types, rounds, nominations and grants.
type Service struct {
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time
	// What rules read of other areas; a nil one makes its conditions
	// unavailable (false for everyone, and refused in new rules).
	KPI      KPI
	Feedback Feedback
	Passes   Passes
	Cases    Cases
}

// KPI is what rules read of KPI results (kpi.Facts).
type KPI interface {
	PersonResults(ctx context.Context, tenantID int64, periodKey string) ([]kpi.PersonResult, error)
}

// Feedback is what rules read of feedback (feedback.Stats): the monthly
// rollups of a range of months (yyyymm, both ends included) for the
// no_complaints fact, and the business metrics a rule may name.
type Feedback interface {
	Rollups(ctx context.Context, tenantID int64, first, last int) ([]feedback.Rollup, error)
	Metrics(ctx context.Context, tenantID int64) ([]feedback.BusinessMetric, error)
}

// Passes is what the scenario_passes fact reads (attempts.Service): distinct
// scenarios passed per person in [from, to).
type Passes interface {
	PassesBetween(ctx context.Context, tenantID int64, from, to time.Time) (map[int64]int, error)
}

// Cases is what the cases_published fact reads (cases.Stats): cases
// published per author, in [from, to) when given; authorIDs nil is everyone.
type Cases interface {
	PublishedCounts(ctx context.Context, tenantID int64, authorIDs []int64, from, to *time.Time) (map[int64]int, error)
}
