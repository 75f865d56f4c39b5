package feedback_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

func status(err error) int {
	if p, ok := err.(*apperr.Problem); ok {
		return p.Status
	}
	if err == nil {
		return 200
	}
	return 500
}

// recordAbout stores one record about code at branch and returns it.
func recordAbout(t *testing.T, env *testkit.Env, ext, branch, code string, at time.Time) feedback.Record {
	t.Helper()
	ctx, hr := as(t, env, "demo", "hr")
	v := 2.0
	if _, err := env.App.Feedback.IngestRecords(ctx, hr, "appeals", []feedback.RecordIn{{ExternalID: ext, Channel: "counter", OccurredAt: at,
		BranchCode: branch, EmployeeCode: code, Score: &v, Complaint: true}}); err != nil {
		t.Fatal(err)
	}
	var r feedback.Record
	if err := env.App.DB.R.Scopes(store.Tenant(hr.TenantID)).Where("source = ? AND external_id = ?", "appeals", ext).Take(&r).Error; err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAppealRules(t *testing.T) {
	env := testkit.New(t)
	svc := env.App.Feedback
	now := env.Clock.Now()
	// emp.south.1 (XH0009) was at north-chaoyang when this happened.
	r := recordAbout(t, env, "A-1", "north-chaoyang", "XH0009", now.Add(-2*time.Hour))
	ectx, emp := as(t, env, "demo", "emp.south.1")
	octx, other := as(t, env, "demo", "emp.north.1")

	if _, err := svc.Appeal(octx, other, r.ID, feedback.ReasonWrongPerson, "not me"); status(err) != http.StatusNotFound {
		t.Errorf("another employee appeals: %v, want 404", err)
	}
	if _, err := svc.Appeal(ectx, emp, r.ID, "bad", "x"); status(err) != http.StatusUnprocessableEntity {
		t.Errorf("unknown reason kind: %v, want 422", err)
	}
	a, err := svc.Appeal(ectx, emp, r.ID, feedback.ReasonWrongPerson, "当天我在南方分行")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Appeal(ectx, emp, r.ID, feedback.ReasonWrongPerson, "again"); status(err) != http.StatusConflict {
		t.Errorf("a second open appeal: %v, want 409", err)
	}

	// The record's branch decides who may decide: North's manager (his
	// subtree holds Chaoyang), not South's, though the person is South's now.
	sctx, south := as(t, env, "demo", "mgr.south")
	if _, err := svc.Decide(sctx, south, a.ID, true, "ok"); status(err) != http.StatusNotFound {
		t.Errorf("manager outside the record's subtree decides: %v, want 404", err)
	}
	if _, err := svc.Decide(ectx, emp, a.ID, true, "ok"); status(err) != http.StatusForbidden {
		t.Errorf("the employee decides: %v, want 403", err)
	}
	nctx, north := as(t, env, "demo", "mgr.north")
	if _, err := svc.Decide(nctx, north, a.ID, true, ""); status(err) != http.StatusUnprocessableEntity {
		t.Errorf("no reason: %v, want 422", err)
	}
	before := rollups(t, env, north.TenantID)
	d, err := svc.Decide(nctx, north, a.ID, true, "监控显示当时为其他柜员")
	if err != nil || d.State != feedback.AppealUpheld || d.DecisionReason == "" {
		t.Fatalf("uphold: %+v %v", d, err)
	}
	var after feedback.Record
	if err := env.App.DB.R.Scopes(store.Tenant(north.TenantID)).Where("id = ?", r.ID).Take(&after).Error; err != nil || !after.Excluded {
		t.Fatalf("upheld record: %+v %v (kept, excluded)", after, err)
	}
	if fmt.Sprint(rollups(t, env, north.TenantID)) == fmt.Sprint(before) {
		t.Error("an upheld appeal left the rollups as they were")
	}
	sameRollups(t, env, north.TenantID, "after the upheld appeal")
	if _, err := svc.Decide(nctx, north, a.ID, false, "again"); status(err) != http.StatusConflict {
		t.Errorf("deciding twice: %v, want 409", err)
	}
	var notes []notify.Notification
	if err := env.App.DB.R.Scopes(store.Tenant(emp.TenantID)).Where("user_id = ? AND kind = ?", emp.UserID, feedback.NotifyUpheld).Find(&notes).Error; err != nil || len(notes) != 1 {
		t.Errorf("upheld notifications: %d, %v", len(notes), err)
	}
	var audits int64
	if err := env.App.DB.R.Table("audit_log").Scopes(store.Tenant(emp.TenantID)).Where("target_type = ? AND target_id = ?", "feedback_appeal", fmt.Sprint(a.ID)).Count(&audits).Error; err != nil || audits != 2 {
		t.Errorf("audit entries of the appeal: %d, %v; want 2", audits, err)
	}

	// Rejected: the record keeps counting, the person is told.
	r2 := recordAbout(t, env, "A-2", "north-chaoyang", "XH0008", now.Add(-time.Hour))
	a2, err := svc.Appeal(octx, other, r2.ID, feedback.ReasonCustomerError, "客户误评")
	if err != nil {
		t.Fatal(err)
	}
	hctx, hr := as(t, env, "demo", "hr")
	snap := rollups(t, env, hr.TenantID)
	if d, err := svc.Decide(hctx, hr, a2.ID, false, "评价内容与录像一致"); err != nil || d.State != feedback.AppealRejected {
		t.Fatalf("reject: %+v %v", d, err)
	}
	if fmt.Sprint(rollups(t, env, hr.TenantID)) != fmt.Sprint(snap) {
		t.Error("a rejected appeal changed the rollups")
	}

	// The window: 30 days from when the record arrived.
	r3 := recordAbout(t, env, "A-3", "north-chaoyang", "XH0008", now.Add(-time.Hour))
	env.Clock.Advance(31 * 24 * time.Hour)
	octx, other = as(t, env, "demo", "emp.north.1")
	if _, err := svc.Appeal(octx, other, r3.ID, feedback.ReasonWithdrawn, "late"); status(err) != http.StatusConflict {
		t.Errorf("after the window: %v, want 409", err)
	}
}

func TestBatchErrorsNameTheFieldAndStoreNothing(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	at := env.Clock.Now().Add(-time.Hour).Format(time.RFC3339)
	st, body := hr.Do("POST", "/api/v1/feedback/records/batch", map[string]any{"source": "api", "records": []map[string]any{
		{"external_id": "B-1", "channel": "counter", "occurred_at": at, "branch_code": "north", "score": 5},
		{"external_id": "B-2", "channel": "counter", "occurred_at": at, "branch_code": "north", "employee_code": "NOPE", "score": 5},
		{"external_id": "B-3", "channel": "app", "occurred_at": at, "branch_code": "north", "score": 7},
	}})
	if st != 422 || !strings.Contains(body, `"location":"body.records[1].employee_code"`) || !strings.Contains(body, `"location":"body.records[2].score"`) {
		t.Fatalf("bad batch: %d %s", st, body)
	}
	if n := countRecords(t, env, tenantOf(t, env, "demo"), "api"); n != 0 {
		t.Fatalf("%d records stored from a refused batch", n)
	}
	st, body = hr.Do("POST", "/api/v1/feedback/records/batch", map[string]any{"source": "api", "records": []map[string]any{
		{"external_id": "B-1", "channel": "counter", "occurred_at": at, "branch_code": "north", "score": 5}}})
	if st != 200 || !strings.Contains(body, `"inserted":1`) {
		t.Fatalf("good batch: %d %s", st, body)
	}
	// Results: an unknown metric is refused by name.
	st, body = hr.Do("POST", "/api/v1/feedback/results/batch", map[string]any{"source": "api", "results": []map[string]any{
		{"employee_code": "XH0008", "period": "2026-10", "metric": "no_such", "value": 1}}})
	if st != 422 || !strings.Contains(body, `"location":"body.results[0].metric"`) {
		t.Fatalf("unknown metric: %d %s", st, body)
	}
}

// A manager reads the records of his subtree only, comments masked; a
// sibling branch is 404.
func TestRecordsAreScopedAndMasked(t *testing.T) {
	env := testkit.New(t)
	recordAbout(t, env, "M-1", "north-chaoyang", "XH0008", env.Clock.Now().Add(-time.Hour))
	ctx, hr := as(t, env, "demo", "hr")
	v := 4.0
	if _, err := env.App.Feedback.IngestRecords(ctx, hr, "mask", []feedback.RecordIn{{ExternalID: "M-2", Channel: "phone", OccurredAt: env.Clock.Now().Add(-time.Hour),
		BranchCode: "north", Score: &v, Comment: "客户手机 13812345678，卡号 6222 0212 3456 7890，身份证 11010519491231002X"}}); err != nil {
		t.Fatal(err)
	}
	mgr := env.Login("demo", "mgr.north")
	st, body := mgr.Do("GET", "/api/v1/feedback/records?page_size=200", nil)
	if st != 200 {
		t.Fatalf("%d %s", st, body)
	}
	type list struct {
		Items []feedback.RecordView `json:"items"`
		Total int64                 `json:"total"`
	}
	got := testkit.JSON[list](t, body)
	for _, it := range got.Items {
		if !strings.HasPrefix(it.BranchCode, "north") {
			t.Errorf("North's manager sees a record of %s", it.BranchCode)
		}
		if strings.Contains(it.Comment, "13812345678") || strings.Contains(it.Comment, "7890 ") || strings.Contains(it.Comment, "19491231") {
			t.Errorf("unmasked comment: %s", it.Comment)
		}
	}
	var south int64
	if err := env.App.DB.R.Table("branches").Scopes(store.Tenant(hr.TenantID)).Where("code = ?", "south").Pluck("id", &south).Error; err != nil {
		t.Fatal(err)
	}
	if st, body := mgr.Do("GET", fmt.Sprintf("/api/v1/feedback/records?branch_id=%d", south), nil); st != 404 {
		t.Errorf("sibling branch: %d %s", st, body)
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"电话 13812345678":         "电话 138****5678",
		"卡号 6222 0212 3456 7890": "卡号 6222 **** **** 7890",
		"身份证 11010519491231002X": "身份证 110105********002X",
		"座机 010-12345678":        "座机 010-****5678",
		"订单 12345 金额 300 元":      "订单 12345 金额 300 元",
	} {
		if got := feedback.Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

// A list page holds the rows its total counts. Paging fields embedded in an
// operation's input were never read (huma reads no parameters from an
// embedded struct), so every page asked for 0 rows: "1 in all", no rows.
func TestListsHoldWhatTheirTotalsCount(t *testing.T) {
	env := testkit.New(t)
	for _, who := range []string{"hr", "mgr.north"} {
		c := env.Login("demo", who)
		paths := []string{"/api/v1/feedback/appeals?state=pending", "/api/v1/feedback/records?page_size=5"}
		if who == "hr" {
			paths = append(paths, "/api/v1/feedback/imports")
		}
		for _, path := range paths {
			st, body := c.Do("GET", path, nil)
			if st != http.StatusOK {
				t.Fatalf("%s %s: %d %s", who, path, st, body)
			}
			page := testkit.JSON[struct {
				Items []json.RawMessage `json:"items"`
				Total int64             `json:"total"`
			}](t, body)
			if want := min(page.Total, 5); int64(len(page.Items)) < want || (page.Total <= 5 && int64(len(page.Items)) != page.Total) {
				t.Errorf("%s %s: %d items for a total of %d", who, path, len(page.Items), page.Total)
			}
		}
	}
	// The demo's open appeal (emp.north.1, at North) is on both lists.
	for _, who := range []string{"hr", "mgr.north"} {
		_, body := env.Login("demo", who).Do("GET", "/api/v1/feedback/appeals?state=pending", nil)
		if !strings.Contains(body, `"state":"pending"`) {
			t.Errorf("%s sees no pending appeal: %s", who, body)
		}
	}
}

// A record an upheld appeal excluded, sent again by file with changed
// content, is an update that stays excluded: the rollups neither take its
// old values away again nor add its new ones.
func TestReimportOfAnAppealedRecordStaysExcluded(t *testing.T) {
	env := testkit.New(t)
	svc := env.App.Feedback
	tid := tenantOf(t, env, "demo")
	const head = "external_id,channel,occurred_at,branch_code,employee_code,score,complaint\n"
	first := importFile(t, env, "source=appealed", "a.csv", []byte(head+
		"X-1,counter,2026-10-30 14:05,north-chaoyang,XH0009,2,是\nX-2,counter,2026-10-30 15:05,north-chaoyang,XH0008,4,否\n"))
	if first.State != feedback.ImportDone || first.Inserted != 2 {
		t.Fatalf("first import %+v", first)
	}
	var r feedback.Record
	if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("source = ? AND external_id = ?", "appealed", "X-1").Take(&r).Error; err != nil {
		t.Fatal(err)
	}
	ectx, emp := as(t, env, "demo", "emp.south.1")
	a, err := svc.Appeal(ectx, emp, r.ID, feedback.ReasonWrongPerson, "当天我不在朝阳支行")
	if err != nil {
		t.Fatal(err)
	}
	nctx, north := as(t, env, "demo", "mgr.north")
	if _, err := svc.Decide(nctx, north, a.ID, true, "排班表证实"); err != nil {
		t.Fatal(err)
	}
	upheld := rollups(t, env, tid)

	again := importFile(t, env, "source=appealed", "a.csv", []byte(head+
		"X-1,counter,2026-10-30 14:05,north-chaoyang,XH0009,1,是\nX-2,counter,2026-10-30 15:05,north-chaoyang,XH0008,4,否\n"))
	if again.State != feedback.ImportDone || again.Updated != 1 || again.Unchanged != 1 || again.Inserted != 0 {
		t.Fatalf("re-import %+v, want 1 updated and 1 unchanged", again)
	}
	var after feedback.Record
	if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("id = ?", r.ID).Take(&after).Error; err != nil {
		t.Fatal(err)
	}
	if !after.Excluded || after.ScoreMilli == nil || *after.ScoreMilli != 1000 {
		t.Fatalf("re-imported record %+v: want the new score, still excluded", after)
	}
	if fmt.Sprint(rollups(t, env, tid)) != fmt.Sprint(upheld) {
		t.Error("re-importing an excluded record moved the rollups")
	}
	sameRollups(t, env, tid, "after re-importing an excluded record")
}
