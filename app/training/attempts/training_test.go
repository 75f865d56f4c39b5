package attempts_test

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Every built-in scenario is played to each of its endings through the API.
func TestEveryScenarioReachesEveryEndingThroughTheAPI(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1")
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 20 {
		t.Fatalf("library has %d scenarios, want at least 20", len(all))
	}
	for _, s := range all {
		paths := scenarios.PathsToEndings(s)
		if len(paths) != len(s.Endings) {
			t.Errorf("%s: %d endings reachable of %d", s.ID, len(paths), len(s.Endings))
		}
		play := func(endID string, moves []scenarios.Move) {
			a := start(t, emp, s.ID)
			var last attempt
			for i, m := range moves {
				verb, body := "choose", any(map[string]any{"choice_id": m.Choice, "elapsed_ms": 1000})
				if m.Text != "" {
					verb, body = "answer", map[string]any{"text": m.Text, "elapsed_ms": 1000}
				}
				st, got, raw := act(t, emp, a.ID, verb, body)
				if st == 200 && (m.Confirm || m.Insist) {
					if got.Pending == nil {
						t.Fatalf("%s → %s: move %d should raise the suitability warning", s.ID, endID, i)
					}
					verb = map[bool]string{true: "insist", false: "confirm"}[m.Insist]
					st, got, raw = act(t, emp, a.ID, verb, nil)
				}
				if st != 200 {
					t.Fatalf("%s → %s: move %d (%s): %d %s", s.ID, endID, i, verb, st, raw)
				}
				last = got
			}
			if last.Status != "finished" || last.Result == nil || last.Result.Ending.ID != endID {
				t.Errorf("%s: path to %s ended as %+v", s.ID, endID, last.Result)
			}
			if st, body := emp.Do("GET", fmt.Sprintf("/api/v1/training/attempts/%d/debrief", a.ID), nil); st != 200 || !strings.Contains(body, `"turns"`) {
				t.Errorf("%s → %s: debrief %d", s.ID, endID, st)
			}
		}
		for endID, moves := range paths {
			play(endID, moves)
		}
		// The customer who walks out or complains when the mood falls too low.
		moodPaths := scenarios.PathsToMoodEndings(s)
		for i, m := range s.MoodEndings {
			if moves, ok := moodPaths[i]; !ok {
				t.Errorf("%s: no play falls below %d", s.ID, m.Below)
			} else {
				play(m.Ending, moves)
			}
		}
	}
}

func firstTrap(t *testing.T, s *scenarios.Scenario) (safe []string, trap string) {
	t.Helper()
	type node struct {
		turn string
		path []string
	}
	seen := map[string]bool{s.Start: true}
	for q := []node{{s.Start, nil}}; len(q) > 0; q = q[1:] {
		n := q[0]
		tr := s.Turn(n.turn)
		if tr == nil {
			continue
		}
		for i := range tr.Choices {
			if s.Mismatch(&tr.Choices[i]) != nil {
				return n.path, tr.Choices[i].ID
			}
		}
		for i := range tr.Choices {
			c := tr.Choices[i]
			if !seen[c.Next] {
				seen[c.Next] = true
				q = append(q, node{c.Next, append(append([]string{}, n.path...), c.ID)})
			}
		}
	}
	t.Fatalf("%s has no suitability trap", s.ID)
	return nil, ""
}

