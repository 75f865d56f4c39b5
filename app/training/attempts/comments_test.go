package attempts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

type turnComment struct {
	ID     int64
	Body   string
	TurnID string `json:"turn_id"`
}

// A reviewer comments on one turn as well as on the whole attempt: both lists say which turn
// each comment is about, the employee is told which turn, and a turn the attempt never
// reached, or an attempt outside the reviewer's branches, is refused.
func TestTurnComments(t *testing.T) {
	env := testkit.New(t)
	north := env.Login("demo", "emp.north.1")
	a := start(t, north, "salary-to-fixed-deposit")
	cur := mustAttempt(t, north, a.ID)
	first := cur.Turn.ID
	sc, _ := library.ByID("salary-to-fixed-deposit")
	if st, _, raw := act(t, north, a.ID, "choose", map[string]string{"choice_id": safeChoice(t, sc, first)}); st != 200 {
		t.Fatalf("reply: %d %s", st, raw)
	}
	mgr := env.Login("demo", "mgr.north")
	turnPath := func(id int64, turn string) string {
		return fmt.Sprintf("/api/v1/training/reviews/%d/turns/%s/comments", id, turn)
	}
	if st, body := mgr.Do("POST", turnPath(a.ID, "no-such-turn"), map[string]string{"body": "这里"}); st != 422 || !strings.Contains(body, "path.turn_id") {
		t.Fatalf("a comment on a turn not played: %d %s", st, body)
	}
	if st, body := mgr.Do("POST", turnPath(a.ID, first), map[string]string{"body": "  "}); st != 422 || !strings.Contains(body, "body.body") {
		t.Fatalf("an empty turn comment: %d %s", st, body)
	}
	if st, body := env.Login("demo", "mgr.south").Do("POST", turnPath(a.ID, first), map[string]string{"body": "越权"}); st != 404 {
		t.Fatalf("a sibling branch's manager comments: %d %s, want 404", st, body)
	}
	if st, body := north.Do("POST", turnPath(a.ID, first), map[string]string{"body": "自评"}); st != 403 {
		t.Fatalf("the employee comments as a reviewer: %d %s, want 403", st, body)
	}
	st, body := mgr.Do("POST", turnPath(a.ID, first), map[string]string{"body": "开场先确认客户身份。"})
	if st != 200 {
		t.Fatalf("turn comment: %d %s", st, body)
	}
	if c := testkit.JSON[turnComment](t, body); c.TurnID != first {
		t.Fatalf("the comment's turn: %+v, want %s", c, first)
	}
	if st, body := mgr.Do("POST", fmt.Sprintf("/api/v1/training/reviews/%d/comments", a.ID), map[string]string{"body": "整体不错。"}); st != 200 {
		t.Fatalf("whole-attempt comment: %d %s", st, body)
	}
	want := func(list []turnComment) bool {
		return len(list) == 2 && list[0].TurnID == first && list[0].Body == "开场先确认客户身份。" && list[1].TurnID == "" && list[1].Body == "整体不错。"
	}
	type list struct{ Items []turnComment }
	if got := testkit.JSON[list](t, mustGet(t, mgr, fmt.Sprintf("/api/v1/training/reviews/%d/comments", a.ID))); !want(got.Items) {
		t.Fatalf("the reviewer's list: %+v", got.Items)
	}
	if got := testkit.JSON[list](t, mustGet(t, north, fmt.Sprintf("/api/v1/training/attempts/%d/comments", a.ID))); !want(got.Items) {
		t.Fatalf("the employee's list: %+v", got.Items)
	}
	if st, _ := env.Login("demo", "emp.south.1").Do("GET", fmt.Sprintf("/api/v1/training/attempts/%d/comments", a.ID), nil); st != 404 {
		t.Fatalf("another employee reads the comments: %d, want 404", st)
	}
	bell := testkit.JSON[struct {
		Items []struct {
			Kind      string         `json:"kind"`
			SubjectID int64          `json:"subject_id"`
			Data      map[string]any `json:"data"`
		} `json:"items"`
	}](t, mustGet(t, north, "/api/v1/notifications?limit=100"))
	atTurn := 0
	for _, n := range bell.Items {
		if n.Kind == "training.commented" && n.SubjectID == a.ID && n.Data["turn"] == first {
			atTurn++
		}
	}
	if atTurn != 1 {
		t.Fatalf("notifications naming the turn: %d, want 1", atTurn)
	}
}

// safeChoice is a choice of the turn that crosses no red line and raises no suitability
// warning, so the reply is recorded at that turn whatever order the choices are shown in.
func safeChoice(t *testing.T, s *scenarios.Scenario, turn string) string {
	t.Helper()
	for i := range s.Turn(turn).Choices {
		ch := &s.Turn(turn).Choices[i]
		if !ch.IsCritical() && s.Mismatch(ch) == nil {
			return ch.ID
		}
	}
	t.Fatalf("%s/%s has no safe choice", s.ID, turn)
	return ""
}
