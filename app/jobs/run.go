package jobs

import "time"

// State is where a job stands, as the bank sees it.
type State string

const (
	Queued    State = "queued"    // waiting for a worker, or for its time
	Running   State = "running"   // a worker has it now
	Retrying  State = "retrying"  // an attempt failed; it will be tried again
	Completed State = "completed" // done
	Failed    State = "failed"    // stopped for good
)

// final reports whether nothing more will happen to a job in state s.
func (s State) final() bool { return s == Completed || s == Failed }

// Run is one job of a tenant: the row the bank lists, written in the
// transaction that enqueued the River job and kept current by its worker.
type Run struct {
	TenantID      int64
	ID            int64 `gorm:"primaryKey"`
	RiverJobID    int64
	Kind          string
	State         State
	Attempt       int
	Done          int64
	Total         int64
	Error         string  // an English catalogue template, or ""
	ErrorArgs     *string `gorm:"column:error_args"` // JSON of the template's apperr.Args
	StartedBy     *int64  // nil when the system started it
	StartedByName string
	CreatedAt     time.Time
	StartedAt     *time.Time
	FinishedAt    *time.Time
	UpdatedAt     time.Time
}

// TableName keeps the table name stable.
func (Run) TableName() string { return "job_runs" }

// Models lists this package's tenant-owned models, for the isolation test.
func Models() []any { return []any{&Run{}} }
