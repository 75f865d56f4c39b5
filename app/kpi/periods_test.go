package kpi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

func (b *bank) resultOf(t *testing.T, key, username string) *kpi.Result {
	t.Helper()
	var rows []kpi.Result
	if err := b.env.App.DB.R.Scopes(store.Tenant(b.tid)).Where("period_key = ? AND employee_id = ?", key, b.user[username]).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		return nil
	}
	return &rows[0]
}

// A new scheme version applies from its month on: October, closed by the
// demo seed, keeps the seed's scheme even when HR reopens and recomputes
// it; November takes the new one. A version may not start in a closed
// period, and nothing about the refused request is stored.
func TestSchemeVersionsAcrossPeriods(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	seedScheme := b.resultOf(t, "2026-10", "emp.north.1").SchemeID
	b.rollups(t, 202611, roll(b.branch["north-chaoyang"].ID, b.user["emp.north.1"], 12, 12, 54000, 0, 0, 0))
	b.recompute(t, "2026-11")
	if got := b.resultOf(t, "2026-11", "emp.north.1").SchemeID; got != seedScheme {
		t.Fatalf("November before the new version: scheme %d, want the seed's %d", got, seedScheme)
	}

	st, body := hr.Do("POST", "/api/v1/kpi/schemes", map[string]any{"name": "In a closed month", "valid_from": "2026-10",
		"metrics": []any{metric("satisfaction", 100, 3, 5, "higher", 10)}})
	if st != 422 || !strings.Contains(body, `"location":"body.valid_from"`) || !strings.Contains(body, "2026-10") {
		t.Errorf("a scheme starting in closed October: %d %s", st, body)
	}
	var n int64
	if err := b.env.App.DB.R.Model(&kpi.Scheme{}).Scopes(store.Tenant(b.tid)).Count(&n).Error; err != nil || n != 1 {
		t.Errorf("schemes after the refusal: %d, %v; want the seed's only", n, err)
	}

	v2 := b.scheme(t, hr, "2026-11", metric("satisfaction", 100, 3, 5, "higher", 10))
	b.recompute(t, "2026-11")
	nov := b.resultOf(t, "2026-11", "emp.north.1")
	if nov.SchemeID != v2 {
		t.Errorf("November after the new version: scheme %d, want %d", nov.SchemeID, v2)
	}
	// Satisfaction alone, 12 ratings of 4.5 against the month's mean 4.5:
	// credible 4.5, linear 3→5: 75.
	if nov.CompositeMilli == nil || *nov.CompositeMilli != 75000 {
		t.Errorf("November composite %v, want 75000", nov.CompositeMilli)
	}
	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-10/reopen", map[string]string{"reason": "a late correction"}); st != 200 {
		t.Fatalf("reopen October: %d %s", st, body)
	}
	b.recompute(t, "2026-10")
	if got := b.resultOf(t, "2026-10", "emp.north.1").SchemeID; got != seedScheme {
		t.Errorf("October recomputed after the new version: scheme %d, want the seed's %d", got, seedScheme)
	}
	schemes := get[struct{ Items []kpi.SchemeView }](t, hr, "/api/v1/kpi/schemes", 200)
	if len(schemes.Items) != 2 || schemes.Items[0].ID != v2 || schemes.Items[0].ValidFrom != "2026-11" {
		t.Errorf("schemes, newest first: %+v", schemes.Items)
	}
}

