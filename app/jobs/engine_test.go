package jobs_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// countArgs counts to Rows, reporting progress after every row, then
// succeeds, fails for good (Abort) or fails on an internal error.
type countArgs struct {
	Rows    int64  `json:"rows"`
	Outcome string `json:"outcome"` // "", "abort" or "error"
}

func (countArgs) Kind() string { return "test.count" }

func registerCount(e *jobs.Engine) {
	jobs.Register(e, func(ctx context.Context, job *jobs.Job, a countArgs) error {
		for i := range a.Rows {
			if err := job.Progress(ctx, i+1, a.Rows); err != nil {
				return err
			}
		}
		switch a.Outcome {
		case "abort":
			return jobs.Abort("missing column(s): {columns}", apperr.Args{"columns": "kpi"})
		case "error":
			return errors.New("disk full at /var/lib/secret")
		}
		return nil
	})
}

// The engine runs a job on the test's database (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set), and its progress and outcome are recorded and
// readable only within the job's tenant.
func TestEngineRunsAJobAndRecordsItsProgressForTheTenantOnly(t *testing.T) {
	ctx := context.Background()
	db := testkit.DB(t)
	bank, other := testkit.InsertTenant(t, db, "bank-a"), testkit.InsertTenant(t, db, "bank-b")
	e := jobs.New(db, jobs.Options{Log: quietLog()})
	registerCount(e)
	started(t, e)

	id, err := e.Enqueue(ctx, bank, nil, countArgs{Rows: 250})
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, db, bank, id, jobs.Completed)
	if r.Done != 250 || r.Total != 250 || r.Attempt != 1 || r.FinishedAt == nil || r.StartedAt == nil || r.Error != "" || r.StartedBy != nil {
		t.Fatalf("completed run %+v, want 250 of 250 on the first attempt, started and finished, no error, started by the system", r)
	}
	if r.Kind != "test.count" || r.TenantID != bank {
		t.Fatalf("run %+v: kind or tenant wrong", r)
	}

	// Another bank reads nothing of it, by id or in its list.
	var p *apperr.Problem
	if _, err := jobs.Get(ctx, db, other, id); !errors.As(err, &p) || p.Status != http.StatusNotFound {
		t.Fatalf("another tenant's Get: %v, want a 404 problem", err)
	}
	if page, err := jobs.List(ctx, db, other, 1, 20); err != nil || page.Total != 0 || len(page.Items) != 0 {
		t.Fatalf("another tenant's list: %+v, %v; want nothing", page, err)
	}
	if page, err := jobs.List(ctx, db, bank, 1, 20); err != nil || page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != id {
		t.Fatalf("the bank's list: %+v, %v; want its one job", page, err)
	}
	// No tenant is no answer, not every tenant's.
	if _, err := jobs.Get(ctx, db, 0, id); !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("Get with tenant 0: %v, want store.ErrNoTenant", err)
	}
	if _, err := jobs.List(ctx, db, 0, 1, 20); !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("List with tenant 0: %v, want store.ErrNoTenant", err)
	}
	if _, err := e.Enqueue(ctx, 0, nil, countArgs{}); !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("Enqueue for tenant 0: %v, want store.ErrNoTenant", err)
	}
}

// A job that aborts fails at once with the message the bank may read; one
// that fails on an internal error shows a generic text, never the cause,
// and fails for good once its attempts are spent.
func TestEngineRecordsFailuresTheBankMayRead(t *testing.T) {
	ctx := context.Background()
	db := testkit.DB(t)
	bank := testkit.InsertTenant(t, db, "bank-a")
	e := jobs.New(db, jobs.Options{Log: quietLog(), MaxAttempts: 1})
	registerCount(e)
	started(t, e)

	aborted, err := e.Enqueue(ctx, bank, nil, countArgs{Rows: 3, Outcome: "abort"})
	if err != nil {
		t.Fatal(err)
	}
	broken, err := e.Enqueue(ctx, bank, nil, countArgs{Rows: 3, Outcome: "error"})
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, db, bank, aborted, jobs.Failed)
	if r.Error != "missing column(s): {columns}" || r.ErrorArgs == nil || r.Attempt != 1 || r.Done != 3 || r.FinishedAt == nil {
		t.Fatalf("aborted run %+v, want the abort's template and args after one attempt", r)
	}
	r = runIn(t, db, bank, broken, jobs.Failed)
	if r.Error != "the job failed on an internal error" || r.ErrorArgs != nil {
		t.Fatalf("broken run %+v: error %q, want the generic text and not the cause", r, r.Error)
	}
}

// EnqueueTx puts the job in the caller's transaction: rolled back, neither
// River's job nor the bank's row exists.
func TestEnqueueTxFollowsTheCallersTransaction(t *testing.T) {
	ctx := context.Background()
	db := testkit.DB(t)
	bank := testkit.InsertTenant(t, db, "bank-a")
	e := jobs.New(db, jobs.Options{Log: quietLog()})
	rollback := errors.New("rollback")
	err := db.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if _, err := e.EnqueueTx(tx, bank, nil, countArgs{Rows: 1}); err != nil {
			return err
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatalf("transaction: %v", err)
	}
	var riverJobs, runs int64
	if err := db.R.Table("river_job").Count(&riverJobs).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.R.Model(&jobs.Run{}).Scopes(store.Tenant(bank)).Count(&runs).Error; err != nil {
		t.Fatal(err)
	}
	if riverJobs != 0 || runs != 0 {
		t.Fatalf("after a rollback: %d River jobs, %d runs; want none", riverJobs, runs)
	}

	// Committed, both exist, and the run names who asked.
	by := &access.Principal{TenantID: bank, UserID: 0, DisplayName: "nobody"}
	if _, err := e.Enqueue(ctx, bank+1, by, countArgs{}); err == nil {
		t.Fatal("a user of one tenant queued a job for another")
	}
	id, err := e.Enqueue(ctx, bank, nil, countArgs{Rows: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, err := jobs.Get(ctx, db, bank, id)
	if err != nil || r.State != jobs.Queued || r.RiverJobID == 0 {
		t.Fatalf("committed run %+v, %v; want queued with its River job", r, err)
	}
}
