package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// Progress writes at the start, per hundredth of the total, when the total
// changes and at the end, so reporting after every row stays cheap.
func TestProgressWritesPerHundredthOfTheTotal(t *testing.T) {
	ctx := context.Background()
	db := testkit.DB(t)
	bank := testkit.InsertTenant(t, db, "bank-a")
	e := jobs.New(db, jobs.Options{Log: quietLog()})
	now := time.Now().UTC()
	run := jobs.Run{TenantID: bank, RiverJobID: 77, Kind: "test", State: jobs.Running, CreatedAt: now, UpdatedAt: now}
	if err := db.W.Create(&run).Error; err != nil {
		t.Fatal(err)
	}
	job := jobs.NewJob(e, bank, 77)
	stored := func() (int64, int64) {
		t.Helper()
		var r jobs.Run
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
		{1, 0, 1, 0},             // an unknown total (0) is a new total
		{50, 0, 1, 0},            // moved 49 < 100: not written
		{101, 0, 101, 0},         // moved 100
	} {
		if err := job.Progress(ctx, step.done, step.total); err != nil {
			t.Fatal(err)
		}
		if d, tot := stored(); d != step.wantDone || tot != step.wantTotal {
			t.Fatalf("after Progress(%d, %d): stored %d of %d, want %d of %d", step.done, step.total, d, tot, step.wantDone, step.wantTotal)
		}
	}
	// Another tenant's job of the same River id is not touched.
	other := jobs.NewJob(e, testkit.InsertTenant(t, db, "bank-b"), 77)
	if err := other.Progress(ctx, 1, 1); err != nil {
		t.Fatal(err)
	}
	if d, tot := stored(); d != 101 || tot != 0 {
		t.Fatalf("another tenant's report changed this run to %d of %d", d, tot)
	}
}

// A run shows what River knows when its worker could not record an ending.
func TestSettleShowsRiversStateOfUnfinishedRuns(t *testing.T) {
	vanished := "the job stopped without finishing"
	for _, c := range []struct {
		name    string
		run     jobs.State
		state   string
		attempt int
		found   bool
		want    jobs.State
		err     string
	}{
		{"gone from River", jobs.Running, "", 0, false, jobs.Failed, vanished},
		{"given up (killed on the last attempt)", jobs.Running, "discarded", 3, true, jobs.Failed, vanished},
		{"cancelled", jobs.Queued, "cancelled", 0, true, jobs.Failed, vanished},
		{"completed, not recorded", jobs.Running, "completed", 1, true, jobs.Completed, ""},
		{"rescued from a dead process", jobs.Running, "retryable", 1, true, jobs.Retrying, ""},
		{"due again", jobs.Retrying, "available", 2, true, jobs.Retrying, ""},
		{"picked up", jobs.Queued, "running", 1, true, jobs.Running, ""},
		{"waiting", jobs.Queued, "available", 0, true, jobs.Queued, ""},
		{"scheduled", jobs.Queued, "scheduled", 0, true, jobs.Queued, ""},
	} {
		r := jobs.Run{State: c.run}
		jobs.Settle(&r, c.state, c.attempt, c.found)
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
	e := jobs.New(db, jobs.Options{Log: quietLog()})
	hour := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		at   time.Time
		want bool
	}{
		{hour.Add(time.Second), true},       // the period's first job
		{hour.Add(59 * time.Minute), false}, // the same period again
		{hour.Add(time.Hour), true},         // the next period
	} {
		inserted, err := jobs.InsertPeriodic(ctx, e, "tick", time.Hour, c.at)
		if err != nil {
			t.Fatal(err)
		}
		if inserted != c.want {
			t.Errorf("job for %v: inserted %v, want %v", c.at, inserted, c.want)
		}
	}
	if got := jobs.NextRun(time.Hour, hour.Add(17*time.Minute)); !got.Equal(hour.Add(time.Hour)) {
		t.Fatalf("next run after 09:17 is %v, want 10:00", got)
	}
}

// Every text the engine writes as a job's error is in the catalogue.
func TestEngineErrorTextsAreInTheCatalogue(t *testing.T) {
	for _, m := range jobs.EngineTexts {
		if !apperr.Known(m) {
			t.Errorf("%q is not in the catalogue", m)
		}
	}
}
