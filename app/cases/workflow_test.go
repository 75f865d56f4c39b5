package cases_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// The journey through the API: an employee writes and submits, the
// North manager approves, someone in another branch finds it by a
// two-character Chinese query, HR features it and turns it into a scenario.
func TestWriteReviewPublishFind(t *testing.T) {
	env := testkit.New(t)
	emp, mgr, south, hr := env.Login("demo", "emp.north.1"), env.Login("demo", "mgr.north"), env.Login("demo", "emp.south.1"), env.Login("demo", "hr")
	c := decode[caseOut](t, must(t, emp, 200, "POST", "/api/v1/cases", body("老人担心手机银行不安全", nil)))
	if c.Status != "draft" || c.Revision != 1 || !c.Can["edit"] || !c.Can["submit"] {
		t.Fatalf("new case %+v", c)
	}
	path := fmt.Sprintf("/api/v1/cases/%d", c.ID)
	// A draft is the author's and reviewers' only.
	must(t, south, 404, "GET", path, nil)
	must(t, mgr, 200, "GET", path, nil)
	// Nobody but the author submits; a reviewer cannot approve a draft.
	must(t, mgr, 403, "POST", path+"/submit", nil)
	must(t, mgr, 409, "POST", path+"/approve", map[string]any{})
	must(t, emp, 200, "POST", path+"/submit", nil)
	// An employee cannot review; the south manager does not even see it.
	must(t, emp, 403, "POST", path+"/approve", map[string]any{})
	must(t, env.Login("demo", "mgr.south"), 404, "POST", path+"/approve", map[string]any{})
	// Returned with a comment (required), resubmitted, approved.
	must(t, mgr, 422, "POST", path+"/return", map[string]any{"comment": " "})
	must(t, mgr, 200, "POST", path+"/return", map[string]any{"comment": "请补充客户最终的反馈"})
	got := decode[caseOut](t, must(t, emp, 200, "GET", path, nil))
	if got.Status != "returned" || len(got.Comments) != 1 || got.Comments[0].Decision != "return" {
		t.Fatalf("returned case %+v", got)
	}
	if !strings.Contains(must(t, emp, 200, "GET", "/api/v1/notifications", nil), "cases.returned") {
		t.Error("the author was not told of the return")
	}
	b := body("老人担心手机银行不安全", map[string]any{"revision": got.Revision, "outcome": "老人学会了查询理财收益，一周后带老伙伴来开户。"})
	must(t, emp, 200, "PUT", path, b)
	must(t, emp, 200, "POST", path+"/submit", nil)
	q := decode[struct{ Total int64 }](t, must(t, mgr, 200, "GET", "/api/v1/cases/review-queue", nil))
	if q.Total < 1 {
		t.Errorf("review queue empty")
	}
	pub := decode[caseOut](t, must(t, mgr, 200, "POST", path+"/approve", map[string]any{"comment": "很好"}))
	if pub.Status != "published" {
		t.Fatalf("approved %+v", pub)
	}
	// Someone in the South finds it by "理财" with a marked snippet.
	res := must(t, south, 200, "GET", "/api/v1/cases?q=理财", nil)
	if !strings.Contains(res, fmt.Sprintf(`"id":%d`, c.ID)) || !strings.Contains(res, "<mark>理财</mark>") {
		t.Fatalf("search 理财: %s", res)
	}
	// HR features it and turns it into a scenario draft.
	f := decode[caseOut](t, must(t, hr, 200, "POST", path+"/feature", map[string]any{"featured": true}))
	if !f.Featured {
		t.Error("not featured")
	}
	must(t, mgr, 403, "POST", path+"/feature", map[string]any{"featured": true})
	sc := decode[struct {
		ScenarioKey string `json:"scenario_key"`
	}](t, must(t, hr, 200, "POST", path+"/to-scenario", nil))
	if sc.ScenarioKey != fmt.Sprintf("case-%d", c.ID) {
		t.Errorf("scenario key %q", sc.ScenarioKey)
	}
	if !strings.Contains(must(t, hr, 200, "GET", path, nil), sc.ScenarioKey) {
		t.Error("the case does not link the scenario")
	}
	lib := must(t, hr, 200, "GET", "/api/v1/training/library", nil)
	if !strings.Contains(lib, `"origin":"case"`) || !strings.Contains(lib, sc.ScenarioKey) {
		t.Errorf("library has no %s from a case: %s", sc.ScenarioKey, lib)
	}
	// The draft is a valid scenario: HR can publish it as it is.
	must(t, hr, 200, "POST", "/api/v1/training/library/"+sc.ScenarioKey+"/publish", nil)
	must(t, hr, 409, "POST", path+"/to-scenario", nil)
}
