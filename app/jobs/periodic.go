package jobs

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/riverqueue/river"
)

// periodicJob is one registered periodic body.
type periodicJob struct {
	name  string
	every time.Duration
	fn    func(ctx context.Context) error
}

// periodicArgs is the River job of every periodic body: one kind, the body
// and its period in the arguments, so that uniqueness by arguments and
// period keeps each body to one job per period. The period is kept in the
// arguments because River moves a job's scheduled time when it retries.
type periodicArgs struct {
	Name   string    `json:"name"`
	Period time.Time `json:"period"`
}

func (periodicArgs) Kind() string { return "servicestar.periodic" }

// Periodic runs fn once per period of every, on one instance however many
// run. Periods are aligned to UTC multiples of every (hourly at the hour,
// daily at 00:00 UTC); fn may ask PeriodOf(ctx) which period it runs for.
//
// Once means: River's elected leader alone schedules periodic jobs, and a
// job unique by period makes a second one for the same period (a new leader
// after a handover, an instance starting mid-period) a no-op. The leader
// also runs the current period's job when it takes over, so a period is not
// skipped because no instance was leader at its start; only a period that
// begins and ends with no leader at all is (a leader that dies without
// resigning is replaced within about 15 s, so keep periods well above
// that). A failed run is tried again like any job. every must be at least
// one second.
func (e *Engine) Periodic(name string, every time.Duration, fn func(ctx context.Context) error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.mustBeOpen("periodic job " + name)
	switch {
	case name == "":
		panic("jobs: a periodic job needs a name")
	case every < time.Second:
		panic(fmt.Sprintf("jobs: periodic job %s: period %v is under one second", name, every))
	case e.periodic[name] != nil:
		panic("jobs: periodic job " + name + " registered twice")
	}
	e.periodic[name] = &periodicJob{name: name, every: every, fn: fn}
}

// aligned is a River schedule firing at UTC multiples of every.
type aligned time.Duration

func (a aligned) Next(t time.Time) time.Time {
	return t.Truncate(time.Duration(a)).Add(time.Duration(a))
}

// periodicJobs are the River periodic jobs of what was registered.
func (e *Engine) periodicJobs() []*river.PeriodicJob {
	var out []*river.PeriodicJob
	for _, p := range e.periodic {
		opts := p.insertOpts()
		out = append(out, river.NewPeriodicJob(aligned(p.every), func() (river.JobArgs, *river.InsertOpts) {
			return p.args(time.Now()), opts
		}, &river.PeriodicJobOpts{ID: p.name, RunOnStart: true}))
	}
	return out
}

// args are the job of the period that holds now. River calls for them at
// the period's start (or later, when a leader takes over mid-period).
func (p *periodicJob) args(now time.Time) periodicArgs {
	return periodicArgs{Name: p.name, Period: now.UTC().Truncate(p.every)}
}

// insertOpts make a second job of the same body and period a no-op.
// River takes the period from the job's scheduled time.
func (p *periodicJob) insertOpts() *river.InsertOpts {
	return &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: p.every}}
}

func (e *Engine) longestPeriod() time.Duration {
	var d time.Duration
	for _, p := range e.periodic {
		d = max(d, p.every)
	}
	return d
}

type periodKey struct{}

// PeriodOf is the start of the period a periodic body runs for.
func PeriodOf(ctx context.Context) (time.Time, bool) {
	t, ok := ctx.Value(periodKey{}).(time.Time)
	return t, ok
}

// workPeriodic runs the body a periodic job names.
func (e *Engine) workPeriodic(ctx context.Context, j *river.Job[periodicArgs]) (err error) {
	e.mu.Lock()
	p := e.periodic[j.Args.Name]
	e.mu.Unlock()
	if p == nil {
		// Queued by a version that had this body; this one has none.
		e.log.Warn("jobs: periodic job with no body here", "name", j.Args.Name, "river_job_id", j.ID)
		return river.JobCancel(fmt.Errorf("jobs: no periodic job %q", j.Args.Name))
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
		if err != nil {
			e.log.Error("jobs: periodic job failed", "name", p.name, "river_job_id", j.ID, "attempt", j.Attempt, "err", err)
		}
	}()
	return p.fn(context.WithValue(ctx, periodKey{}, j.Args.Period))
}
