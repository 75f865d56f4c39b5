package suggestions_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/suggestions"
	"github.com/servicestar/servicestar/app/testkit"
)

type bank struct {
	env  *testkit.Env
	tid  int64
	user map[string]int64
}

func demoBank(t *testing.T) *bank {
	t.Helper()
	env := testkit.New(t)
	d := env.Demo()
	return &bank{env: env, tid: d.TenantID, user: d.User}
}

func locations(body string) []string {
	var p struct {
		Errors []struct {
			Location string `json:"location"`
		} `json:"errors"`
	}
	_ = json.Unmarshal([]byte(body), &p)
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Location)
	}
	return out
}

var idea = map[string]string{"title": "网点叫号与预约打通", "problem": "客户预约后到网点仍需重新取号", "proposal": "预约码直接换取优先号",
	"expected_benefit": "平均等候缩短 10 分钟", "process": "网点排队叫号"}

func TestSuggestionWorkflow(t *testing.T) {
	b := demoBank(t)
	emp := b.env.Login("demo", "emp.north.1")
	st, body := emp.Do("POST", "/api/v1/suggestions", idea)
	if st != 200 {
		t.Fatalf("submit: %d %s", st, body)
	}
	id := testkit.JSON[suggestions.SuggestionDetail](t, body).ID
	url := func(s string) string { return fmt.Sprintf("/api/v1/suggestions/%d%s", id, s) }
	mgr, south, hr := b.env.Login("demo", "mgr.north"), b.env.Login("demo", "mgr.south"), b.env.Login("demo", "hr")
	other := b.env.Login("demo", "emp.south.1")

	// Who sees it: the author, reviewers over the branch, HR; not another branch
	// (404 for its manager), nor other staff (403: they read only their own).
	for c, want := range map[*testkit.Client]int{emp: 200, mgr: 200, hr: 200, south: 404, other: 403, b.env.Login("demo", "auditor"): 403} {
		if st, body := c.Do("GET", url(""), nil); st != want {
			t.Errorf("GET: %d %s, want %d", st, body, want)
		}
	}
	// Who decides: not the South manager, not the author, not staff; a return needs the question.
	if st, _ := south.Do("POST", url("/decision"), map[string]string{"decision": "adopt"}); st != 404 {
		t.Errorf("South manager decides: %d, want 404", st)
	}
	if st, _ := emp.Do("POST", url("/decision"), map[string]string{"decision": "adopt"}); st != 403 {
		t.Errorf("author (an employee) decides: %d, want 403", st)
	}
	if st, body := mgr.Do("POST", url("/decision"), map[string]string{"decision": "return"}); st != 422 || !slices.Contains(locations(body), "body.comment") {
		t.Errorf("return without a question: %d %s", st, body)
	}
	if st, body := mgr.Do("POST", url("/decision"), map[string]string{"decision": "return", "comment": "预约系统由哪个部门维护？"}); st != 200 {
		t.Fatalf("return: %d %s", st, body)
	}
	// Only the author edits, only when returned; editing resubmits.
	if st, _ := mgr.Do("PUT", url(""), idea); st != 404 {
		t.Errorf("manager edits the author's suggestion: %d, want 404", st)
	}
	edited := map[string]string{}
	for k, v := range idea {
		edited[k] = v
	}
	edited["proposal"] = "预约码直接换取优先号，由渠道部维护接口"
	if st, body := emp.Do("PUT", url(""), edited); st != 200 || testkit.JSON[suggestions.SuggestionDetail](t, body).State != suggestions.Submitted {
		t.Fatalf("resubmit: %d %s", st, body)
	}
	if st, _ := emp.Do("PUT", url(""), edited); st != 409 {
		t.Errorf("editing a submitted suggestion: %d, want 409", st)
	}
	if st, body := mgr.Do("POST", url("/decision"), map[string]string{"decision": "adopt", "comment": "采纳"}); st != 200 {
		t.Fatalf("adopt: %d %s", st, body)
	}
	if st, _ := mgr.Do("POST", url("/decision"), map[string]string{"decision": "reject", "comment": "再议"}); st != 409 {
		t.Errorf("deciding twice: %d, want 409", st)
	}
	_, body = emp.Do("GET", url(""), nil)
	d := testkit.JSON[suggestions.SuggestionDetail](t, body)
	var actions []string
	for _, e := range d.Events {
		actions = append(actions, e.Action)
	}
	if !slices.Equal(actions, []string{"submit", "return", "resubmit", "adopt"}) || d.Project == nil || d.Project.State != suggestions.ProjectOpen {
		t.Errorf("after adoption: events %v project %+v", actions, d.Project)
	}

	// The project: HR only; bad input names the field and changes nothing.
	c := func(user string, bp int) map[string]any {
		return map[string]any{"user_id": b.user[user], "share_bp": bp}
	}
	if st, _ := mgr.Do("PUT", url("/project"), map[string]any{"pool_cents": 100, "contributors": []any{c("emp.north.1", 10000)}}); st != 403 {
		t.Errorf("manager sets the project: %d, want 403", st)
	}
	bad := []struct {
		body map[string]any
		loc  string
	}{
		{map[string]any{"pool_cents": 100_000, "contributors": []any{c("emp.north.1", 6000), c("staff.north.1", 3000)}}, "body.contributors"},
		{map[string]any{"pool_cents": -1, "contributors": []any{c("emp.north.1", 10000)}}, "body.pool_cents"},
		{map[string]any{"pool_cents": 100, "contributors": []any{c("emp.north.1", 5000), map[string]any{"user_id": 2_000_000_000, "share_bp": 5000}}}, "body.contributors[1].user_id"},
		{map[string]any{"pool_cents": 100, "contributors": []any{c("emp.north.1", 5000), c("emp.north.1", 5000)}}, "body.contributors[1].user_id"},
		{map[string]any{"pool_cents": 100, "contributors": []any{c("emp.north.1", 10001), c("staff.north.1", -1)}}, "body.contributors[0].share_bp"},
	}
	for _, x := range bad {
		if st, body := hr.Do("PUT", url("/project"), x.body); st != 422 || !slices.Contains(locations(body), x.loc) {
			t.Errorf("%v: %d %s, want 422 at %s", x.body, st, body, x.loc)
		}
	}
	_, body = hr.Do("GET", url(""), nil)
	if d := testkit.JSON[suggestions.SuggestionDetail](t, body); d.Project.State != suggestions.ProjectOpen || len(d.Project.Contributors) != 0 || d.Project.PoolCents != 0 {
		t.Errorf("refused projects changed it: %+v", d.Project)
	}
	if st, _ := hr.Do("POST", url("/payout/approve"), nil); st != 409 {
		t.Errorf("approving before the shares: %d, want 409", st)
	}
	// ¥1,000.01 among 33.33%, 33.34%, 33.33%: exactly 33,330.3333, 33,340.3334 and
	// 33,330.3333 cents; the one cent left goes to the largest remainder.
	three := []any{c("staff.north.1", 3333), c("emp.north.1", 3334), c("staff.north-chaoyang.1", 3333)}
	if st, body := hr.Do("PUT", url("/project"), map[string]any{"pool_cents": 100_001, "contributors": three}); st != 200 {
		t.Fatalf("project: %d %s", st, body)
	}
	st, body = hr.Do("GET", url("/payout"), nil)
	pv := testkit.JSON[suggestions.SuggestionPayout](t, body)
	var cents []int64
	for _, it := range pv.Items {
		cents = append(cents, it.Cents)
	}
	if st != 200 || !slices.Equal(cents, []int64{33_330, 33_341, 33_330}) || pv.TotalCents != 100_001 || pv.State != suggestions.ProjectPending {
		t.Errorf("preview: %d %+v", st, pv)
	}
	if st, _ := emp.Do("GET", url("/payout"), nil); st != 403 {
		t.Errorf("employee previews the payout: %d, want 403", st)
	}
	if st, body := hr.Do("POST", url("/payout/approve"), nil); st != 200 {
		t.Fatalf("approve: %d %s", st, body)
	}
	if st, _ := hr.Do("POST", url("/payout/approve"), nil); st != 409 {
		t.Errorf("approving twice: %d, want 409", st)
	}
	if st, _ := hr.Do("PUT", url("/project"), map[string]any{"pool_cents": 1, "contributors": three}); st != 409 {
		t.Errorf("changing a paid project: %d, want 409", st)
	}
	var paid []suggestions.Payout
	b.env.App.DB.R.Scopes(store.Tenant(b.tid)).Where("suggestion_id = ?", id).Order("id").Find(&paid)
	var sum int64
	for _, p := range paid {
		sum += p.Cents
	}
	if len(paid) != 3 || sum != 100_001 {
		t.Errorf("recorded payouts %+v", paid)
	}
	var n int64
	b.env.App.DB.R.Model(&notify.Notification{}).Scopes(store.Tenant(b.tid)).Where("kind = ? AND subject_id = ?", suggestions.NotifyPaid, id).Count(&n)
	if n != 3 {
		t.Errorf("%d bonus notifications, want 3", n)
	}
	var audited []string
	b.env.App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(b.tid)).Where("target_type = ? AND target_id = ?", "suggestion", fmt.Sprint(id)).Order("id").Pluck("action", &audited)
	if !slices.Equal(audited, []string{"suggestions.submit", "suggestions.return", "suggestions.resubmit", "suggestions.adopt", "suggestions.project", "suggestions.payout"}) {
		t.Errorf("audit %v", audited)
	}
	// The contributor sees the bonus; a contributor from elsewhere sees the suggestion too.
	st, body = emp.Do("GET", "/api/v1/me/bonuses", nil)
	mine := testkit.JSON[struct {
		Items      []suggestions.SuggestionBonus `json:"items"`
		TotalCents int64                         `json:"total_cents"`
	}](t, body)
	if st != 200 || len(mine.Items) == 0 || mine.Items[0].SuggestionID != id || mine.Items[0].Cents != 33_341 {
		t.Errorf("my bonuses: %d %s", st, body)
	}
	// AdoptedCounts: the author and each contributor once.
	got, err := suggestions.Stats{DB: b.env.App.DB}.AdoptedCounts(context.Background(), b.tid, []int64{b.user["emp.north.1"], b.user["staff.north.1"], b.user["emp.south.1"]})
	if err != nil {
		t.Fatal(err)
	}
	if got[b.user["emp.north.1"]] < 1 || got[b.user["staff.north.1"]] < 1 {
		t.Errorf("adopted counts %v", got)
	}
}

