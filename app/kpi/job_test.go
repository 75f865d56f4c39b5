package kpi_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/testkit"
)

// HR's recompute request runs as a background job: the job engine picks it
// up, the period's results follow the data, and the job's row shows its
// progress done.
func TestRecomputeRunsAsAJob(t *testing.T) {
	b, _ := handTenant(t)
	hr := b.env.Login("demo", "hr")
	// C gets ten more ratings of 5 in November: now rankable.
	b.rollups(t, 202611,
		roll(b.branch["north-chaoyang"].ID, b.user["emp.north.1"], 20, 20, 90000, 10, 9, 1),
		roll(b.branch["south"].ID, b.user["emp.south.1"], 12, 12, 60000, 4, 4, 0),
		roll(b.branch["north"].ID, b.user["staff.north.1"], 12, 12, 60000, 0, 0, 0))
	st, body := hr.Do("POST", "/api/v1/kpi/recompute", map[string]string{"period": "2026-11"})
	if st != 202 {
		t.Fatalf("recompute: %d %s", st, body)
	}
	id := testkit.JSON[struct {
		JobID int64 `json:"job_id"`
	}](t, body).JobID
	if err := b.env.App.Jobs.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = b.env.App.Jobs.Stop(ctx)
	})
	deadline := time.Now().Add(90 * time.Second)
	var run jobs.Run
	for {
		var err error
		if run, err = jobs.Get(context.Background(), b.env.App.DB, b.tid, id); err != nil {
			t.Fatal(err)
		}
		if run.State == jobs.Completed || run.State == jobs.Failed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the recompute job is still %s", run.State)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if run.State != jobs.Completed || run.Kind != "kpi.recompute" || run.Done != 3 || run.Total != 3 {
		t.Fatalf("job: %+v", run)
	}
	c := b.resultOf(t, "2026-11", "staff.north.1")
	if c == nil || !c.Rankable || c.CompositeMilli == nil {
		t.Fatalf("C after the job: %+v", c)
	}
	var card struct {
		Of int `json:"of"`
	}
	if err := json.Unmarshal(c.Breakdown, &card); err != nil || card.Of != 3 {
		t.Errorf("C's card after the job: %s (%v), want three rankable people", c.Breakdown, err)
	}
}
