package library

import "time"

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

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any { return []any{&LibraryScenario{}, &ScenarioVersion{}, &HiddenScenario{}} }
