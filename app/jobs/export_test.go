package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Internals the external tests reach (they import testkit, which imports
// the server, which imports this package, so they cannot live inside it).

// NewJob is the Job a worker of tenant's River job riverID is handed.
func NewJob(e *Engine, tenantID, riverID int64) *Job {
	return &Job{TenantID: tenantID, e: e, riverID: riverID}
}

// Settle is settleOne: how a run shows River's state of its job.
func Settle(r *Run, riverState string, riverAttempt int, found bool) {
	settleOne(r, riverJob{State: riverState, Attempt: riverAttempt}, found)
}

// InsertPeriodic inserts the job of periodic body name for the period that
// holds at, as River's leader would, and reports whether it was inserted.
func InsertPeriodic(ctx context.Context, e *Engine, name string, every time.Duration, at time.Time) (bool, error) {
	p := &periodicJob{name: name, every: every}
	ins, err := e.inserter()
	if err != nil {
		return false, err
	}
	var inserted bool
	err = e.db.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
		if !ok {
			return fmt.Errorf("not a transaction: %T", tx.Statement.ConnPool)
		}
		res, err := ins.InsertTx(ctx, sqlTx, p.args(at), p.insertOpts())
		if err == nil {
			inserted = !res.UniqueSkippedAsDuplicate
		}
		return err
	})
	return inserted, err
}

// NextRun is when the periodic schedule of every fires after t.
func NextRun(every time.Duration, t time.Time) time.Time { return aligned(every).Next(t) }

// EngineTexts are the errors the engine itself writes for a job.
var EngineTexts = []string{msgInternalRetry, msgInternalFinal, msgVanished}
