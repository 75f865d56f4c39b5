// Package training runs scenario attempts: the catalogue, starting an
// attempt, each reply through the engine, the result and its debrief.
package training

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
	StartedAt       time.Time
	UpdatedAt       time.Time
	FinishedAt      *time.Time
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

// Library scenario statuses: a draft has never been published; a retired
// scenario takes no new attempts but its versions stay readable.
const (
	Draft     = "draft"
	Published = "published"
	Retired   = "retired"
)

// LibraryScenario is one of a tenant's own scenarios.
type LibraryScenario struct {
	TenantID         int64
	ID               int64 `gorm:"primaryKey"`
	ScenarioKey      string
	Origin           string // the built-in scenario it was cloned from, if any
	Status           string
	PublishedVersion int
	DraftYAML        *string `gorm:"column:draft_yaml"`
	DraftUpdatedAt   *time.Time
	CreatedBy        int64
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// TableName keeps the table name stable.
func (LibraryScenario) TableName() string { return "training_scenarios" }

// ScenarioVersion is a published version: written once, never changed.
type ScenarioVersion struct {
	TenantID    int64
	ID          int64 `gorm:"primaryKey"`
	ScenarioID  int64
	Version     int
	YAML        string `gorm:"column:yaml"`
	PublishedBy int64
	PublishedAt time.Time
}

// TableName keeps the table name stable.
func (ScenarioVersion) TableName() string { return "training_scenario_versions" }

// HiddenScenario is a built-in scenario a tenant keeps out of its catalogue.
type HiddenScenario struct {
	TenantID    int64
	ID          int64 `gorm:"primaryKey"`
	ScenarioKey string
	HiddenBy    int64
	HiddenAt    time.Time
}

// TableName keeps the table name stable.
func (HiddenScenario) TableName() string { return "training_hidden_scenarios" }

// Models lists this package's tenant-owned models, for the isolation test.
func Models() []any {
	return []any{&Attempt{}, &Comment{}, &LibraryScenario{}, &ScenarioVersion{}, &HiddenScenario{}, &Assignment{}, &Member{}}
}