func TestSuitabilityCheckpoint(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.north.1")
	s, _ := library.ByID("conservative-wants-high-yield")
	safe, trap := firstTrap(t, s)

	play := func() attempt {
		a := start(t, emp, s.ID)
		for _, m := range safe {
			if st, _, raw := act(t, emp, a.ID, "choose", map[string]string{"choice_id": m}); st != 200 {
				t.Fatalf("choose %s: %d %s", m, st, raw)
			}
		}
		st, got, raw := act(t, emp, a.ID, "choose", map[string]string{"choice_id": trap})
		if st != 200 || got.Pending == nil {
			t.Fatalf("trap choice: %d %s", st, raw)
		}
		want := fmt.Sprintf("customer %s, product %s", got.Pending.CustomerRisk, got.Pending.ProductRisk)
		if !strings.Contains(got.Pending.Message["en"], want) || got.Pending.CustomerRisk >= got.Pending.ProductRisk {
			t.Fatalf("warning does not name the mismatch: %+v", got.Pending)
		}
		// Nothing else may happen until the warning is answered.
		if st, _, _ := act(t, emp, a.ID, "choose", map[string]string{"choice_id": safe0(s)}); st != 409 {
			t.Fatalf("choice while the warning is open: %d, want 409", st)
		}
		return got
	}

	// Back: no violation, the same turn again.
	a := play()
	st, back, _ := act(t, emp, a.ID, "back", nil)
	if st != 200 || back.Pending != nil || len(back.Violations) != 0 || back.Turn == nil || back.Turn.ID != a.Turn.ID {
		t.Fatalf("back: %d %+v", st, back)
	}

	// Confirm: a violation, and the attempt cannot pass whatever its score.
	a = play()
	st, conf, _ := act(t, emp, a.ID, "confirm", nil)
	if st != 200 || len(conf.Violations) != 1 {
		t.Fatalf("confirm: %d %+v", st, conf)
	}
	// Finish along the best path from here.
	for conf.Status != "finished" {
		tr := s.Turn(conf.Turn.ID)
		var moved bool
		for _, c := range tr.Choices {
			if s.Mismatch(&c) == nil {
				st, conf, _ = act(t, emp, a.ID, "choose", map[string]string{"choice_id": c.ID})
				moved = st == 200
				break
			}
		}
		if tr.IsFreeText() {
			st, conf, _ = act(t, emp, a.ID, "answer", map[string]string{"text": "我理解您的顾虑"})
			moved = st == 200
		}
		if !moved {
			t.Fatalf("stuck at %s", tr.ID)
		}
	}
	if conf.Result == nil || conf.Result.Passed {
		t.Fatalf("an attempt with a violation passed: %+v", conf.Result)
	}
	// A finished attempt takes no more replies.
	if st, _, _ := act(t, emp, a.ID, "back", nil); st != 409 {
		t.Fatalf("reply to a finished attempt: %d, want 409", st)
	}
}

func safe0(s *scenarios.Scenario) string { return s.Turn(s.Start).Choices[0].ID }

func TestBadRepliesChangeNothingAndAttemptsResume(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1")
	a := start(t, emp, "salary-to-fixed-deposit")
	get := func(c *testkit.Client) string {
		st, body := c.Do("GET", fmt.Sprintf("/api/v1/training/attempts/%d", a.ID), nil)
		if st != 200 {
			t.Fatalf("get attempt: %d %s", st, body)
		}
		return body
	}
	before := get(emp)
	for _, c := range []struct {
		verb string
		body any
		want int
		loc  string
	}{
		{"choose", map[string]string{"choice_id": "no-such-choice"}, 422, "body.choice_id"},
		{"choose", `{"choice_id":`, 400, ""},
		{"choose", map[string]any{"choice_id": "a", "elapsed_ms": -5}, 422, "body.elapsed_ms"},
		{"choose", map[string]any{"choice_id": "a", "state": "hacked"}, 422, "body.state"},
		{"confirm", nil, 409, ""},
		{"back", nil, 409, ""},
	} {
		st, raw := emp.Do("POST", fmt.Sprintf("/api/v1/training/attempts/%d/%s", a.ID, c.verb), c.body)
		if st != c.want || (c.loc != "" && !strings.Contains(raw, c.loc)) {
			t.Errorf("%s %v: %d %s, want %d naming %q", c.verb, c.body, st, raw, c.want, c.loc)
		}
	}
	if after := get(emp); after != before {
		t.Fatalf("bad replies changed the attempt:\n%s\n%s", before, after)
	}
	// Another employee cannot see or touch it.
	other := env.Login("demo", "emp.north.1")
	if st, _ := other.Do("GET", fmt.Sprintf("/api/v1/training/attempts/%d", a.ID), nil); st != 404 {
		t.Fatalf("another employee reads the attempt: %d, want 404", st)
	}
	// A reply, then a "restart": a second app over the same database resumes it.
	s, _ := library.ByID("salary-to-fixed-deposit")
	first := s.Turn(s.Start)
	var reply string
	for _, c := range first.Choices {
		if s.Mismatch(&c) == nil {
			reply = c.ID
			break
		}
	}
	if st, _, raw := act(t, emp, a.ID, "choose", map[string]string{"choice_id": reply}); st != 200 {
		t.Fatalf("choose: %d %s", st, raw)
	}
	saved := get(emp)
	restarted := testkit.Restart(t, env)
	if resumed := get(restarted.Login("demo", "emp.south.1")); resumed != saved {
		t.Fatalf("after a restart the attempt differs:\n%s\n%s", saved, resumed)
	}
}

