package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/testkit"
)

type noopArgs struct{}

func (noopArgs) Kind() string { return "bench.noop" }

// BenchmarkEnqueueToComplete is the latency of one trivial job: from
// Enqueue (its own transaction) until the worker's function has returned,
// one job at a time, on the test's database (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set).
//
// idle: each job comes after the queue has been quiet for 200 ms (not
// timed), as a user's import or a nightly job does. back-to-back: the next
// job is queued as soon as the last one ran; River sends at most one insert
// notification per queue per FetchCooldown (100 ms), so most of these wait
// for the worker's next poll instead.
func BenchmarkEnqueueToComplete(b *testing.B) {
	for _, c := range []struct {
		name  string
		pause time.Duration
	}{{"idle", 200 * time.Millisecond}, {"back-to-back", 0}} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			db := testkit.DB(b)
			bank := testkit.InsertTenant(b, db, "bank-a")
			e := jobs.New(db, jobs.Options{Log: quietLog()})
			ran := make(chan struct{}, 1)
			jobs.Register(e, func(context.Context, *jobs.Job, noopArgs) error {
				ran <- struct{}{}
				return nil
			})
			started(b, e)
			for b.Loop() {
				if c.pause > 0 {
					b.StopTimer()
					time.Sleep(c.pause)
					b.StartTimer()
				}
				if _, err := e.Enqueue(ctx, bank, nil, noopArgs{}); err != nil {
					b.Fatal(err)
				}
				<-ran
			}
		})
	}
}
