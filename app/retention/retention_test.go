package retention_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// purge runs the retention module's periodic job, as the job engine would.
func purge(t *testing.T, env *testkit.Env) {
	t.Helper()
	for _, m := range env.App.Modules {
		if m.Name == "retention" {
			if err := m.Periodic[0].Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("no retention module")
}

func count(t *testing.T, env *testkit.Env, sql string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := env.App.DB.R.Raw(sql, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// playTyped finishes, as c, a built-in scenario whose way to a resolved
// ending has a typed reply, and returns the attempt's id.
func playTyped(t *testing.T, c *testkit.Client) int64 {
	t.Helper()
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		for _, e := range sc.Endings {
			moves := scenarios.PathsToEndings(sc)[e.ID]
			typed := false
			for _, m := range moves {
				typed = typed || m.Text != ""
			}
			if e.Kind != "resolved" || !typed {
				continue
			}
			a := testkit.Start(t, c, sc.ID)
			for _, m := range moves {
				verb, body := "choose", map[string]any{"choice_id": m.Choice}
				if m.Text != "" {
					verb, body = "answer", map[string]any{"text": m.Text}
				}
				if st, _, raw := testkit.Act(t, c, a.ID, verb, body); st != 200 {
					t.Fatalf("%s %s: %d %s", sc.ID, verb, st, raw)
				}
				if m.Confirm {
					if st, _, raw := testkit.Act(t, c, a.ID, "confirm", nil); st != 200 {
						t.Fatalf("%s confirm: %d %s", sc.ID, st, raw)
					}
				}
			}
			return a.ID
		}
	}
	t.Fatal("no built-in scenario has a typed reply on its way to a resolved ending")
	return 0
}

func TestRetentionSettingsRefuseBadPeriods(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	st, raw := admin.Do("PUT", "/api/v1/retention", map[string]any{"typed_replies_days": 29, "feedback_comments_days": 4000, "notifications_days": 90})
	if st != 422 || !strings.Contains(raw, "body.typed_replies_days") || !strings.Contains(raw, "body.feedback_comments_days") {
		t.Fatalf("periods out of bounds: %d %s", st, raw)
	}
	if got := testkit.MustGet(t, admin, "/api/v1/retention"); !strings.Contains(got, `"typed_replies_days":730,"feedback_comments_days":1095,"notifications_days":365`) {
		t.Fatalf("a refused change changed the settings: %s", got)
	}
	if st, raw := env.Login("demo", "hr").Do("PUT", "/api/v1/retention", map[string]any{"typed_replies_days": nil, "feedback_comments_days": nil, "notifications_days": 90}); st != 403 {
		t.Fatalf("HR set the bank's retention: %d %s", st, raw)
	}
}

// Data past its period goes, newer data stays, results do not move, the
// audit log only grows, and a second run changes nothing.
func TestRetentionPurgesOldPersonalData(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1")
	oldAttempt := playTyped(t, emp)
	env.Clock.Advance(40 * 24 * time.Hour)
	emp = env.Login("demo", "emp.south.1")
	newAttempt := playTyped(t, emp)
	now := env.Clock.Now()

	// Only the demo bank sets periods; demo2 keeps everything.
	const (
		demo        = `tenant_id = (SELECT id FROM tenants WHERE slug = 'demo')`
		oldComments = `SELECT COUNT(*) FROM feedback_records WHERE ` + demo + ` AND comment <> '' AND occurred_at < ?`
		newComments = `SELECT COUNT(*) FROM feedback_records WHERE ` + demo + ` AND comment <> '' AND occurred_at >= ?`
		oldNotes    = `SELECT COUNT(*) FROM notifications WHERE ` + demo + ` AND created_at < ?`
		keptNotes   = `SELECT COUNT(*) FROM notifications WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'demo2') AND created_at < ?`
		textOf      = `SELECT COUNT(*) FROM training_attempts WHERE id = ? AND state_json LIKE '%"text":%'`
		scoreSum    = `SELECT COALESCE(SUM(score_milli), 0) + COUNT(*) FROM feedback_records`
		rollupSum   = `SELECT COALESCE(SUM(score_sum_milli), 0) + COALESCE(SUM(records), 0) FROM feedback_rollups`
		audits      = `SELECT COUNT(*) FROM audit_log`
	)
	commentCut, noteCut := now.AddDate(0, 0, -90), now.AddDate(0, 0, -30)
	if count(t, env, oldComments, commentCut) == 0 || count(t, env, newComments, commentCut) == 0 ||
		count(t, env, oldNotes, noteCut) == 0 || count(t, env, textOf, oldAttempt) != 1 || count(t, env, textOf, newAttempt) != 1 {
		t.Fatal("the demo data no longer has old and new comments, old notifications and typed replies to test with")
	}
	scores, rollups, auditsBefore, demo2Notes := count(t, env, scoreSum), count(t, env, rollupSum), count(t, env, audits), count(t, env, keptNotes, noteCut)
	if demo2Notes == 0 {
		t.Fatal("demo2 has no old notifications to show that it keeps them")
	}

	admin := env.Login("demo", "admin")
	if st, raw := admin.Do("PUT", "/api/v1/retention", map[string]any{"typed_replies_days": 30, "feedback_comments_days": 90, "notifications_days": 30}); st != 200 {
		t.Fatalf("set retention: %d %s", st, raw)
	}
	purge(t, env)

	if n := count(t, env, oldComments, commentCut); n != 0 {
		t.Errorf("%d comments past 90 days remain", n)
	}
	if count(t, env, newComments, commentCut) == 0 {
		t.Error("comments within 90 days were removed")
	}
	if n := count(t, env, oldNotes, noteCut); n != 0 {
		t.Errorf("%d notifications past 30 days remain", n)
	}
	if n := count(t, env, keptNotes, noteCut); n != demo2Notes {
		t.Errorf("another bank, which set no period, lost %d notifications", demo2Notes-n)
	}
	if count(t, env, textOf, oldAttempt) != 0 || count(t, env, `SELECT COUNT(*) FROM training_attempts WHERE id = ? AND state_json LIKE '%"redacted":true%'`, oldAttempt) != 1 {
		t.Error("the typed replies of a 40-day-old attempt were not redacted")
	}
	for _, path := range []string{"/api/v1/training/attempts/%d", "/api/v1/training/attempts/%d/debrief"} {
		if body := testkit.MustGet(t, emp, fmt.Sprintf(path, oldAttempt)); !strings.Contains(body, scenarios.RedactedReply[scenarios.LocaleZH]) {
			t.Errorf("%s does not say the reply was removed: %s", path, body)
		}
	}
	if count(t, env, textOf, newAttempt) != 1 {
		t.Error("the typed replies of today's attempt were removed")
	}
	if count(t, env, scoreSum) != scores || count(t, env, rollupSum) != rollups {
		t.Error("removing comments changed scores or rollups")
	}
	if got := count(t, env, audits); got != auditsBefore+2 { // the settings change and the run
		t.Errorf("audit_log has %d rows, want %d: retention must only add to it", got, auditsBefore+2)
	}
	runs := testkit.JSON[struct {
		Items []struct {
			TypedReplies     int `json:"typed_replies"`
			FeedbackComments int `json:"feedback_comments"`
			Notifications    int `json:"notifications"`
		}
	}](t, testkit.MustGet(t, admin, "/api/v1/retention/runs"))
	if len(runs.Items) != 1 || runs.Items[0].TypedReplies == 0 || runs.Items[0].FeedbackComments == 0 || runs.Items[0].Notifications == 0 {
		t.Fatalf("runs: %+v", runs.Items)
	}

	purge(t, env)
	if got := count(t, env, audits); got != auditsBefore+2 {
		t.Errorf("a second run with nothing to remove wrote %d audit rows", got-auditsBefore-2)
	}
	if n := count(t, env, `SELECT COUNT(*) FROM retention_runs`); n != 1 {
		t.Errorf("a second run with nothing to remove recorded a run (%d runs)", n)
	}
}