func TestBadSchemesAreRefusedWithTheField(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	for _, c := range []struct {
		name     string
		body     map[string]any
		location string
	}{
		{"weights sum to 90", map[string]any{"name": "x", "valid_from": "2026-12", "metrics": []any{
			metric("satisfaction", 60, 3, 5, "higher", 10), metric("complaint_rate", 30, 0.2, 0, "lower", 10)}}, "body.metrics"},
		{"unknown metric", map[string]any{"name": "x", "valid_from": "2026-12", "metrics": []any{metric("happiness", 100, 3, 5, "higher", 10)}}, "body.metrics[0].metric"},
		{"unknown business metric", map[string]any{"name": "x", "valid_from": "2026-12", "metrics": []any{metric("business:nothing", 100, 0, 5, "higher", 1)}}, "body.metrics[0].metric"},
		{"floor equals target", map[string]any{"name": "x", "valid_from": "2026-12", "metrics": []any{metric("satisfaction", 100, 4, 4, "higher", 10)}}, "body.metrics[0].target"},
		{"negative min sample", map[string]any{"name": "x", "valid_from": "2026-12", "min_sample": -1, "metrics": []any{metric("satisfaction", 100, 3, 5, "higher", 10)}}, "body.min_sample"},
		{"a quarter is not a month", map[string]any{"name": "x", "valid_from": "2026-Q4", "metrics": []any{metric("satisfaction", 100, 3, 5, "higher", 10)}}, "body.valid_from"},
		{"auditors take no KPI", map[string]any{"name": "x", "role": "auditor", "valid_from": "2026-12", "metrics": []any{metric("satisfaction", 100, 3, 5, "higher", 10)}}, "body.role"},
	} {
		st, body := hr.Do("POST", "/api/v1/kpi/schemes", c.body)
		if st != 422 || !strings.Contains(body, `"location":"`+c.location+`"`) {
			t.Errorf("%s: %d %s, want 422 at %s", c.name, st, body, c.location)
		}
	}
	var n int64
	if err := b.env.App.DB.R.Model(&kpi.Scheme{}).Scopes(store.Tenant(b.tid)).Count(&n).Error; err != nil || n != 1 {
		t.Errorf("schemes after the refusals: %d, %v; want the seed's only", n, err)
	}
	// In Chinese, with the sum.
	st, body := hr.Header("Accept-Language", "zh-CN").Do("POST", "/api/v1/kpi/schemes", map[string]any{"name": "x", "valid_from": "2026-12",
		"metrics": []any{metric("satisfaction", 90, 3, 5, "higher", 10)}})
	if st != 422 || !strings.Contains(body, "权重之和必须为 100（当前为 90）") {
		t.Errorf("in Chinese: %d %s", st, body)
	}
}

