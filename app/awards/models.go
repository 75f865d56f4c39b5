// Package awards keeps the award types HR configures, evaluates rule-based
// awards over closed KPI periods into rounds of candidates HR approves or
// drops, runs nominations through their approval steps, and keeps the
// grants: badges, the honour roll and certificates.
package awards

import (
	"encoding/json"
	"time"
)

// Award kinds and states.
const (
	KindRule       = "rule"
	KindNomination = "nomination"

	RoundOpen    = "open"
	RoundGranted = "granted"

	Proposed = "proposed"
	Approved = "approved"
	Dropped  = "dropped"

	Pending  = "pending"
	Rejected = "rejected"

	LevelParentManager = "parent_manager"
	LevelHR            = "hr"
)

// Type is an award HR configures (award_types).
type Type struct {
	TenantID       int64
	ID             int64 `gorm:"primaryKey"`
	Code           string
	NameZh         string
	NameEn         string
	DescriptionZh  string
	DescriptionEn  string
	Badge          string
	PeriodKind     string
	Kind           string
	QuotaPer       string
	QuotaCount     int
	Rule           json.RawMessage `gorm:"type:text"`
	ApprovalLevels json.RawMessage `gorm:"type:text"`
	Active         bool
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (Type) TableName() string { return "award_types" }

// Round is one evaluation of a rule type over one period (award_rounds).
type Round struct {
	TenantID      int64
	ID            int64 `gorm:"primaryKey"`
	TypeID        int64
	PeriodKey     string
	State         string
	CreatedBy     *int64
	CreatedByName string
	CreatedAt     time.Time
	GrantedAt     *time.Time
}

func (Round) TableName() string { return "award_rounds" }

// Candidate is a person a round's rule held for, within the quota
// (award_candidates). Facts are the values the rule read, for HR to see why.
type Candidate struct {
	TenantID       int64 `gorm:"primaryKey"`
	RoundID        int64 `gorm:"primaryKey"`
	EmployeeID     int64 `gorm:"primaryKey"`
	BranchID       int64
	BranchPath     string
	Rank           int
	TiedAtEdge     bool
	CompositeMilli *int
	Ratings        int
	Facts          json.RawMessage `gorm:"type:text"`
	Status         string
	DecidedBy      *int64
	DecidedAt      *time.Time
}

func (Candidate) TableName() string { return "award_candidates" }

// Nomination is a manager's nomination of someone in their subtree
// (award_nominations). Levels are the approval steps it needs, fixed when
// it is made (a parent_manager level with nobody to hold it is left out);
// Step is the index of the one waiting.
type Nomination struct {
	TenantID       int64
	ID             int64 `gorm:"primaryKey"`
	TypeID         int64
	PeriodKey      string
	NomineeID      int64
	BranchID       int64
	BranchPath     string
	NominatorID    int64
	NominatorScope string
	Reason         string
	Levels         json.RawMessage `gorm:"type:text"`
	Step           int
	State          string
	CreatedAt      time.Time
	DecidedAt      *time.Time
}

func (Nomination) TableName() string { return "award_nominations" }

// Step is one approver's decision on a nomination (award_nomination_steps).
type Step struct {
	TenantID     int64 `gorm:"primaryKey"`
	NominationID int64 `gorm:"primaryKey"`
	Step         int   `gorm:"primaryKey"`
	Level        string
	ApproverID   int64
	ApproverName string
	Approved     bool
	Comment      string
	DecidedAt    time.Time
}

func (Step) TableName() string { return "award_nomination_steps" }

// Grant is an award given to a person for a period (award_grants).
type Grant struct {
	TenantID     int64
	ID           int64 `gorm:"primaryKey"`
	TypeID       int64
	PeriodKey    string
	EmployeeID   int64
	BranchID     int64
	BranchPath   string
	GrantNo      string
	RoundID      *int64
	NominationID *int64
	GrantedBy    *int64
	GrantedAt    time.Time
}

func (Grant) TableName() string { return "award_grants" }

// Models lists this package's tenant-owned models, for the isolation walk.
func Models() []any {
	return []any{&Type{}, &Round{}, &Candidate{}, &Nomination{}, &Step{}, &Grant{}}
}
