package jobs

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// Progress writes at the start, per hundredth of the total, when the total
// changes and at the end, so reporting after every row stays cheap.
func TestProgressWritesPerHundredthOfTheTotal(t *testing.T) {
	ctx := context.Background()
	db := testkit.DB(t)
	bank := testkit.InsertTenant(t, db, "bank-a")
	e := New(db, Options{Log: quiet()})
	now := time.Now().UTC()
	run := Run{TenantID: bank, RiverJobID: 77, Kind: "test", State: Running, CreatedAt: now, UpdatedAt: now}
	if err := db.W.Create(&run).Error; err != nil {
		t.Fatal(err)
	}
	job := &Job{TenantID: bank, e: e, riverID: 77}
	stored := func() (int64, int64) {
		t.Helper()
		var r Run
		if err := db.R.Scopes(store.Tenant(bank)).Where("id = ?", run.ID).Take(&r).Error; err != nil {
			t.Fatal(err)
		}
		return r.Done, r.Total
	}
	for _, step := range []struct {
		done, total         int64
		wantDone, wantTotal int64
	}{
		{1, 1000, 1, 1000},       // the first report
		{5, 1000, 1, 1000},       // moved 4 < 10: not written
		{11, 1000, 11, 1000},     // moved 10
		{12, 2000, 12, 2000},     // the total changed
		{2000, 2000, 2000, 2000}, // the end
	} {
		if err := job.Progress(ctx, step.done, step.total); err != nil {
			t.Fatal(err)
		}
		if d, tot := stored(); d != step.wantDone || tot != step.wantTotal {
			t.Fatalf("after Progress(%d, %d): stored %d of %d, want %d of %d", step.done, step.total, d, tot, step.wantDone, step.wantTotal)
		}
	}
	// Another tenant's job of the same River id is not touched.
	other := &Job{TenantID: testkit.InsertTenant(t, db, "bank-b"), e: e, riverID: 77}
	if err := other.Progress(ctx, 1, 1); err != nil {
		t.Fatal(err)
	}
	if d, tot := stored(); d != 2000 || tot != 2000 {
		t.Fatalf("another tenant's report changed this run to %d of %d", d, tot)
	}
}

// A run shows what River knows when its worker could not record an ending.
func TestSettleShowsRiversStateOfUnfinishedRuns(t *testing.T) {
	for _, c := range []struct {
		name  string
		run   State
		river riverJob
		found bool
		want  State
		err   string
	}{
		{"gone from River", Running, riverJob{}, false, Failed, msgVanished},
		{"given up (killed on the last attempt)", Running, riverJob{State: "discarded", Attempt: 3}, true, Failed, msgVanished},
		{"cancelled", Queued, riverJob{State: "cancelled"}, true, Failed, msgVanished},
		{"completed, not recorded", Running, riverJob{State: "completed", Attempt: 1}, true, Completed, ""},
		{"rescued from a dead process", Running, riverJob{State: "retryable", Attempt: 1}, true, Retrying, ""},
		{"due again", Retrying, riverJob{State: "available", Attempt: 2}, true, Retrying, ""},
		{"picked up", Queued, riverJob{State: "running", Attempt: 1}, true, Running, ""},
		{"waiting", Queued, riverJob{State: "available"}, true, Queued, ""},
		{"scheduled", Queued, riverJob{State: "scheduled"}, true, Queued, ""},
	} {
		r := Run{State: c.run}
		settleOne(&r, c.river, c.found)
		if r.State != c.want || r.Error != c.err {
			t.Errorf("%s: %s %q, want %s %q", c.name, r.State, r.Error, c.want, c.err)
		}
	}
}

// The second line of "once per period": whatever inserts a periodic body's
// job for a period a second time (a new leader, a restarted one) inserts
// nothing; the next period is a new job.
func TestPeriodicJobIsUniqueWithinItsPeriod(t *testing.T) {
	ctx := context.Background()
	db := testkit.DB(t)
	e := New(db, Options{Log: quiet()})
	p := &periodicJob{name: "tick", every: time.Hour}
	ins, err := e.inserter()
	if err != nil {
		t.Fatal(err)
	}
	insert := func(at time.Time) bool {
		t.Helper()
		var dup bool
		err := db.W.Transaction(func(tx *gorm.DB) error {
			res, err := ins.InsertTx(ctx, txOf(t, tx), p.args(at), p.insertOpts())
			if err == nil {
				dup = res.UniqueSkippedAsDuplicate
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return !dup
	}
	hour := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if !insert(hour.Add(time.Second)) {
		t.Fatal("the period's first job was not inserted")
	}
	if insert(hour.Add(59 * time.Minute)) {
		t.Fatal("a second job of the same period was inserted")
	}
	if !insert(hour.Add(time.Hour)) {
		t.Fatal("the next period's job was not inserted")
	}
	if got := (aligned(time.Hour)).Next(hour.Add(17 * time.Minute)); !got.Equal(hour.Add(time.Hour)) {
		t.Fatalf("next run after 09:17 is %v, want 10:00", got)
	}
}

// Every text the engine writes as a job's error is in the catalogue.
func TestEngineErrorTextsAreInTheCatalogue(t *testing.T) {
	for _, m := range []string{msgInternalRetry, msgInternalFinal, msgVanished} {
		if !apperr.Known(m) {
			t.Errorf("%q is not in the catalogue", m)
		}
	}
}

func txOf(t *testing.T, tx *gorm.DB) *sql.Tx {
	t.Helper()
	s, ok := tx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		t.Fatalf("not a transaction: %T", tx.Statement.ConnPool)
	}
	return s
}
