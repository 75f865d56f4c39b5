package attempts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// A typed reply the rules cannot grade with confidence marks the attempt for a human
// look: the column is set and the review list's filter finds it; a clear reply does not.
func TestUnsureReplyMarksTheAttemptForAHumanLook(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.north.1")
	mgr := env.Login("demo", "mgr.north")
	const key = "smart-deposit-complaint"
	s, _ := library.ByID(key)
	var before []scenarios.Move // the moves up to the typed turn
	for _, m := range scenarios.PathsToEndings(s)["end-resolved"] {
		if m.Text != "" {
			break
		}
		before = append(before, m)
	}
	playTo := func() int64 {
		a := start(t, emp, key)
		for _, m := range before {
			if st, _, raw := act(t, emp, a.ID, "choose", map[string]any{"choice_id": m.Choice}); st != 200 {
				t.Fatalf("choose %s: %d %s", m.Choice, st, raw)
			}
		}
		return a.ID
	}
	answer := func(id int64, text string) {
		t.Helper()
		if st, got, raw := act(t, emp, id, "answer", map[string]any{"text": text}); st != 200 || got.Turn == nil && got.Status != "finished" {
			t.Fatalf("answer: %d %s", st, raw)
		}
	}
	// A real answer in words the checklist does not list: fewer than half met.
	unsure := playTo()
	answer(unsure, "刘女士，这件事确实是我们没讲清楚规则，我先把利息的计算方式给您一笔一笔核对清楚，再给您一个明确的说法。")
	clear := playTo()
	answer(clear, "刘女士，真的很抱歉让您跑这一趟。我复述一下您的诉求：您希望我们核实利息算得对不对。我今天就提交复核，2个工作日内给您书面答复，有进展我会主动打电话告诉您。")

	st, body := mgr.Do("GET", "/api/v1/training/reviews?page_size=200&needs_human_look=true&scenario_id="+key, nil)
	if st != 200 {
		t.Fatalf("reviews: %d %s", st, body)
	}
	if !strings.Contains(body, fmt.Sprintf(`"id":%d,`, unsure)) || strings.Contains(body, fmt.Sprintf(`"id":%d,`, clear)) {
		t.Errorf("marked for a human look: %s", body)
	}
	if !strings.Contains(body, `"needs_human_look":true`) {
		t.Errorf("the row does not say so: %s", body)
	}
}
