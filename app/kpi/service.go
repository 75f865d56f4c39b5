package kpi

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/store"
)

// Service keeps KPI schemes, periods and results, and answers dashboards.
type Service struct {
	// Reads records looks at other people's data (nil records nothing).
	Reads    *readlog.Recorder
	DB       *store.DB
	Guard    access.Guard
	Now      func() time.Time
	Jobs     *jobs.Engine
	Feedback Feedback
	Scores   TrainingScores
	Done     TrainingCompletion
	Cases    CaseStudies
}

// Feedback is what KPIs read of the feedback area (feedback.Stats): the
// monthly rollups and business results of a range of months, and the
// business metrics HR defined.
type Feedback interface {
	Rollups(ctx context.Context, tenantID int64, first, last int) ([]feedback.Rollup, error)
	Results(ctx context.Context, tenantID int64, first, last int) ([]feedback.BusinessResult, error)
	Metrics(ctx context.Context, tenantID int64) ([]feedback.BusinessMetric, error)
}

// TrainingScores is what KPIs read of scenario attempts: per person, the
// best total (0–100) of each scenario they finished an attempt of, among
// the attempts started in [from, to).
type TrainingScores interface {
	BestTotals(ctx context.Context, tenantID int64, from, to time.Time) (map[int64][]float64, error)
}

// TrainingCompletion is what KPIs read of assignments: per person, how many
// of their memberships of assignments due in [from, to) (not cancelled)
// there are, and how many of those they completed.
type TrainingCompletion interface {
	DueMemberships(ctx context.Context, tenantID int64, from, to time.Time) (map[int64][2]int, error)
}

// CaseStudies is what KPIs read of the case library (cases.Stats): per
// person, how many recorded case-study sessions scheduled in [from, to)
// they attended. Each counts towards training completion.
type CaseStudies interface {
	Attendance(ctx context.Context, tenantID int64, from, to time.Time) (map[int64]int, error)
}
