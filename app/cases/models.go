package cases

import "time"

// Case statuses.
const (
	Draft     = "draft"
	Submitted = "submitted"
	Returned  = "returned"
	Published = "published"
	Archived  = "archived"
)

// Case is one case of the library, as it is now.
type Case struct {
	TenantID     int64
	ID           int64 `gorm:"primaryKey"`
	AuthorID     int64
	BranchID     int64 // the author's branch when last saved: who may review it
	Status       string
	Title        string
	TitleEN      string `gorm:"column:title_en"`
	Summary      string
	SummaryEN    string `gorm:"column:summary_en"`
	Situation    string
	Actions      string
	Outcome      string
	Lesson       string
	CustomerType string
	BusinessLine string
	Tags         string // space-free tags joined by "\n"; case_tags holds them for filters
	Featured     bool
	VisBranchID  *int64 // nil: the whole bank; else only that branch's subtree
	Revision     int
	ReviewBy     *time.Time
	SubmittedAt  *time.Time
	PublishedAt  *time.Time
	Views        int64
	RatingSum    int64
	RatingCount  int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName keeps the table name stable.
func (Case) TableName() string { return "cases" }

// CaseTag is one tag of a case.
type CaseTag struct {
	TenantID int64  `gorm:"primaryKey;autoIncrement:false"`
	CaseID   int64  `gorm:"primaryKey;autoIncrement:false"`
	Tag      string `gorm:"primaryKey"`
}

// TableName keeps the table name stable.
func (CaseTag) TableName() string { return "case_tags" }

// Revision is the full content of a case at one save.
type Revision struct {
	TenantID  int64 `gorm:"primaryKey;autoIncrement:false"`
	CaseID    int64 `gorm:"primaryKey;autoIncrement:false"`
	Revision  int   `gorm:"primaryKey;autoIncrement:false"`
	Snapshot  []byte
	ByID      int64
	ByName    string
	Note      string
	CreatedAt time.Time
}

// TableName keeps the table name stable.
func (Revision) TableName() string { return "case_revisions" }

// Rating is one person's stars for a case.
type Rating struct {
	TenantID  int64 `gorm:"primaryKey;autoIncrement:false"`
	CaseID    int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID    int64 `gorm:"primaryKey;autoIncrement:false"`
	Stars     int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName keeps the table name stable.
func (Rating) TableName() string { return "case_ratings" }

// Comment is a review decision on a case.
type Comment struct {
	TenantID  int64
	ID        int64 `gorm:"primaryKey"`
	CaseID    int64
	ByID      int64
	ByName    string
	Decision  string
	Text      string
	CreatedAt time.Time
}

// TableName keeps the table name stable.
func (Comment) TableName() string { return "case_comments" }

// ScenarioLink links a case and a scenario of the library.
type ScenarioLink struct {
	TenantID    int64  `gorm:"primaryKey;autoIncrement:false"`
	CaseID      int64  `gorm:"primaryKey;autoIncrement:false"`
	ScenarioKey string `gorm:"primaryKey"`
}

// TableName keeps the table name stable.
func (ScenarioLink) TableName() string { return "case_scenarios" }

// SearchDoc is what search reads of a case: its tokens and plain text.
type SearchDoc struct {
	TenantID int64 `gorm:"primaryKey;autoIncrement:false"`
	CaseID   int64 `gorm:"primaryKey;autoIncrement:false"`
	Tokens   string
	Plain    string
}

// TableName keeps the table name stable.
func (SearchDoc) TableName() string { return "case_search" }

// DueNotice records that HR was told a case reached its review-by date.
type DueNotice struct {
	TenantID   int64 `gorm:"primaryKey;autoIncrement:false"`
	CaseID     int64 `gorm:"primaryKey;autoIncrement:false"`
	ReviewBy   time.Time
	NotifiedAt time.Time
}

// TableName keeps the table name stable.
func (DueNotice) TableName() string { return "case_due_notices" }

// Session states.
const (
	SessionScheduled = "scheduled"
	SessionRecorded  = "recorded"
)

// Session is a case-study session for a branch subtree.
type Session struct {
	TenantID    int64
	ID          int64 `gorm:"primaryKey"`
	Title       string
	BranchID    int64
	ScheduledAt time.Time
	State       string
	Notes       string
	CreatedBy   int64
	CreatedAt   time.Time
	RecordedAt  *time.Time
}

// TableName keeps the table name stable.
func (Session) TableName() string { return "case_sessions" }

// SessionCase is a case discussed in a session.
type SessionCase struct {
	TenantID  int64 `gorm:"primaryKey;autoIncrement:false"`
	SessionID int64 `gorm:"primaryKey;autoIncrement:false"`
	CaseID    int64 `gorm:"primaryKey;autoIncrement:false"`
}

// TableName keeps the table name stable.
func (SessionCase) TableName() string { return "case_session_cases" }

// Attendee is a person invited to a session, and whether they came.
type Attendee struct {
	TenantID  int64 `gorm:"primaryKey;autoIncrement:false"`
	SessionID int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID    int64 `gorm:"primaryKey;autoIncrement:false"`
	Attended  bool
}

// TableName keeps the table name stable.
func (Attendee) TableName() string { return "case_session_attendees" }

// Models are the case library's tenant-owned tables.
func Models() []any {
	return []any{&Case{}, &CaseTag{}, &Revision{}, &Rating{}, &Comment{}, &ScenarioLink{}, &SearchDoc{},
		&Session{}, &SessionCase{}, &Attendee{}, &DueNotice{}}
}
