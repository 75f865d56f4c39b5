package feedback_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// The demo seed itself must leave rollups equal to a recount.
func TestDemoRollupsEqualARecount(t *testing.T) {
	env := testkit.New(t)
	_, hr := as(t, env, "demo", "hr")
	sameRollups(t, env, hr.TenantID, "after the demo seed")
	var weak, strong float64
	for code, into := range map[string]*float64{"east-xuhui": &weak, "east-pudong": &strong} {
		var sum, n int64
		row := env.App.DB.R.Raw(`SELECT COALESCE(SUM(r.score_sum_milli), 0), COALESCE(SUM(r.ratings), 0) FROM feedback_rollups r
			JOIN branches b ON b.tenant_id = r.tenant_id AND b.id = r.branch_id WHERE r.tenant_id = ? AND b.code = ?`, hr.TenantID, code).Row()
		if err := row.Scan(&sum, &n); err != nil || n == 0 {
			t.Fatalf("%s: %v, %d ratings", code, err, n)
		}
		*into = float64(sum) / float64(n) / 1000
	}
	if weak >= strong-0.3 {
		t.Errorf("east-xuhui averages %.2f, east-pudong %.2f: the weak branch should be clearly weaker", weak, strong)
	}
}

// Random ingests, updates of content and appeal exclusions: after each
// step, the rollups equal a GROUP BY over the raw records.
func TestRollupsEqualARecountAfterRandomChanges(t *testing.T) {
	env := testkit.New(t)
	ctx, hr := as(t, env, "demo", "hr")
	svc := env.App.Feedback
	rng := rand.New(rand.NewPCG(7, 11))
	branches := []string{"north", "north-chaoyang", "south", "east-xuhui"}
	staff := []string{"", "XH0008", "XH0009", "XH0010", "XH0011"}
	base := env.Clock.Now().Add(-40 * 24 * time.Hour)
	random := func(ext string) feedback.RecordIn {
		r := feedback.RecordIn{ExternalID: ext, Channel: feedback.Channels[rng.IntN(len(feedback.Channels))],
			OccurredAt: base.Add(time.Duration(rng.IntN(60*24)) * time.Hour), BranchCode: branches[rng.IntN(len(branches))],
			EmployeeCode: staff[rng.IntN(len(staff))], Complaint: rng.IntN(5) == 0, Comment: fmt.Sprint(rng.IntN(3))}
		if rng.IntN(4) > 0 {
			v := float64(1 + rng.IntN(5))
			r.Score = &v
		}
		if rng.IntN(3) == 0 {
			ok := rng.IntN(2) == 0
			r.Resolved = &ok
		}
		return r
	}
	next := 0
	for step := 0; step < 25; step++ {
		var batch []feedback.RecordIn
		for i := 0; i < 1+rng.IntN(30); i++ {
			if next > 0 && rng.IntN(3) == 0 {
				batch = append(batch, random(fmt.Sprintf("P-%d", rng.IntN(next)))) // an update, or the same again
			} else {
				batch = append(batch, random(fmt.Sprintf("P-%d", next)))
				next++
			}
		}
		batch = dedupe(batch)
		if _, err := svc.IngestRecords(ctx, hr, "prop", batch); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if rng.IntN(3) == 0 {
			// An upheld appeal excludes a random record about someone.
			var recs []feedback.Record
			if err := env.App.DB.R.Scopes(store.Tenant(hr.TenantID)).Where("source = ? AND employee_id IS NOT NULL AND NOT excluded", "prop").Find(&recs).Error; err != nil {
				t.Fatal(err)
			}
			if len(recs) > 0 {
				r := recs[rng.IntN(len(recs))]
				uctx, u := asID(t, env, hr.TenantID, *r.EmployeeID)
				a, err := svc.Appeal(uctx, u, r.ID, feedback.ReasonWithdrawn, "withdrawn")
				if err != nil {
					t.Fatalf("step %d appeal: %v", step, err)
				}
				if _, err := svc.Decide(ctx, hr, a.ID, true, "upheld"); err != nil {
					t.Fatalf("step %d decide: %v", step, err)
				}
			}
		}
		sameRollups(t, env, hr.TenantID, fmt.Sprintf("step %d", step))
	}
}

func dedupe(b []feedback.RecordIn) []feedback.RecordIn {
	seen := map[string]bool{}
	var out []feedback.RecordIn
	for _, r := range b {
		if !seen[r.ExternalID] {
			seen[r.ExternalID] = true
			out = append(out, r)
		}
	}
	return out
}