// Closing computes a period a last time and freezes it: no recompute
// changes it, new data for it does not reach it, HR's recompute request is
// refused; reopening (with a reason) lets it follow the data again. Both
// steps are audited.
func TestCloseFreezesAndReopenThaws(t *testing.T) {
	b, _ := handTenant(t)
	b.env.Clock.Advance(31 * 24 * time.Hour) // into December: November has ended
	hr := b.env.Login("demo", "hr")
	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-12/close", nil); st != 422 || !strings.Contains(body, "path.key") {
		t.Errorf("closing the current month: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-13/close", nil); st != 422 {
		t.Errorf("closing no period: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-11/close", nil); st != 200 || !strings.Contains(body, `"state":"closed"`) {
		t.Fatalf("close November: %d %s", st, body)
	}
	if st, _ := hr.Do("POST", "/api/v1/kpi/periods/2026-11/close", nil); st != 409 {
		t.Errorf("closing November twice: %d, want 409", st)
	}
	before := b.resultOf(t, "2026-11", "emp.north.1")

	// More feedback for A arrives for November: the frozen result stays.
	b.rollups(t, 202611, roll(b.branch["north-chaoyang"].ID, b.user["emp.north.1"], 40, 40, 200000, 0, 0, 0))
	err := b.env.App.KPI.Recompute(context.Background(), b.tid, "2026-11")
	if !kpi.IsClosedErr(err) {
		t.Errorf("recompute of closed November: %v, want the closed answer", err)
	}
	if st, body := hr.Do("POST", "/api/v1/kpi/recompute", map[string]string{"period": "2026-11"}); st != 409 || !strings.Contains(body, "body.period") {
		t.Errorf("HR's recompute of closed November: %d %s", st, body)
	}
	after := b.resultOf(t, "2026-11", "emp.north.1")
	if *after.CompositeMilli != *before.CompositeMilli || !after.ComputedAt.Equal(before.ComputedAt) {
		t.Errorf("closed November changed: %v → %v", *before.CompositeMilli, *after.CompositeMilli)
	}

	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-11/reopen", map[string]string{"reason": " "}); st != 422 || !strings.Contains(body, "body.reason") {
		t.Errorf("reopen without a reason: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-12/reopen", map[string]string{"reason": "why not"}); st != 409 {
		t.Errorf("reopen an open month: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/kpi/periods/2026-11/reopen", map[string]string{"reason": "late complaints"}); st != 200 || !strings.Contains(body, `"state":"open"`) {
		t.Fatalf("reopen November: %d %s", st, body)
	}
	b.recompute(t, "2026-11")
	if thawed := b.resultOf(t, "2026-11", "emp.north.1"); *thawed.CompositeMilli == *before.CompositeMilli {
		t.Errorf("reopened November did not follow the data: %v", *thawed.CompositeMilli)
	}
	var entries []audit.Entry
	if err := b.env.App.DB.R.Scopes(store.Tenant(b.tid)).Where("target_type = ? AND target_id = ?", "kpi_period", "2026-11").Order("id").Find(&entries).Error; err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action+" by "+e.ActorName)
	}
	if got := strings.Join(actions, "; "); got != "kpi.period.close by 人力资源部 周敏; kpi.period.reopen by 人力资源部 周敏" {
		t.Errorf("audit of November: %s", got)
	}
	if len(entries) == 2 && (entries[1].AfterJSON == nil || !strings.Contains(*entries[1].AfterJSON, "late complaints")) {
		t.Errorf("the reopen's reason is not in the audit: %v", entries[1].AfterJSON)
	}
	// Managers read periods but change none.
	mgr := b.env.Login("demo", "mgr.north")
	if st, _ := mgr.Do("POST", "/api/v1/kpi/periods/2026-11/close", nil); st != 403 {
		t.Errorf("a manager closes a period: %d", st)
	}
	ps := get[struct{ Items []kpi.PeriodView }](t, mgr, "/api/v1/kpi/periods?kind=month", 200)
	if len(ps.Items) != 12 || ps.Items[11].Key != "2026-12" || !ps.Items[11].Current || ps.Items[10].State != "open" || ps.Items[9].State != "closed" {
		t.Errorf("months: %+v", ps.Items)
	}
}

// forgetRecomputes drops the recomputes the demo's own feedback queued (the
// engine does not run in tests), so a test counts only what it causes.
func forgetRecomputes(t *testing.T, b *bank) {
	t.Helper()
	kind := kpi.RecomputeArgs{}.Kind()
	if err := b.env.App.DB.W.Scopes(store.Tenant(b.tid)).Where("kind = ?", kind).Delete(&jobs.Run{}).Error; err != nil {
		t.Fatal(err)
	}
	if err := b.env.App.DB.W.Exec("DELETE FROM river_job WHERE kind = ?", kind).Error; err != nil {
		t.Fatal(err)
	}
}

