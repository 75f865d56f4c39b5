package training

import "time"

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
