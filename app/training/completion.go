package training

import (
	"context"
	"time"
)

// Completion is a finished attempt as the assignments area sees it.
type Completion struct {
	TenantID    int64
	AttemptID   int64
	UserID      int64
	ScenarioKey string
	StartedAt   time.Time
	Total       float64
	Passed      bool
}

// StartGate may refuse a new attempt of a scenario: the assignments area
// does when the person's open assignments of it have used up their attempt
// limits.
type StartGate interface {
	MayStart(ctx context.Context, tenantID, userID int64, scenarioKey string) error
}