func TestNobodyDecidesTheirOwnSuggestion(t *testing.T) {
	b := demoBank(t)
	mgr := b.env.Login("demo", "mgr.north")
	st, body := mgr.Do("POST", "/api/v1/suggestions", idea)
	if st != 200 {
		t.Fatalf("submit: %d %s", st, body)
	}
	id := testkit.JSON[suggestions.SuggestionDetail](t, body).ID
	if st, _ := mgr.Do("POST", fmt.Sprintf("/api/v1/suggestions/%d/decision", id), map[string]string{"decision": "adopt"}); st != 409 {
		t.Errorf("own decision: %d, want 409", st)
	}
	if st, body := b.env.Login("demo", "hr").Do("POST", fmt.Sprintf("/api/v1/suggestions/%d/decision", id), map[string]string{"decision": "reject", "comment": "已有同类项目"}); st != 200 {
		t.Errorf("HR rejects: %d %s", st, body)
	}
	// Bad input on submit names the field.
	if st, body := mgr.Do("POST", "/api/v1/suggestions", map[string]string{"title": " ", "problem": "p", "proposal": "q", "expected_benefit": "r", "process": "s"}); st != 422 || !slices.Contains(locations(body), "body.title") {
		t.Errorf("blank title: %d %s", st, body)
	}
}
