package jobs_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// These tests run the app's engine in separate processes of this test
// binary (TestJobsChild) on one database: the test's SQLite file, or its
// PostgreSQL schema when TEST_DATABASE_URL is set. The children write what
// they did into test tables; the parent asserts on those rows only.

const (
	childMode = "SS_JOBS_CHILD"     // "periodic" or "worker"
	childURL  = "SS_JOBS_CHILD_URL" // the database both sides use
	tick      = 2 * time.Second     // the periodic job's period
)

// blockArgs is a job that stops half-way on its first attempt until its
// process is killed, and finishes on any later one.
type blockArgs struct{}

func (blockArgs) Kind() string { return "test.block" }

// sharedDB opens and migrates the test's database, with the tables the
// children write to, and returns it and its URL.
func sharedDB(t *testing.T) (*store.DB, string) {
	t.Helper()
	url := testkit.URL(t)
	db, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE test_ticks (period VARCHAR(40) NOT NULL, pid BIGINT NOT NULL)`,
		`CREATE TABLE test_marks (what VARCHAR(20) NOT NULL, attempt INTEGER NOT NULL, pid BIGINT NOT NULL)`,
	} {
		if err := db.W.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	return db, url
}

type child struct {
	cmd *exec.Cmd
	out bytes.Buffer
}

// startChild runs TestJobsChild in mode as a new process; it is killed when
// the test ends, and its output shown if the test failed.
func startChild(t *testing.T, url, mode string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "-test.run=^TestJobsChild$", "-test.v")}
	c.cmd.Env = append(os.Environ(), childMode+"="+mode, childURL+"="+url)
	c.cmd.Stdout, c.cmd.Stderr = &c.out, &c.out
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.kill()
		if t.Failed() {
			t.Logf("child %s (pid %d) said:\n%s", mode, c.cmd.Process.Pid, c.out.String())
		}
	})
	return c
}

// kill ends the child at once, as a crash or kill -9 would.
func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
}

func count(t *testing.T, db *store.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.R.Raw(q, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// Two app processes on one database run a periodic job exactly once per
// period: River's elected leader alone schedules it, and when the leader
// stops (a rolling deploy) the other takes over, where its first job, for
// the period it takes over in, is a duplicate that uniqueness by period
// drops if the old leader had queued it already.
func TestPeriodicJobRunsOncePerPeriodAcrossTwoProcesses(t *testing.T) {
	db, url := sharedDB(t)
	ready := func(n int64) func() (bool, error) {
		return func() (bool, error) {
			return count(t, db, "SELECT COUNT(*) FROM test_marks WHERE what = 'ready'") == n, nil
		}
	}
	periodsFrom := func(from string, n int64) func() (bool, error) {
		return func() (bool, error) {
			return count(t, db, "SELECT COUNT(DISTINCT period) FROM test_ticks WHERE period >= ?", from) >= n, nil
		}
	}
	// The first process to start is the leader.
	leader := startChild(t, url, "periodic")
	waitFor(t, "the first process to start its engine", ready(1))
	other := startChild(t, url, "periodic")
	waitFor(t, "the second process to start its engine", ready(2))
	// Periods that start from now on start with both processes running. The
	// first of them to run is where the count starts: an engine that has
	// started may not have won the election yet, and how soon it does is a
	// matter of time, which this test does not judge.
	next := time.Now().UTC().Truncate(tick).Add(tick).Format(time.RFC3339)
	waitFor(t, "a period run with both processes", periodsFrom(next, 1))
	var from string
	if err := db.R.Raw("SELECT MIN(period) FROM test_ticks WHERE period >= ?", next).Scan(&from).Error; err != nil {
		t.Fatal(err)
	}
	waitFor(t, "two periods with both processes", periodsFrom(from, 2))
	if err := leader.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := leader.cmd.Wait(); err != nil {
		t.Fatalf("the leader did not stop cleanly: %v", err)
	}
	// Periods that start from now on start with the other process alone.
	after := time.Now().UTC().Truncate(tick).Add(tick).Format(time.RFC3339)
	waitFor(t, "three periods after the leader stopped", periodsFrom(after, 3))
	other.kill()

	type tally struct {
		Period string
		Runs   int64
		Pid    int64
	}
	var got []tally
	if err := db.R.Raw(`SELECT period, COUNT(*) AS runs, MAX(pid) AS pid FROM test_ticks
		WHERE period >= ? GROUP BY period ORDER BY period`, from).Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	t.Logf("periods run (the leader stopped before %s): %+v", after, got)
	var before, since []time.Time
	for _, g := range got {
		if g.Runs != 1 {
			t.Errorf("period %s ran %d times, want once", g.Period, g.Runs)
		}
		at, err := time.Parse(time.RFC3339, g.Period)
		if err != nil {
			t.Fatal(err)
		}
		if g.Period < after {
			before = append(before, at)
			continue
		}
		since = append(since, at)
		if g.Pid != int64(other.cmd.Process.Pid) {
			t.Errorf("period %s, after the leader stopped, ran in process %d", g.Period, g.Pid)
		}
	}
	// While a leader runs, no period is skipped. Between leaders one may
	// be: the new one runs the period it takes over in, not one that began
	// and ended while there was none (here, a takeover slower than 2 s).
	for _, reign := range [][]time.Time{before, since} {
		for i := 1; i < len(reign); i++ {
			if !reign[i].Equal(reign[i-1].Add(tick)) {
				t.Errorf("period %v follows %v under one leader: the periods between did not run", reign[i], reign[i-1])
			}
		}
	}
	if len(before) < 2 || before[0].Format(time.RFC3339) != from || len(since) < 3 {
		t.Errorf("periods from %s: %+v, want at least two from there with both processes and three after", from, got)
	}
}

// A job whose process is killed half-way is given back to the queue by
// River's rescuer in another process, runs again there, and finishes once.
func TestJobOfAKilledProcessIsRetriedAndFinishesOnce(t *testing.T) {
	ctx := context.Background()
	db, url := sharedDB(t)
	bank := testkit.InsertTenant(t, db, "bank-a")
	id, err := jobs.New(db, jobs.Options{Log: quietLog()}).Enqueue(ctx, bank, nil, blockArgs{})
	if err != nil {
		t.Fatal(err)
	}
	first := startChild(t, url, "worker")
	waitFor(t, "the first attempt to stop half-way", func() (bool, error) {
		return count(t, db, "SELECT COUNT(*) FROM test_marks WHERE what = 'half-way'") == 1, nil
	})
	first.kill()
	r, err := jobs.Get(ctx, db, bank, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.State != jobs.Running || r.Attempt != 1 || r.Done != 1 || r.Total != 2 {
		t.Fatalf("after the kill: %+v, want running, attempt 1, 1 of 2 done", r)
	}

	startChild(t, url, "worker")
	r = runIn(t, db, bank, id, jobs.Completed)
	if r.Attempt != 2 || r.Done != 2 || r.Total != 2 || r.Error != "" || r.FinishedAt == nil {
		t.Fatalf("finished run %+v, want attempt 2, 2 of 2 done, no error", r)
	}
	waitFor(t, "River to mark the job completed", func() (bool, error) {
		return count(t, db, "SELECT COUNT(*) FROM river_job WHERE id = ? AND state = 'completed'", r.RiverJobID) == 1, nil
	})
	if n := count(t, db, "SELECT COUNT(*) FROM test_marks WHERE what = 'finished'"); n != 1 {
		t.Fatalf("the job finished %d times, want once", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM test_marks WHERE what = 'finished' AND attempt = 2"); n != 1 {
		t.Fatal("the job did not finish on its second attempt")
	}
}

// TestJobsChild is the other process of the tests above.
func TestJobsChild(t *testing.T) {
	mode := os.Getenv(childMode)
	if mode == "" {
		t.Skip("run as a child process by the multi-process tests")
	}
	db, err := store.Open(os.Getenv(childURL))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pid := os.Getpid()
	mark := func(ctx context.Context, what string, attempt int) error {
		return db.W.WithContext(ctx).Exec("INSERT INTO test_marks (what, attempt, pid) VALUES (?, ?, ?)", what, attempt, pid).Error
	}
	// A job running this long is given back to the queue: far shorter than
	// production's hour, so the test need not wait. River rescues only jobs
	// past their timeout too, so the timeout is short as well.
	e := jobs.New(db, jobs.Options{Log: quietLog(), JobTimeout: 5 * time.Second, RescueStuckJobsAfter: 6 * time.Second})
	switch mode {
	case "periodic":
		e.Periodic("tick", tick, func(ctx context.Context) error {
			period, _ := jobs.PeriodOf(ctx)
			return db.W.WithContext(ctx).Exec("INSERT INTO test_ticks (period, pid) VALUES (?, ?)", period.UTC().Format(time.RFC3339), pid).Error
		})
	case "worker":
		jobs.Register(e, func(ctx context.Context, job *jobs.Job, _ blockArgs) error {
			if job.Attempt == 1 {
				if err := job.Progress(ctx, 1, 2); err != nil {
					return err
				}
				if err := mark(ctx, "half-way", job.Attempt); err != nil {
					return err
				}
				select {} // until the parent kills this process
			}
			if err := job.Progress(ctx, 2, 2); err != nil {
				return err
			}
			return mark(ctx, "finished", job.Attempt)
		})
	}
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := mark(context.Background(), "ready", 0); err != nil {
		t.Fatal(err)
	}
	// The parent stops this process (SIGTERM, as a deploy does) or kills
	// it; the bound only keeps a child from outliving a crashed parent.
	term, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	select {
	case <-term.Done():
	case <-time.After(3 * time.Minute):
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := e.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}
