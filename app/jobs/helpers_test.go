package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
)

// quietLog keeps River's routine info lines out of test output; warnings
// and errors still show.
func quietLog() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// started starts e and stops it when the test ends.
func started(t testing.TB, e *jobs.Engine) {
	t.Helper()
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := e.Stop(ctx); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
}

// waitFor polls cond until it holds, failing the test at a generous
// deadline: the condition is asserted, never how long it took.
func waitFor(t testing.TB, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		ok, err := cond()
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// runIn waits until the job of run id in tenant reaches state, and returns it.
func runIn(t testing.TB, db *store.DB, tenant, id int64, state jobs.State) jobs.Run {
	t.Helper()
	var r jobs.Run
	waitFor(t, "job "+string(state), func() (bool, error) {
		var err error
		r, err = jobs.Get(context.Background(), db, tenant, id)
		return r.State == state, err
	})
	return r
}