func TestValidateUpload(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	post := func(c *testkit.Client, body []byte) (int, string) {
		req := httptest.NewRequest("POST", "/api/v1/training/scenarios/validate?locale=en", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/yaml")
		return c.SendRaw(req)
	}
	_, good, _ := library.Source("green-loan-enquiry")
	if st, body := post(hr, good); st != 200 || !strings.Contains(body, `"valid":true`) {
		t.Fatalf("valid file: %d %s", st, body)
	}
	if st, body := post(hr, good); !strings.Contains(body, `"warnings":[]`) {
		t.Fatalf("a built-in scenario gets warnings: %d %s", st, body)
	}
	// valid, but its best reply is its longest: a warning, not a refusal
	if st, body := post(hr, []byte(longestIsBest)); st != 200 || !strings.Contains(body, `"valid":true`) ||
		!strings.Contains(body, `"code":"best_is_longest"`) || !strings.Contains(body, "trainees learn to pick the longest") {
		t.Fatalf("the best-is-longest warning: %d %s", st, body)
	}
	broken := strings.Replace(string(good), "next: ", "next: nowhere-", 1)
	st, body := post(hr, []byte(broken))
	if st != 422 || !strings.Contains(body, `"problems"`) || !strings.Contains(body, `"line"`) {
		t.Fatalf("broken file: %d %s", st, body)
	}
	if st, body := post(hr, []byte("id: [unclosed")); st != 422 || !strings.Contains(body, `"problems"`) {
		t.Fatalf("malformed YAML: %d %s", st, body)
	}
	if st, _ := post(hr, bytes.Repeat([]byte("#"), 2<<20)); st != 413 {
		t.Fatalf("2 MiB upload: %d, want 413", st)
	}
	if st, _ := post(env.Login("demo", "emp.north.1"), good); st != 403 {
		t.Fatalf("employee validates: %d, want 403", st)
	}
}

func TestManagerReviewsSubtreeAndCoaches(t *testing.T) {
	env := testkit.New(t)
	north := env.Login("demo", "emp.north.1")
	south := env.Login("demo", "emp.south.1")
	aNorth := start(t, north, "salary-to-fixed-deposit")
	aSouth := start(t, south, "salary-to-fixed-deposit")
	mgr := env.Login("demo", "mgr.north")

	st, body := mgr.Do("GET", "/api/v1/training/reviews?page_size=200", nil)
	if st != 200 || !strings.Contains(body, fmt.Sprintf(`"id":%d,`, aNorth.ID)) || strings.Contains(body, fmt.Sprintf(`"id":%d,`, aSouth.ID)) {
		t.Fatalf("manager's review list: %d %s", st, body)
	}
	if st, _ := mgr.Do("GET", fmt.Sprintf("/api/v1/training/reviews/%d", aSouth.ID), nil); st != 404 {
		t.Fatalf("manager reads a sibling branch's attempt: %d, want 404", st)
	}
	if st, body := mgr.Do("POST", fmt.Sprintf("/api/v1/training/reviews/%d/comments", aNorth.ID), map[string]string{"body": "  "}); st != 422 || !strings.Contains(body, "body.body") {
		t.Fatalf("empty comment: %d %s", st, body)
	}
	if st, body := mgr.Do("POST", fmt.Sprintf("/api/v1/training/reviews/%d/comments", aNorth.ID), map[string]string{"body": "先问清用款时间，很好。"}); st != 200 {
		t.Fatalf("comment: %d %s", st, body)
	}
	if st, body := north.Do("GET", fmt.Sprintf("/api/v1/training/attempts/%d", aNorth.ID), nil); st != 200 || !strings.Contains(body, "先问清用款时间") {
		t.Fatalf("employee does not see the coaching comment: %d %s", st, body)
	}
	// The employee is told, by a notification that names the reviewer and the attempt.
	bell := testkit.JSON[struct {
		Items []struct {
			Kind      string         `json:"kind"`
			SubjectID int64          `json:"subject_id"`
			Data      map[string]any `json:"data"`
		} `json:"items"`
	}](t, mustGet(t, north, "/api/v1/notifications?limit=100"))
	told := 0
	for _, n := range bell.Items {
		if n.Kind == "training.commented" && n.SubjectID == aNorth.ID && n.Data["by"] == "北方分行行长 王磊" && n.Data["scenario_key"] == "salary-to-fixed-deposit" {
			told++
		}
	}
	if told != 1 {
		t.Fatalf("employee's notifications after a comment: %d of training.commented for attempt %d, want 1: %+v", told, aNorth.ID, bell.Items)
	}
	if body := mustGet(t, south, "/api/v1/notifications?limit=100"); strings.Contains(body, "training.commented") {
		t.Fatalf("another employee was told of the comment: %s", body)
	}
	if st, _ := north.Do("GET", "/api/v1/training/reviews", nil); st != 403 {
		t.Fatalf("employee lists reviews: %d, want 403", st)
	}
	auditor := env.Login("demo", "auditor")
	if st, _ := auditor.Do("GET", fmt.Sprintf("/api/v1/training/reviews/%d", aNorth.ID), nil); st != 200 {
		t.Fatalf("auditor reads a review: %d, want 200", st)
	}
	if st, _ := auditor.Do("POST", fmt.Sprintf("/api/v1/training/reviews/%d/comments", aNorth.ID), map[string]string{"body": "x"}); st != 403 {
		t.Fatalf("auditor comments: %d, want 403", st)
	}

	// A transfer does not move past results: the attempt stays with North.
	admin := env.Login("demo", "admin")
	me := testkit.JSON[struct {
		User struct {
			ID int64 `json:"id"`
		} `json:"user"`
	}](t, mustGet(t, north, "/api/v1/me"))
	var southID int64
	for _, b := range testkit.JSON[struct {
		Items []struct {
			ID   int64  `json:"id"`
			Code string `json:"code"`
		} `json:"items"`
	}](t, mustGet(t, admin, "/api/v1/branches")).Items {
		if b.Code == "south" {
			southID = b.ID
		}
	}
	if st, body := admin.Do("POST", fmt.Sprintf("/api/v1/users/%d/move", me.User.ID), map[string]int64{"branch_id": southID}); st != 200 {
		t.Fatalf("transfer: %d %s", st, body)
	}
	if st, _ := mgr.Do("GET", fmt.Sprintf("/api/v1/training/reviews/%d", aNorth.ID), nil); st != 200 {
		t.Fatalf("after the transfer North's manager lost the attempt made in North: %d", st)
	}
}

// longestIsBest is a valid scenario whose only choice turn has the best reply longest.
const longestIsBest = `id: longest-is-best
version: 1
title: {zh-CN: 标题, en: Title}
summary: {zh-CN: 摘要, en: Summary}
category: cards
business_line: retail
difficulty: 1
estimated_minutes: 5
persona:
  name: {zh-CN: 王先生, en: Mr Wang}
  age: 30
  occupation: {zh-CN: 职员, en: Clerk}
  assets: {zh-CN: 存款, en: Deposits}
  goals: {zh-CN: 目标, en: Goals}
  initial_mood: 50
  risk_tolerance: R2
start: t1
turns:
  - id: t1
    customer: {zh-CN: 我的卡丢了, en: I lost my card}
    model_answer: {zh-CN: 别急，我先帮您挂失, en: Don't worry. I'll block it first}
    choices:
      - id: a
        text: {zh-CN: 别急，我先核实身份再帮您挂失, en: Don't worry. I'll verify you and block it first}
        next: end
        effects: {resolution: 10}
        feedback: {zh-CN: 好, en: Good}
      - id: b
        text: {zh-CN: 等等, en: Wait}
        next: end
        feedback: {zh-CN: 差, en: Poor}
endings:
  - id: end
    kind: resolved
    title: {zh-CN: 结束, en: Done}
    debrief: {zh-CN: 结束, en: Done}
`
