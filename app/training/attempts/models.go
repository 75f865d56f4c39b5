package attempts

import "time"

// Attempt statuses.
const (
	InProgress = "in_progress"
	Finished   = "finished"
)

// Attempt is one employee's run through one scenario version.
type Attempt struct {
	TenantID        int64
	ID              int64 `gorm:"primaryKey"`
	UserID          int64
	BranchID        int64
	ScenarioID      string
	ScenarioVersion int
	Status          string
	Steps           int
	StateJSON       string `gorm:"column:state_json"`
	Total           *float64
	Passed          *bool
	// Violations, NearMisses and NeedsHumanLook are copied out of the state on
	// every move, for the review list's filters (the state stays the truth).
	Violations     int
	NearMisses     int
	NeedsHumanLook bool
	// ShelfHint: the shelf marked which products fit the customer, decided at
	// the start (see Start) and kept, so a resume shows the shelf seen before.
	ShelfHint  bool
	StartedAt  time.Time
	UpdatedAt  time.Time
	FinishedAt *time.Time
}

// TableName keeps the table name stable.
func (Attempt) TableName() string { return "training_attempts" }

// Comment is a manager's coaching note on an attempt.
type Comment struct {
	TenantID   int64     `json:"-"`
	ID         int64     `gorm:"primaryKey" json:"id"`
	AttemptID  int64     `json:"attempt_id"`
	AuthorID   int64     `json:"author_id"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

// TableName keeps the table name stable.
func (Comment) TableName() string { return "training_comments" }

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any { return []any{&Attempt{}, &Comment{}} }
