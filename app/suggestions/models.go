// Package suggestions takes staff's improvement suggestions through review
// (return with questions, reject, adopt) and, for an adopted one, runs the
// project's bonus: a pool in cents shared among contributors by basis
// points, paid out to the cent once HR approves.
package suggestions

import "time"

// Suggestion states.
const (
	Submitted = "submitted" // waiting for a reviewer (again, after a resubmission)
	Returned  = "returned"  // back with the author, with questions
	Rejected  = "rejected"
	Adopted   = "adopted"
)

// Project states.
const (
	ProjectOpen    = "open"           // adopted; no pool or shares yet
	ProjectPending = "payout_pending" // pool and shares set, waiting for HR's approval
	ProjectPaid    = "paid"
)

// Suggestion is one improvement suggestion. BranchID is the author's branch
// when they submitted it: reviewers are the managers over it, and HR.
type Suggestion struct {
	TenantID        int64      `json:"-"`
	ID              int64      `gorm:"primaryKey" json:"id"`
	AuthorID        int64      `json:"author_id"`
	BranchID        int64      `json:"branch_id"`
	Title           string     `json:"title"`
	Problem         string     `json:"problem"`
	Proposal        string     `json:"proposal"`
	ExpectedBenefit string     `json:"expected_benefit"`
	Process         string     `json:"process"`
	State           string     `json:"state" enum:"submitted,returned,rejected,adopted"`
	DecidedBy       *int64     `json:"decided_by"`
	DecidedByName   string     `json:"decided_by_name"`
	DecisionComment string     `json:"decision_comment"`
	DecidedAt       *time.Time `json:"decided_at"`
	CreatedAt       time.Time  `json:"created_at"`
	UpdatedAt       time.Time  `json:"updated_at"`
}

func (Suggestion) TableName() string { return "suggestions" }

// SuggestionEvent is one step of a suggestion's life: submitted, returned (with the
// question), resubmitted, rejected, adopted.
type SuggestionEvent struct {
	TenantID     int64     `json:"-"`
	ID           int64     `gorm:"primaryKey" json:"id"`
	SuggestionID int64     `json:"-"`
	Action       string    `json:"action" enum:"submit,return,resubmit,reject,adopt"`
	ByID         int64     `json:"by_id"`
	ByName       string    `json:"by_name"`
	Comment      string    `json:"comment"`
	At           time.Time `json:"at"`
}

func (SuggestionEvent) TableName() string { return "suggestion_events" }

// Project is an adopted suggestion's bonus.
type Project struct {
	TenantID       int64      `gorm:"primaryKey" json:"-"`
	SuggestionID   int64      `gorm:"primaryKey" json:"suggestion_id"`
	PoolCents      int64      `json:"pool_cents"`
	State          string     `json:"state" enum:"open,payout_pending,paid"`
	ApprovedBy     *int64     `json:"approved_by"`
	ApprovedByName string     `json:"approved_by_name"`
	ApprovedAt     *time.Time `json:"approved_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

func (Project) TableName() string { return "suggestion_projects" }

// Contributor is one person's share of a project's pool, in basis points;
// Seq keeps the order HR listed them in (it breaks rounding ties).
type Contributor struct {
	TenantID     int64 `gorm:"primaryKey"`
	SuggestionID int64 `gorm:"primaryKey"`
	UserID       int64 `gorm:"primaryKey"`
	Seq          int
	ShareBP      int `gorm:"column:share_bp"`
}

func (Contributor) TableName() string { return "suggestion_contributors" }

// Payout is what one contributor was paid, recorded when HR approved.
type Payout struct {
	TenantID     int64     `json:"-"`
	ID           int64     `gorm:"primaryKey" json:"id"`
	SuggestionID int64     `json:"suggestion_id"`
	UserID       int64     `json:"user_id"`
	ShareBP      int       `gorm:"column:share_bp" json:"share_bp"`
	Cents        int64     `json:"cents"`
	ApprovedBy   int64     `json:"approved_by"`
	PaidAt       time.Time `json:"paid_at"`
}

func (Payout) TableName() string { return "suggestion_payouts" }

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any {
	return []any{&Suggestion{}, &SuggestionEvent{}, &Project{}, &Contributor{}, &Payout{}}
}
