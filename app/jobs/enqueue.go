package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Enqueue queues a job of tenantID in a transaction of its own and returns
// its id in job_runs. by is the user who asked for it; nil means the system.
func (e *Engine) Enqueue(ctx context.Context, tenantID int64, by *access.Principal, args Args) (int64, error) {
	var id int64
	err := e.db.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		id, err = e.EnqueueTx(tx, tenantID, by, args)
		return err
	})
	return id, err
}

// EnqueueTx queues a job inside the caller's GORM transaction, so the job
// exists exactly when what it works on does (an uploaded file, a closed
// period), and its job_runs row with it. Workers see it after the commit.
func (e *Engine) EnqueueTx(tx *gorm.DB, tenantID int64, by *access.Principal, args Args) (int64, error) {
	if tenantID <= 0 {
		return 0, store.ErrNoTenant
	}
	if by != nil && by.TenantID != tenantID {
		return 0, fmt.Errorf("jobs: a user of tenant %d queued %s for tenant %d", by.TenantID, args.Kind(), tenantID)
	}
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return 0, errors.New("jobs: EnqueueTx needs a transaction (db.Transaction)")
	}
	ins, err := e.inserter()
	if err != nil {
		return 0, err
	}
	meta, err := json.Marshal(metadata{TenantID: tenantID})
	if err != nil {
		return 0, err
	}
	res, err := ins.InsertTx(tx.Statement.Context, sqlTx, args, &river.InsertOpts{Metadata: meta})
	if err != nil {
		return 0, fmt.Errorf("jobs: enqueue %s: %w", args.Kind(), err)
	}
	if res.UniqueSkippedAsDuplicate {
		// Args that ask River for uniqueness found their twin queued: the
		// caller gets the twin's row. Such args name their tenant, or the
		// twin may be another tenant's, which is not found here.
		var runs []Run
		if err := tx.Scopes(store.Tenant(tenantID)).Where("river_job_id = ?", res.Job.ID).Limit(1).Find(&runs).Error; err != nil {
			return 0, err
		}
		if len(runs) == 0 {
			return 0, fmt.Errorf("jobs: %s is a duplicate of River job %d, not of this tenant", args.Kind(), res.Job.ID)
		}
		return runs[0].ID, nil
	}
	now := e.now().UTC()
	run := Run{TenantID: tenantID, RiverJobID: res.Job.ID, Kind: args.Kind(), State: Queued, CreatedAt: now, UpdatedAt: now}
	if by != nil {
		uid := by.UserID
		run.StartedBy, run.StartedByName = &uid, by.DisplayName
	}
	if err := tx.Create(&run).Error; err != nil {
		return 0, err
	}
	return run.ID, nil
}
