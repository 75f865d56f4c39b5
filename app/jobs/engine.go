// Package jobs runs durable background work on River, with the same job code
// on SQLite (River's SQLite driver) and PostgreSQL (its pgx driver): feature
// areas register workers and periodic jobs while the server is wired, enqueue
// jobs for a tenant inside their own transactions, and report progress that
// the bank's HR and admins read in job_runs.
package jobs

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// Options tune an Engine; the zero value is what the server runs with.
type Options struct {
	Log *slog.Logger
	Now func() time.Time // the clock of job_runs; time.Now when nil

	// Workers is how many jobs this instance runs at once (4 when 0). On
	// SQLite they share the one writer connection, so more rarely helps.
	Workers int
	// MaxAttempts a job gets before it fails for good (10 when 0).
	MaxAttempts int
	// JobTimeout cancels an attempt that runs longer (30 min when 0).
	JobTimeout time.Duration
	// RescueStuckJobsAfter is when a job still marked running (its process
	// died) is given back to the queue (1 h when 0; must exceed JobTimeout,
	// and River rescues no job that has not passed its timeout).
	RescueStuckJobsAfter time.Duration
	// StopTimeout is how long Stop lets running jobs finish before it
	// cancels them (20 s when 0); cancelled jobs are tried again later.
	StopTimeout time.Duration
}

// runner is the working River client: Client[pgx.Tx] on PostgreSQL,
// Client[*sql.Tx] on SQLite.
type runner interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// Engine owns the River clients of one open store.DB.
type Engine struct {
	db   *store.DB
	log  *slog.Logger
	now  func() time.Time
	opts Options

	mu       sync.Mutex
	started  bool                    // registration is closed
	workers  *river.Workers          // registered kinds
	periodic map[string]*periodicJob // by name
	insert   *river.Client[*sql.Tx]  // enqueues inside database/sql transactions
	run      runner
	pool     *pgxpool.Pool // PostgreSQL: the working client's pool
}

// New makes an engine for db. Nothing touches the database until Start or
// the first Enqueue; register workers and periodic jobs before Start.
func New(db *store.DB, o Options) *Engine {
	o.Workers = cmp.Or(o.Workers, 4)
	o.MaxAttempts = cmp.Or(o.MaxAttempts, 10)
	o.JobTimeout = cmp.Or(o.JobTimeout, 30*time.Minute)
	o.RescueStuckJobsAfter = cmp.Or(o.RescueStuckJobsAfter, time.Hour)
	o.StopTimeout = cmp.Or(o.StopTimeout, 20*time.Second)
	e := &Engine{db: db, log: o.Log, now: o.Now, opts: o, workers: river.NewWorkers(), periodic: map[string]*periodicJob{}}
	if e.log == nil {
		e.log = slog.Default()
	}
	if e.now == nil {
		e.now = time.Now
	}
	river.AddWorker(e.workers, river.WorkFunc(e.workPeriodic))
	return e
}

// Start begins working jobs and, on the instance River elects leader,
// scheduling periodic ones. Stop ends it; ctx only bounds starting.
func (e *Engine) Start(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.started {
		return errors.New("jobs: engine already started")
	}
	cfg := e.config()
	cfg.Workers = e.workers
	cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: e.opts.Workers}}
	cfg.JobTimeout = e.opts.JobTimeout
	cfg.RescueStuckJobsAfter = e.opts.RescueStuckJobsAfter
	cfg.SoftStopTimeout = e.opts.StopTimeout
	cfg.PeriodicJobs = e.periodicJobs()
	// A finished periodic job must outlive its period: it is what keeps an
	// instance started later in the same period from running it again.
	cfg.CompletedJobRetentionPeriod = max(24*time.Hour, e.longestPeriod())
	var run runner
	if e.db.Dialect == migrations.Postgres {
		sqlDB, err := e.db.SQL()
		if err != nil {
			return err
		}
		pool, err := pgxPool(ctx, sqlDB, int32(e.opts.Workers)+4)
		if err != nil {
			return err
		}
		c, err := river.NewClient(riverpgxv5.New(pool), cfg)
		if err != nil {
			pool.Close()
			return fmt.Errorf("jobs: %w", err)
		}
		run, e.pool = c, pool
	} else {
		sqlDB, err := e.db.SQL()
		if err != nil {
			return err
		}
		c, err := river.NewClient(riversqlite.New(sqlDB), cfg)
		if err != nil {
			return fmt.Errorf("jobs: %w", err)
		}
		run = c
	}
	// River stops when the context of Start ends; only Stop may end it.
	if err := run.Start(context.WithoutCancel(ctx)); err != nil {
		if e.pool != nil {
			e.pool.Close()
			e.pool = nil
		}
		return fmt.Errorf("jobs: start: %w", err)
	}
	e.run, e.started = run, true
	return nil
}

// Stop lets running jobs finish for up to Options.StopTimeout, then cancels
// them (River tries them again later), and returns when all have returned
// or ctx ends. Stopping an engine that is not running does nothing.
func (e *Engine) Stop(ctx context.Context) error {
	e.mu.Lock()
	run, pool := e.run, e.pool
	e.run, e.pool = nil, nil
	e.mu.Unlock()
	if run == nil {
		return nil
	}
	err := run.Stop(ctx)
	if pool != nil {
		pool.Close()
	}
	if err != nil {
		return fmt.Errorf("jobs: stop: %w", err)
	}
	return nil
}

// config is what the inserting and the working client share: the defaults
// a job is inserted with are the inserting client's.
func (e *Engine) config() *river.Config {
	return &river.Config{Logger: slog.New(warnAndUp{e.log.Handler()}), MaxAttempts: e.opts.MaxAttempts}
}

// warnAndUp passes River's warnings and errors to the app's log and drops
// its routine lines (a job count every 10 s, client started), which would
// bury the request log at the default info level. Our own job lines (a job
// failed) are written with e.log directly.
type warnAndUp struct{ slog.Handler }

func (h warnAndUp) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}

func (h warnAndUp) WithAttrs(as []slog.Attr) slog.Handler { return warnAndUp{h.Handler.WithAttrs(as)} }
func (h warnAndUp) WithGroup(name string) slog.Handler    { return warnAndUp{h.Handler.WithGroup(name)} }

// inserter is the client that enqueues inside a caller's database/sql
// transaction, the one GORM holds: River's SQLite driver on SQLite, its
// database/sql driver on PostgreSQL (the pgx driver wants a pgx.Tx).
func (e *Engine) inserter() (*river.Client[*sql.Tx], error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.insert != nil {
		return e.insert, nil
	}
	sqlDB, err := e.db.SQL()
	if err != nil {
		return nil, err
	}
	var c *river.Client[*sql.Tx]
	if e.db.Dialect == migrations.Postgres {
		c, err = river.NewClient(riverdatabasesql.New(sqlDB), e.config())
	} else {
		c, err = river.NewClient(riversqlite.New(sqlDB), e.config())
	}
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	e.insert = c
	return c, nil
}

// mustBeOpen panics when registration comes after Start: a worker added
// then would never run, which is a wiring mistake to find at once.
func (e *Engine) mustBeOpen(what string) {
	if e.started {
		panic("jobs: " + what + " registered after Start")
	}
}
