package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"gorm.io/gorm"
)

// metadata is what River carries for us beside a job's arguments: the
// tenant, so the worker finds the job's row through the tenant scope.
type metadata struct {
	TenantID int64 `json:"tenant_id"`
}

// work runs one attempt of a tenant's job and keeps its job_runs row in
// step: running when it starts, then completed, retrying or failed.
func (e *Engine) work(ctx context.Context, row *rivertype.JobRow, fn func(context.Context, *Job) error) error {
	var m metadata
	if err := json.Unmarshal(row.Metadata, &m); err != nil || m.TenantID <= 0 {
		// Not enqueued through EnqueueTx: nothing to report to, and
		// trying again cannot supply a tenant.
		e.log.Error("jobs: job without a tenant", "kind", row.Kind, "river_job_id", row.ID)
		return river.JobCancel(fmt.Errorf("jobs: %s job %d has no tenant", row.Kind, row.ID))
	}
	job := &Job{TenantID: m.TenantID, Attempt: row.Attempt, e: e, riverID: row.ID}
	now := e.now().UTC()
	if err := e.update(ctx, job, map[string]any{"state": Running, "attempt": row.Attempt,
		"started_at": gorm.Expr("COALESCE(started_at, ?)", now), "error": "", "error_args": nil}); err != nil {
		return fmt.Errorf("jobs: mark running: %w", err)
	}
	return e.finish(ctx, job, row, runSafely(ctx, job, fn))
}

// runSafely turns a worker's panic into the attempt's error.
func runSafely(ctx context.Context, job *Job, fn func(context.Context, *Job) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return fn(ctx, job)
}

// finish records how an attempt ended and tells River what to do next.
// The record is written even when the attempt's context was cancelled.
func (e *Engine) finish(ctx context.Context, job *Job, row *rivertype.JobRow, err error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	now := e.now().UTC()
	out := err
	var set map[string]any
	var ab *abort
	switch {
	case err == nil:
		set = map[string]any{"state": Completed, "finished_at": now}
	case errors.As(err, &ab):
		set = map[string]any{"state": Failed, "error": ab.template, "error_args": encodeArgs(ab.args), "finished_at": now}
		out = river.JobCancel(err) // trying again would fail the same way
	case row.Attempt >= row.MaxAttempts:
		e.log.Error("jobs: job failed for good", "kind", row.Kind, "river_job_id", row.ID, "tenant_id", job.TenantID, "attempt", row.Attempt, "err", err)
		set = map[string]any{"state": Failed, "error": msgInternalFinal, "finished_at": now}
	default:
		e.log.Warn("jobs: attempt failed; River will try again", "kind", row.Kind, "river_job_id", row.ID, "tenant_id", job.TenantID, "attempt", row.Attempt, "err", err)
		set = map[string]any{"state": Retrying, "error": msgInternalRetry}
	}
	if uerr := e.update(ctx, job, set); uerr != nil {
		// River's own record still moves on; reads settle the state from it.
		e.log.Error("jobs: could not record how a job ended", "kind", row.Kind, "river_job_id", row.ID, "tenant_id", job.TenantID, "err", uerr)
	}
	return out
}
