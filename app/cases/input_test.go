package cases_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// Oversize fields and too many or too long tags are refused with 422
// naming the field; personal data is masked on save and the response says
// where; a stale revision is refused with 409 and nothing is lost.
func TestInputLimitsMaskingAndStaleEdits(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.north.1")
	for field, v := range map[string]any{
		"situation": strings.Repeat("长", 20001),
		"lesson":    strings.Repeat("x", 20001),
		"tags":      []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"},
		"tags[0]":   []string{strings.Repeat("标", 21)},
		"title":     "",
	} {
		key := strings.TrimSuffix(field, "[0]")
		st, out := emp.Do("POST", "/api/v1/cases", body("Limits", map[string]any{key: v}))
		if st != 422 || !strings.Contains(out, `"location":"body.`+field+`"`) {
			t.Errorf("%s: %d %s", field, st, out)
		}
	}
	// Exactly at the limit is fine.
	must(t, emp, 200, "POST", "/api/v1/cases", body("At the limit", map[string]any{"situation": strings.Repeat("长", 20000),
		"tags": []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", strings.Repeat("标", 20)}}))

	// Masking: the check flags, the save masks and says where.
	pc := must(t, emp, 200, "POST", "/api/v1/cases/pii-check", map[string]string{"text": "客户手机13812345678，卡号6222021234567890"})
	if !strings.Contains(pc, `"kind":"phone","start":4,"end":15,"masked":"138****5678"`) || !strings.Contains(pc, `"kind":"bank_card"`) {
		t.Errorf("pii-check: %s", pc)
	}
	c := decode[caseOut](t, must(t, emp, 200, "POST", "/api/v1/cases", body("Masked", map[string]any{
		"situation": "客户王先生（电话 13812345678，身份证 11010519491231002X）来办理业务。", "outcome": "卡号 6222 0212 3456 7890 已挂失。"})))
	if !strings.Contains(c.Situation, "138****5678") || !strings.Contains(c.Situation, "110105********002X") || strings.Contains(c.Situation, "13812345678") {
		t.Errorf("situation kept personal data: %s", c.Situation)
	}
	kinds := map[string]bool{}
	for _, m := range c.Masked {
		kinds[m.Field+"/"+m.Kind] = true
	}
	if !kinds["situation/phone"] || !kinds["situation/id_card"] || !kinds["outcome/bank_card"] || len(kinds) != 3 {
		t.Errorf("masked %+v", c.Masked)
	}

	// Two editors start from revision 1; the second save is refused.
	path := fmt.Sprintf("/api/v1/cases/%d", c.ID)
	must(t, emp, 200, "PUT", path, body("First editor", map[string]any{"revision": 1}))
	st, out := emp.Do("PUT", path, body("Second editor", map[string]any{"revision": 1}))
	if st != 409 || !strings.Contains(out, "body.revision") {
		t.Fatalf("stale save: %d %s", st, out)
	}
	got := decode[struct {
		Title    string `json:"title"`
		Revision int    `json:"revision"`
	}](t, must(t, emp, 200, "GET", path, nil))
	if got.Title != "First editor" || got.Revision != 2 {
		t.Errorf("after the refused save: %+v", got)
	}
	// History: two saves, two revisions, and a diff of the title.
	revs := must(t, emp, 200, "GET", path+"/revisions", nil)
	if strings.Count(revs, `"revision":`) != 2 {
		t.Errorf("revisions %s", revs)
	}
	diff := must(t, emp, 200, "GET", path+"/diff?from=1&to=2", nil)
	if !strings.Contains(diff, `"field":"title"`) || !strings.Contains(diff, `{"op":"insert","text":"First editor"}`) {
		t.Errorf("diff %s", diff)
	}
	must(t, emp, 422, "GET", path+"/diff?from=1&to=9", nil)
	old := must(t, emp, 200, "GET", path+"/revisions/1", nil)
	if !strings.Contains(old, `"title":"Masked"`) {
		t.Errorf("revision 1: %s", old)
	}
	// Someone else cannot edit it (and does not see the draft).
	must(t, env.Login("demo", "emp.south.1"), 404, "PUT", path, body("Intruder", map[string]any{"revision": 2}))
	must(t, env.Login("demo", "mgr.north"), 403, "PUT", path, body("Manager", map[string]any{"revision": 2}))
	must(t, env.Login("demo", "auditor"), 403, "POST", "/api/v1/cases", body("Auditor", nil))
}
