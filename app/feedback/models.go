// Package feedback takes in what customers say about the bank's staff, from
// every channel, and the business results HR imports: by API batch and by
// file (CSV in UTF-8 or GBK, .xlsx), all-or-nothing, idempotent by source and
// external id. It keeps monthly rollups in the same transaction as every
// change, which the KPI area reads, and the appeals staff raise against a
// record about them.
package feedback

import (
	"encoding/json"
	"time"
)

// Channels a record may come from.
const (
	ChannelCounter   = "counter"   // counter survey pad
	ChannelPhone     = "phone"     // phone hotline
	ChannelApp       = "app"       // mobile app rating
	ChannelSocial    = "social"    // social-media monitoring
	ChannelComplaint = "complaint" // third-party complaint platform
)

// Channels lists every channel, in the order the UI offers them.
var Channels = []string{ChannelCounter, ChannelPhone, ChannelApp, ChannelSocial, ChannelComplaint}

// Record is one piece of customer feedback. Month (yyyymm in the tenant's
// time zone) and BranchID say where it counts, for good. ScoreMilli is the
// satisfaction normalised to 1–5 in thousandths; nil when the channel gave
// none. Resolved is nil when no problem was raised. Excluded is set when an
// appeal against it was upheld: the record stays, it stops counting.
type Record struct {
	TenantID    int64     `json:"-"`
	ID          int64     `gorm:"primaryKey" json:"id"`
	Source      string    `json:"source"`
	ExternalID  string    `json:"external_id"`
	Channel     string    `json:"channel"`
	OccurredAt  time.Time `json:"occurred_at"`
	Month       int       `json:"month"`
	BranchID    int64     `json:"branch_id"`
	EmployeeID  *int64    `json:"employee_id"`
	ScoreMilli  *int      `json:"score_milli"`
	Resolved    *bool     `json:"resolved"`
	Complaint   bool      `json:"complaint"`
	Category    string    `json:"category"`
	Comment     string    `json:"comment"`
	ContentHash string    `json:"-"`
	Excluded    bool      `json:"excluded"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func (Record) TableName() string { return "feedback_records" }

// Tally is what a set of records adds up to. Every field is a count or an
// integer sum, so tallies add and subtract exactly.
type Tally struct {
	Records       int64 `json:"records"`
	Ratings       int64 `json:"ratings"`
	ScoreSumMilli int64 `json:"score_sum_milli"`
	Problems      int64 `json:"problems"` // records with Resolved set
	Resolved      int64 `json:"resolved"`
	Complaints    int64 `json:"complaints"`
}

// Rollup is the tally of one month, branch and person (EmployeeID 0 for
// feedback about the branch with nobody named), excluded records left out.
type Rollup struct {
	TenantID   int64 `gorm:"primaryKey" json:"-"`
	Month      int   `gorm:"primaryKey" json:"month"`
	BranchID   int64 `gorm:"primaryKey" json:"branch_id"`
	EmployeeID int64 `gorm:"primaryKey" json:"employee_id"`
	Tally      `gorm:"embedded"`
}

func (Rollup) TableName() string { return "feedback_rollups" }

// Settings are a tenant's feedback rules; a tenant without a row has the defaults.
type Settings struct {
	TenantID         int64     `gorm:"primaryKey" json:"-"`
	AppealWindowDays int       `json:"appeal_window_days"`
	UpdatedAt        time.Time `json:"updated_at"`
}

func (Settings) TableName() string { return "feedback_settings" }

// DefaultAppealWindowDays is how long staff may appeal a record about them.
const DefaultAppealWindowDays = 30

// Source is a system that sends feedback or results, with the column mapping
// HR saved for its files (canonical field → column header) and its encoding.
type Source struct {
	TenantID  int64           `json:"-"`
	ID        int64           `gorm:"primaryKey" json:"id"`
	Code      string          `json:"code"`
	Name      string          `json:"name"`
	Kind      string          `json:"kind"` // "feedback" or "results"
	Encoding  string          `json:"encoding"`
	Mapping   json.RawMessage `gorm:"type:text" json:"mapping"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
}

func (Source) TableName() string { return "feedback_sources" }