// recomputeJobs counts the bank's queued KPI recomputes.
func recomputeJobs(t *testing.T, b *bank) int64 {
	t.Helper()
	var n int64
	if err := b.env.App.DB.R.Model(&jobs.Run{}).Scopes(store.Tenant(b.tid)).Where("kind = ?", kpi.RecomputeArgs{}.Kind()).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// A burst of changes queues one recompute per period, not one per change.
func TestChangedQueuesEachOpenPeriodOnce(t *testing.T) {
	b := demoBank(t)
	forgetRecomputes(t, b)
	change := func(months ...int) {
		t.Helper()
		if err := b.env.App.DB.Tx(context.Background(), func(tx *gorm.DB) error { return b.env.App.KPI.Changed(tx, b.tid, months) }); err != nil {
			t.Fatal(err)
		}
	}
	change(202610) // October is closed by the seed: only its quarter and year
	if n := recomputeJobs(t, b); n != 2 {
		t.Fatalf("jobs after a change in October: %d, want 2026-Q4 and 2026", n)
	}
	change(202611, 202611, 202610)
	if n := recomputeJobs(t, b); n != 3 {
		t.Fatalf("jobs after a change in November: %d, want 2026-11, 2026-Q4 and 2026", n)
	}
	for i := 0; i < 5; i++ {
		change(202611)
	}
	if n := recomputeJobs(t, b); n != 3 {
		t.Errorf("jobs after six changes: %d, want still 3", n)
	}
	change(202512) // a closed month of a closed quarter, in an open year
	if n := recomputeJobs(t, b); n != 4 {
		t.Errorf("jobs after a change in December 2025: %d, want 4 (the year 2025)", n)
	}
	change(0, 202613, -5) // nonsense months are ignored
	if n := recomputeJobs(t, b); n != 4 {
		t.Errorf("jobs after nonsense: %d", n)
	}
}

// A scheme version for a role overrides the tenant default for the people
// holding that role; everyone else keeps the default. A manager is measured
// as a manager even when employees have their own version.
func TestRoleOverrideBeatsTheDefault(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	def := b.scheme(t, hr, "2026-11", metric("satisfaction", 100, 3, 5, "higher", 10))
	st, body := hr.Do("POST", "/api/v1/kpi/schemes", map[string]any{"name": "Managers", "role": "manager", "valid_from": "2026-11",
		"metrics": []any{metric("resolution_rate", 100, 0.5, 1, "higher", 1)}})
	if st != 200 {
		t.Fatalf("manager scheme: %d %s", st, body)
	}
	mgrScheme := testkit.JSON[kpi.SchemeView](t, body).ID
	b.recompute(t, "2026-11")
	for user, want := range map[string]int64{"mgr.north": mgrScheme, "mgr.chaoyang": mgrScheme, "emp.north.1": def, "hr": def} {
		r := b.resultOf(t, "2026-11", user)
		if r == nil || r.SchemeID != want {
			t.Errorf("%s: result %+v, want scheme %d", user, r, want)
		}
	}
	// An override for employees reaches everyone who is not measured by a
	// more particular role: managers keep theirs.
	st, body = hr.Do("POST", "/api/v1/kpi/schemes", map[string]any{"name": "Employees", "role": "employee", "valid_from": "2026-11",
		"metrics": []any{metric("complaint_rate", 100, 0.2, 0, "lower", 1)}})
	if st != 200 {
		t.Fatalf("employee scheme: %d %s", st, body)
	}
	empScheme := testkit.JSON[kpi.SchemeView](t, body).ID
	b.recompute(t, "2026-11")
	for user, want := range map[string]int64{"mgr.north": mgrScheme, "emp.north.1": empScheme, "hr": empScheme} {
		r := b.resultOf(t, "2026-11", user)
		if r == nil || r.SchemeID != want {
			t.Errorf("%s: result %+v, want scheme %d", user, r, want)
		}
	}
	// The auditor holds no employee role and has no feedback: no result.
	if r := b.resultOf(t, "2026-11", "auditor"); r != nil {
		t.Errorf("the auditor has a KPI result: %+v", r)
	}
}

// A change seen while its period's recompute runs (it may have read the
// data before the change) queues one follow-up behind it, not more.
func TestAChangeDuringARecomputeQueuesAFollowUp(t *testing.T) {
	b := demoBank(t)
	forgetRecomputes(t, b)
	change := func() {
		t.Helper()
		if err := b.env.App.DB.Tx(context.Background(), func(tx *gorm.DB) error { return b.env.App.KPI.Changed(tx, b.tid, []int{202611}) }); err != nil {
			t.Fatal(err)
		}
	}
	change()
	if n := recomputeJobs(t, b); n != 3 {
		t.Fatalf("jobs: %d, want 3", n)
	}
	// The worker has taken them: job_runs says so (River's own row is not
	// consulted by the check).
	if err := b.env.App.DB.W.Model(&jobs.Run{}).Scopes(store.Tenant(b.tid)).Where("kind = ?", "kpi.recompute").Update("state", jobs.Running).Error; err != nil {
		t.Fatal(err)
	}
	change()
	change()
	if n := recomputeJobs(t, b); n != 6 {
		t.Errorf("jobs after two changes during the run: %d, want 6 (one follow-up per period)", n)
	}
}
