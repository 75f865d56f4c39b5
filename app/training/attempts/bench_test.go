package attempts_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/scenarios/library"
)

// BenchmarkApplyChoice measures one reply as the API applies it: load the
// attempt and its state, run the engine, score when it ends, save. It
// reports the 99th percentile besides the mean.
func BenchmarkApplyChoice(b *testing.B) {
	env := testkit.New(b)
	emp := env.Login("demo", "emp.south.1")
	st, body := emp.Do("GET", "/api/v1/me", nil)
	if st != 200 {
		b.Fatal(body)
	}
	me := testkit.JSON[struct {
		User struct {
			ID       int64 `json:"id"`
			BranchID int64 `json:"branch_id"`
		} `json:"user"`
		Tenant struct{ ID int64 }    `json:"tenant"`
		Branch struct{ Path string } `json:"branch"`
	}](b, body)
	ctx := context.Background()
	svc := env.App.Attempts
	p := &access.Principal{TenantID: me.Tenant.ID, UserID: me.User.ID, BranchID: me.User.BranchID, BranchPath: me.Branch.Path}
	if err := env.App.Org.Refresh(ctx, p); err != nil {
		b.Fatal(err)
	}
	s, _ := library.ByID("salary-to-fixed-deposit")
	first := s.Turn(s.Start).Choices[0].ID
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		a, _, err := svc.Start(ctx, p, s.ID)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		if _, _, _, err := svc.Act(ctx, p, a.ID, attempts.Move{Kind: "choose", ChoiceID: first, ElapsedMs: 1000}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
