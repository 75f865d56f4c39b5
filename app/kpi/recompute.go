package kpi

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// RecomputeArgs asks for one period's results to be computed again.
// Lane 1 is a follow-up queued while a lane-0 job of the same period is
// already running (and may have read the data before the change).
type RecomputeArgs struct {
	TenantID int64  `json:"tenant_id"`
	Period   string `json:"period"`
	Lane     int    `json:"lane,omitempty"`
}

// Kind names the job.
func (RecomputeArgs) Kind() string { return "kpi.recompute" }

// InsertOpts makes a period's recompute unique while it waits or runs: a
// burst of imports queues one. River requires the running state among the
// unique ones, which is why a change seen while one runs queues lane 1.
func (RecomputeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateScheduled, rivertype.JobStateRetryable}}}
}

// errClosed: a closed period's results are frozen.
var errClosed = errors.New("kpi: the period is closed")

// Register adds the recompute worker to the engine; call it while wiring.
func (s *Service) Register(e *jobs.Engine) {
	s.Jobs = e
	jobs.Register(e, func(ctx context.Context, job *jobs.Job, a RecomputeArgs) error {
		if a.TenantID != job.TenantID {
			return jobs.Abort("the job names another tenant", nil)
		}
		p, err := scoring.ParsePeriod(a.Period)
		if err != nil {
			return jobs.Abort("unknown period {period}", map[string]any{"period": a.Period})
		}
		err = s.recompute(ctx, job.TenantID, p, job)
		if errors.Is(err, errClosed) {
			return nil // closed meanwhile: its results stay as they were frozen
		}
		return err
	})
}

// Recompute computes a period's results now, in the caller's goroutine (the
// job does the same; tests and benchmarks call it directly). A closed
// period answers errClosed and keeps its rows.
func (s *Service) Recompute(ctx context.Context, tenantID int64, key string) error {
	p, err := scoring.ParsePeriod(key)
	if err != nil {
		return err
	}
	return s.recompute(ctx, tenantID, p, nil)
}

// IsClosedErr reports whether err is Recompute's answer for a closed period.
func IsClosedErr(err error) bool { return errors.Is(err, errClosed) }

// progress is what a recompute reports to; nil reports nothing.
type progress interface {
	Progress(ctx context.Context, done, total int64) error
}

// recompute computes a period from the data as it is now and replaces its
// rows, unless the period is closed or a computation that started later
// has already written them (two may overlap: the later read is the fresher).
func (s *Service) recompute(ctx context.Context, tenantID int64, p scoring.Period, pr progress) error {
	started := s.Now().UTC()
	closed, err := s.isClosed(s.DB.R.WithContext(ctx), tenantID, p.Key)
	if err != nil {
		return err
	}
	if closed {
		return errClosed
	}
	report := func(done int64) error {
		if pr == nil {
			return nil
		}
		return pr.Progress(ctx, done, 3)
	}
	in, err := s.gather(ctx, tenantID, p)
	if err != nil {
		return err
	}
	if err := report(1); err != nil {
		return err
	}
	out, err := compute(in, started)
	if err != nil {
		return err
	}
	if err := report(2); err != nil {
		return err
	}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error { return s.replace(tx, tenantID, p, out, started, false) })
	if err != nil {
		return err
	}
	return report(3)
}

// replace writes a period's rows in tx. Unless closing (which must win),
// it leaves the period alone when it is closed or holds rows computed from
// a later start.
func (s *Service) replace(tx *gorm.DB, tenantID int64, p scoring.Period, out output, started time.Time, closing bool) error {
	if !closing {
		closed, err := s.isClosed(tx, tenantID, p.Key)
		if err != nil {
			return err
		}
		if closed {
			return errClosed
		}
		var newer int64
		if err := tx.Model(&BranchResult{}).Scopes(store.Tenant(tenantID)).
			Where("period_key = ? AND computed_at > ?", p.Key, started).Count(&newer).Error; err != nil {
			return err
		}
		if newer > 0 {
			return nil
		}
	}
	if err := tx.Scopes(store.Tenant(tenantID)).Where("period_key = ?", p.Key).Delete(&Result{}).Error; err != nil {
		return err
	}
	if err := tx.Scopes(store.Tenant(tenantID)).Where("period_key = ?", p.Key).Delete(&BranchResult{}).Error; err != nil {
		return err
	}
	if err := tx.Scopes(store.Tenant(tenantID)).Where("period_key = ?", p.Key).Delete(&MetricScore{}).Error; err != nil {
		return err
	}
	if len(out.People) > 0 {
		if err := tx.CreateInBatches(out.People, 500).Error; err != nil {
			return err
		}
	}
	if len(out.Branches) > 0 {
		if err := tx.CreateInBatches(out.Branches, 500).Error; err != nil {
			return err
		}
	}
	if len(out.Scores) > 0 {
		if err := tx.CreateInBatches(out.Scores, 500).Error; err != nil {
			return err
		}
	}
	return nil
}

// isClosed reads a period's state through db (a transaction when the
// answer must hold until it commits).
func (s *Service) isClosed(db *gorm.DB, tenantID int64, key string) (bool, error) {
	var n int64
	err := db.Model(&PeriodState{}).Scopes(store.Tenant(tenantID)).Where("period_key = ? AND state = ?", key, Closed).Count(&n).Error
	return n > 0, err
}

// Changed queues a recompute of the open periods (month, quarter, year) of
// each month, inside tx, the transaction that changed their data: the
// feedback area calls it for every ingest and appeal decision.
func (s *Service) Changed(tx *gorm.DB, tenantID int64, months []int) error {
	seen := map[string]bool{}
	for _, m := range months {
		if !scoring.ValidMonth(m) {
			continue
		}
		for _, p := range scoring.PeriodsOfMonth(m) {
			if seen[p.Key] {
				continue
			}
			seen[p.Key] = true
			if _, err := s.queue(tx, tenantID, nil, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// queue asks for a period's recompute in tx, unless it is closed. When the
// same period's job is already running it may have read the data before
// this change: a follow-up (lane 1) is queued behind it.
func (s *Service) queue(tx *gorm.DB, tenantID int64, by *access.Principal, p scoring.Period) (int64, error) {
	if s.Jobs == nil {
		return 0, nil // wired without a job engine (some tests): nothing to queue
	}
	closed, err := s.isClosed(tx, tenantID, p.Key)
	if err != nil || closed {
		return 0, err
	}
	id, err := s.Jobs.EnqueueTx(tx, tenantID, by, RecomputeArgs{TenantID: tenantID, Period: p.Key})
	if err != nil {
		return 0, err
	}
	var run jobs.Run
	if err := tx.Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&run).Error; err != nil {
		return 0, err
	}
	if run.State == jobs.Running {
		return s.Jobs.EnqueueTx(tx, tenantID, by, RecomputeArgs{TenantID: tenantID, Period: p.Key, Lane: 1})
	}
	return id, nil
}
