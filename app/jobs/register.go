package jobs

import (
	"context"
	"sync"

	"github.com/riverqueue/river"
)

// Args are the arguments of one kind of job: a feature's own struct,
// encoded as JSON, whose Kind names it ("kpi.import"). Kinds are stable
// names: jobs already queued find their worker by it after an upgrade.
type Args interface {
	Kind() string
}

// Job is what a worker knows of the job it runs besides its arguments.
type Job struct {
	TenantID int64
	Attempt  int // 1 on the first try

	e       *Engine
	riverID int64

	mu       sync.Mutex
	reported bool
	done     int64
	total    int64
}

// Register makes work run every job of kind A. Call it while wiring the
// server, before Start. A job runs at least once: when a process dies
// mid-way, the job runs again from the start, so work must be safe to
// repeat (an import that re-sends the same records changes nothing).
func Register[A Args](e *Engine, work func(ctx context.Context, job *Job, args A) error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.mustBeOpen("worker")
	river.AddWorker(e.workers, river.WorkFunc(func(ctx context.Context, j *river.Job[A]) error {
		return e.work(ctx, j.JobRow, func(ctx context.Context, job *Job) error { return work(ctx, job, j.Args) })
	}))
}
