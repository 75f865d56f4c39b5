package feedback_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// as is a demo user as a service principal, with a context carrying it.
func as(t testing.TB, env *testkit.Env, slug, username string) (context.Context, *access.Principal) {
	t.Helper()
	ctx := context.Background()
	tn, err := env.App.Org.TenantBySlug(ctx, slug)
	if err != nil || tn == nil {
		t.Fatalf("tenant %s: %v", slug, err)
	}
	var u org.User
	if err := env.App.DB.R.Scopes(store.Tenant(tn.ID)).Where("username = ?", username).Take(&u).Error; err != nil {
		t.Fatalf("%s/%s: %v", slug, username, err)
	}
	var b org.Branch
	if err := env.App.DB.R.Scopes(store.Tenant(tn.ID)).Where("id = ?", u.BranchID).Take(&b).Error; err != nil {
		t.Fatal(err)
	}
	p := &access.Principal{TenantID: tn.ID, TenantSlug: slug, UserID: u.ID, Username: u.Username, DisplayName: u.DisplayName, BranchID: b.ID, BranchPath: b.Path}
	if err := env.App.Org.Refresh(ctx, p); err != nil {
		t.Fatal(err)
	}
	return access.With(ctx, p), p
}

// rollups are the stored rollups of a tenant, as comparable strings.
func rollups(t testing.TB, env *testkit.Env, tenantID int64) []string {
	t.Helper()
	var rs []feedback.Rollup
	if err := env.App.DB.R.Scopes(store.Tenant(tenantID)).Where("records <> 0").Find(&rs).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%d/%d/%d %+v", r.Month, r.BranchID, r.EmployeeID, r.Tally))
	}
	sort.Strings(out)
	return out
}

// recount is the rollups recomputed from the raw records with one GROUP BY.
func recount(t testing.TB, env *testkit.Env, tenantID int64) []string {
	t.Helper()
	var rs []struct {
		Month      int
		BranchID   int64
		EmployeeID int64
		feedback.Tally
	}
	err := env.App.DB.R.Raw(`SELECT month, branch_id, COALESCE(employee_id, 0) AS employee_id,
		COUNT(*) AS records, COUNT(score_milli) AS ratings, COALESCE(SUM(score_milli), 0) AS score_sum_milli,
		COUNT(resolved) AS problems, SUM(CASE WHEN resolved THEN 1 ELSE 0 END) AS resolved,
		SUM(CASE WHEN complaint THEN 1 ELSE 0 END) AS complaints
		FROM feedback_records WHERE tenant_id = ? AND NOT excluded
		GROUP BY month, branch_id, COALESCE(employee_id, 0)`, tenantID).Scan(&rs).Error
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%d/%d/%d %+v", r.Month, r.BranchID, r.EmployeeID, r.Tally))
	}
	sort.Strings(out)
	return out
}

func sameRollups(t testing.TB, env *testkit.Env, tenantID int64, when string) {
	t.Helper()
	got, want := rollups(t, env, tenantID), recount(t, env, tenantID)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		n := min(len(got), len(want))
		for i := 0; i < n; i++ {
			if got[i] != want[i] {
				t.Fatalf("%s: rollups differ from a recount at %d:\n  rollup  %s\n  recount %s\n(%d rollups, %d recounted)", when, i, got[i], want[i], len(got), len(want))
			}
		}
		t.Fatalf("%s: %d rollups, %d recounted", when, len(got), len(want))
	}
}

func countRecords(t testing.TB, env *testkit.Env, tenantID int64, source string) int64 {
	t.Helper()
	var n int64
	if err := env.App.DB.R.Model(&feedback.Record{}).Scopes(store.Tenant(tenantID)).Where("source = ?", source).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// asID is as for a user known by id.
func asID(t testing.TB, env *testkit.Env, tenantID, userID int64) (context.Context, *access.Principal) {
	t.Helper()
	var u org.User
	if err := env.App.DB.R.Scopes(store.Tenant(tenantID)).Where("id = ?", userID).Take(&u).Error; err != nil {
		t.Fatal(err)
	}
	var slug string
	if err := env.App.DB.R.Model(&org.Tenant{}).Where("id = ?", tenantID).Pluck("slug", &slug).Error; err != nil {
		t.Fatal(err)
	}
	return as(t, env, slug, u.Username)
}
