package cases_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/testkit"
)

// A published case past its review-by date is announced to HR once, however
// often the job runs; re-verified, it is announced again when the new date
// comes, once.
func TestReviewDueNotifiesHROnce(t *testing.T) {
	env := testkit.New(t)
	id := publish(t, env.Login("demo", "emp.north.1"), env.Login("demo", "mgr.north"), body("Review due", nil))
	tn, err := env.App.Org.TenantBySlug(context.Background(), "demo")
	if err != nil {
		t.Fatal(err)
	}
	perUser := func() map[int64]int {
		t.Helper()
		var rows []struct {
			UserID int64
			N      int
		}
		if err := env.App.DB.R.Raw("SELECT user_id, COUNT(*) AS n FROM notifications WHERE tenant_id = ? AND kind = ? AND subject_id = ? GROUP BY user_id",
			tn.ID, cases.NotifyDue, id).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		out := map[int64]int{}
		for _, r := range rows {
			out[r.UserID] = r.N
		}
		return out
	}
	run := func() {
		t.Helper()
		for range 2 {
			if err := env.App.Cases.NotifyDueAll(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
	}
	run()
	if n := perUser(); len(n) != 0 {
		t.Fatalf("a case not yet due was announced: %v", n)
	}
	env.Clock.Advance(3 * 365 * 24 * time.Hour)
	run()
	first := perUser()
	if len(first) == 0 {
		t.Fatal("HR was not told the case is due")
	}
	for u, n := range first {
		if n != 1 {
			t.Errorf("user %d told %d times", u, n)
		}
	}
	hr := env.Login("demo", "hr")
	next := env.Clock.Now().Add(365 * 24 * time.Hour).UTC().Format(time.RFC3339)
	must(t, hr, 200, "POST", fmt.Sprintf("/api/v1/cases/%d/reverify", id), map[string]any{"review_by": next})
	run()
	for u, n := range perUser() {
		if n != 1 {
			t.Errorf("after re-verifying, user %d told %d times before the new date", u, n)
		}
	}
	env.Clock.Advance(2 * 365 * 24 * time.Hour)
	run()
	for u, n := range perUser() {
		if n != 2 {
			t.Errorf("at the new date, user %d told %d times in all, want 2", u, n)
		}
	}
}
