package attempts_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// Scenario 09 through the API: going back at the warning leaves a near miss; the fund the
// customer insists on goes down the special process and passes; confirming a mismatch is
// a violation. The review list filters on each.
func TestInsistPathNearMissesAndReviewFilters(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.north.1")
	mgr := env.Login("demo", "mgr.north")
	const key = "conservative-wants-high-yield"

	careful := start(t, emp, key)
	must := func(id int64, verb string, body any, want string) {
		t.Helper()
		st, _, raw := act(t, emp, id, verb, body)
		if st != 200 || !strings.Contains(raw, want) {
			t.Fatalf("%s %v: %d %s", verb, body, st, raw)
		}
	}
	choose := func(c string) map[string]any { return map[string]any{"choice_id": c} }
	must(careful.ID, "choose", choose("b"), `"can_insist":false`) // t1: sells the fund unasked
	must(careful.ID, "back", nil, `"near_misses":[{"step":0,"kind":"mismatch","turn":"t1","choice":"b","product":"ne-equity-fund","customer_class":"C2","product_risk":"R4"}]`)
	for range 5 { // t1 … t5: the best replies
		must(careful.ID, "choose", choose("a"), `"status":"in_progress"`)
	}
	must(careful.ID, "choose", choose("c"), `"turn":{"id":"t6"`) // t5i: no pressure, the plan
	must(careful.ID, "choose", choose("a"), `"status":"finished"`)

	confirmed := start(t, emp, key)
	must(confirmed.ID, "choose", choose("b"), `"pending":{`)
	must(confirmed.ID, "confirm", nil, `"kind":"suitability"`)

	clean := start(t, emp, key)
	for range 5 {
		must(clean.ID, "choose", choose("a"), `"status":"in_progress"`)
	}
	must(clean.ID, "choose", choose("a"), `"can_insist":true`)
	must(clean.ID, "insist", nil, `"insist":{"product":"ne-equity-fund","turn":"t5i"}`)
	for range 3 {
		must(clean.ID, "choose", choose("a"), `"status":"in_progress"`)
	}
	must(clean.ID, "choose", choose("a"), `"passed":true`)
	if got := mustAttempt(t, emp, clean.ID); len(got.Violations) != 0 || got.Result == nil || got.Result.Ending.ID != "end-insisted" {
		t.Fatalf("the insist path: %+v", got)
	}
	if st, _, raw := act(t, emp, start(t, emp, key).ID, "insist", nil); st != 409 {
		t.Errorf("insist with no warning pending: %d %s", st, raw)
	}

	ids := func(query string) string {
		t.Helper()
		st, body := mgr.Do("GET", "/api/v1/training/reviews?page_size=200&scenario_id="+key+query, nil)
		if st != 200 {
			t.Fatalf("%s: %d %s", query, st, body)
		}
		var out []string
		for _, a := range []struct {
			name string
			id   int64
		}{{"careful", careful.ID}, {"confirmed", confirmed.ID}, {"clean", clean.ID}} {
			if strings.Contains(body, fmt.Sprintf(`"id":%d,`, a.id)) {
				out = append(out, a.name)
			}
		}
		return strings.Join(out, ",")
	}
	for query, want := range map[string]string{
		"&near_misses=true":                 "careful",
		"&violations=true":                  "confirmed",
		"&needs_human_look=true":            "",
		"&uncommented=true&status=finished": "careful,confirmed,clean",
	} {
		if got := ids(query); got != want {
			t.Errorf("%s: %q, want %q", query, got, want)
		}
	}
	if st, body := mgr.Do("POST", fmt.Sprintf("/api/v1/training/reviews/%d/comments", clean.ID), map[string]string{"body": "特别流程走得很完整。"}); st != 200 {
		t.Fatalf("comment: %d %s", st, body)
	}
	if got := ids("&uncommented=true&status=finished"); got != "careful,confirmed" {
		t.Errorf("uncommented after a comment: %q", got)
	}
	// The list counts each attempt's comments: one on the commented attempt, none on the others.
	_, body := mgr.Do("GET", "/api/v1/training/reviews?page_size=200&scenario_id="+key, nil)
	var list struct {
		Items []struct {
			ID       int64 `json:"id"`
			Comments int64 `json:"comments"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatalf("review list: %v %s", err, body)
	}
	counts := map[int64]int64{}
	for _, it := range list.Items {
		counts[it.ID] = it.Comments
	}
	if counts[clean.ID] != 1 || counts[careful.ID] != 0 || counts[confirmed.ID] != 0 {
		t.Errorf("comment counts (clean %d, careful %d, confirmed %d): %v", clean.ID, careful.ID, confirmed.ID, counts)
	}
}