// BusinessMetric is a result HR defines, e.g. sales_amount_cents.
type BusinessMetric struct {
	TenantID  int64     `json:"-"`
	ID        int64     `gorm:"primaryKey" json:"id"`
	Code      string    `json:"code"`
	Name      string    `json:"name"`
	Unit      string    `json:"unit"`
	CreatedAt time.Time `json:"created_at"`
}

func (BusinessMetric) TableName() string { return "business_metrics" }

// BusinessResult is one person's value of one metric in one month, counted
// for the branch the person was in then.
type BusinessResult struct {
	TenantID   int64     `json:"-"`
	ID         int64     `gorm:"primaryKey" json:"id"`
	EmployeeID int64     `json:"employee_id"`
	BranchID   int64     `json:"branch_id"`
	Month      int       `json:"month"`
	Metric     string    `json:"metric"`
	Value      int64     `json:"value"`
	Source     string    `json:"source"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

func (BusinessResult) TableName() string { return "business_results" }

// Import states.
const (
	ImportQueued  = "queued"
	ImportRunning = "running"
	ImportDone    = "done"
	ImportFailed  = "failed"
)

// Import is one uploaded file (or API batch) and what became of it.
type Import struct {
	TenantID int64  `json:"-"`
	ID       int64  `gorm:"primaryKey" json:"id"`
	Kind     string `json:"kind"` // "feedback" or "results"
	Source   string `json:"source"`
	Filename string `json:"filename"`
	Encoding string `json:"encoding"`
	Bytes    int64  `json:"bytes"`
	// ReadBytes is not stored: see liveImports.
	ReadBytes  int64           `gorm:"-" json:"read_bytes" doc:"bytes of the file read so far: all of them once done; 0 when not known (queued, failed, or running in another server process, whose job shows its progress)"`
	State      string          `json:"state"`
	RowsTotal  int64           `json:"rows_total"`
	Inserted   int64           `json:"inserted"`
	Updated    int64           `json:"updated"`
	Unchanged  int64           `json:"unchanged"`
	Errors     json.RawMessage `gorm:"type:text" json:"errors"`
	JobRunID   *int64          `json:"job_run_id"`
	CreatedBy  int64           `json:"created_by"`
	CreatedAt  time.Time       `json:"created_at"`
	FinishedAt *time.Time      `json:"finished_at"`
}

func (Import) TableName() string { return "feedback_imports" }

// UploadChunk is a piece of a file waiting for its import job.
type UploadChunk struct {
	TenantID int64  `gorm:"primaryKey"`
	ImportID int64  `gorm:"primaryKey"`
	Seq      int    `gorm:"primaryKey"`
	Data     []byte `gorm:"type:bytes"`
}

func (UploadChunk) TableName() string { return "feedback_upload_chunks" }

// Appeal states.
const (
	AppealPending  = "pending"
	AppealUpheld   = "upheld"
	AppealRejected = "rejected"
)

// Appeal reasons an employee picks from.
const (
	ReasonWrongPerson   = "wrong_person"
	ReasonCustomerError = "customer_error"
	ReasonWithdrawn     = "withdrawn"
)

// Appeal is an employee's dispute of a record about them. BranchID is the
// record's branch: managers of that subtree (or HR) decide it.
type Appeal struct {
	TenantID       int64      `json:"-"`
	ID             int64      `gorm:"primaryKey" json:"id"`
	RecordID       int64      `json:"record_id"`
	EmployeeID     int64      `json:"employee_id"`
	BranchID       int64      `json:"branch_id"`
	ReasonKind     string     `json:"reason_kind"`
	Reason         string     `json:"reason"`
	State          string     `json:"state"`
	DecidedBy      *int64     `json:"decided_by"`
	DecidedByName  string     `json:"decided_by_name"`
	DecisionReason string     `json:"decision_reason"`
	CreatedAt      time.Time  `json:"created_at"`
	DecidedAt      *time.Time `json:"decided_at"`
}

func (Appeal) TableName() string { return "feedback_appeals" }

// Models lists this package's tenant-owned models, for the isolation test.
func Models() []any {
	return []any{&Record{}, &Rollup{}, &Settings{}, &Source{}, &BusinessMetric{}, &BusinessResult{}, &Import{}, &UploadChunk{}, &Appeal{}}
}
