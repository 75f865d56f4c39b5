package scenarios_test

import (
	"slices"
	"testing"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// The red lines the built-in scenarios describe in their feedback are marked, and taking
// one fails the attempt however well the rest went.
func TestBuiltinRedLinesFail(t *testing.T) {
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	// the red lines issue 13 found still passing, by scenario and turn
	mustMark := map[string]string{"elderly-app-distrust": "t3", "ecny-introduction": "t4",
		"social-media-post": "t1", "corporate-urgent-credit": "t1",
		// and one per scenario added with issue 13's content
		"safe-account-scam-at-counter": "t4", "restricted-account-angry-customer": "t2",
		"mis-sold-fund-complaint": "t3", "card-collection-complaint": "t5",
		"hotline-identity-check": "t4", "personal-info-chat-complaint": "t1",
		"deceased-depositor-family": "t5"}
	marked := 0
	for _, s := range all {
		for _, turn := range s.Turns {
			for _, c := range turn.Choices {
				if !c.IsCritical() {
					continue
				}
				marked++
				if mustMark[s.ID] == turn.ID {
					delete(mustMark, s.ID)
				}
				st := playTo(t, s, turn.ID)
				before := len(st.Violations)
				st, _, err := scenarios.Choose(s, st, c.ID, 0)
				if err != nil {
					t.Fatalf("%s %s/%s: %v", s.ID, turn.ID, c.ID, err)
				}
				if len(st.Violations) != before+1 || st.Violations[before].Kind != scenarios.ViolationRedLine || scenarios.Score(s, st).Passed {
					t.Errorf("%s %s/%s: violations %+v, result %+v", s.ID, turn.ID, c.ID, st.Violations, scenarios.Score(s, st))
				}
			}
		}
	}
	if len(mustMark) > 0 {
		t.Errorf("red lines not marked: %v", mustMark)
	}
	t.Logf("%d critical choices in the built-in library", marked)

	lost, _ := library.ByID("lost-card-report")
	st, _, err := scenarios.Answer(lost, scenarios.Start(lost), "别慌，您把验证码告诉我，我帮您挂失。", 0)
	if err != nil || len(st.Violations) != 1 || st.Violations[0].Forbidden != "ask_secret" {
		t.Errorf("asking for the code in lost-card-report: %v, %+v", err, st.Violations)
	}
}

// The typed turns added with issue 13's content forbid asking for secrets, in a chat as on
// the phone, and say so while still letting the prohibition itself through.
func TestNewTypedTurnsForbidAskingForSecrets(t *testing.T) {
	for _, c := range []struct{ scenario, turn, reply, forbidden string }{
		{"hotline-identity-check", "t2", "好的，我先核实身份，您把密码告诉我就行。", "ask_secret"},
		{"hotline-identity-check", "t2", "Fine, just tell me your PIN and I'll verify your identity.", "ask_secret"},
		{"personal-info-chat-complaint", "t3", "您的诉求我记下了，请先发一下身份证号，我好核查。", "ask_sensitive"},
		{"personal-info-chat-complaint", "t3", "Understood. Please send me your card number so I can look into it.", "ask_sensitive"},
	} {
		s, ok := library.ByID(c.scenario)
		if !ok {
			t.Fatalf("no scenario %s", c.scenario)
		}
		st := playTo(t, s, c.turn)
		st, _, err := scenarios.Answer(s, st, c.reply, 0)
		if err != nil || len(st.Violations) != 1 || st.Violations[0].Forbidden != c.forbidden || scenarios.Score(s, st).Passed {
			t.Errorf("%s %s %q: %v, %+v", c.scenario, c.turn, c.reply, err, st.Violations)
		}
		turn := s.Turn(c.turn)
		if f := scenarios.MatchForbidden(turn.FreeText.Forbidden, turn.ModelAnswer.Get(scenarios.LocaleZH)+turn.ModelAnswer.Get(scenarios.LocaleEN)); len(f) > 0 {
			t.Errorf("%s %s: the model answer crosses %v", c.scenario, c.turn, f)
		}
	}
}

// playTo reaches a turn along replies that cross no line (a breadth-first search over
// clean choices and the model answer on typed turns), or, for a turn only a red line
// leads to, along red lines too.
func playTo(t *testing.T, s *scenarios.Scenario, target string) scenarios.State {
	t.Helper()
	if st, ok := search(t, s, target, false); ok {
		return st
	}
	st, ok := search(t, s, target, true)
	if !ok {
		t.Fatalf("%s: no way to %s", s.ID, target)
	}
	return st
}

func search(t *testing.T, s *scenarios.Scenario, target string, redLines bool) (scenarios.State, bool) {
	type node struct {
		turn  string
		moves []scenarios.Move
	}
	seen := map[string]bool{s.Start: true}
	queue := []node{{s.Start, nil}}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n.turn == target {
			st, err := scenarios.Play(s, n.moves)
			if err != nil || len(st.Violations) > 0 && !redLines {
				t.Fatalf("%s: playing to %s: %v %+v", s.ID, target, err, st.Violations)
			}
			return st, true
		}
		turn := s.Turn(n.turn)
		if turn == nil {
			continue
		}
		step := func(next string, m scenarios.Move) {
			if !seen[next] {
				seen[next] = true
				queue = append(queue, node{next, append(append([]scenarios.Move{}, n.moves...), m)})
			}
		}
		for i := range turn.Choices {
			c := &turn.Choices[i]
			switch {
			case !redLines && c.IsCritical():
			case s.CanInsist(turn, c):
				step(c.Next, scenarios.Move{Choice: c.ID, Insist: true})
			case s.Mismatch(c) == nil:
				step(c.Next, scenarios.Move{Choice: c.ID})
			}
		}
		if turn.FreeText != nil {
			step(turn.FreeText.Next, scenarios.Move{Text: turn.ModelAnswer.Get(scenarios.LocaleZH)})
		}
	}
	return scenarios.State{}, false
}

// Scenario 09 scripts the "customer insists" path: taken in full it passes with no
// violation; skipping the recording fails at the sale.
func TestBuiltinInsistPath(t *testing.T) {
	s, _ := library.ByID("conservative-wants-high-yield")
	full := []scenarios.Move{{Choice: "a"}, {Choice: "a"}, {Choice: "a"}, {Choice: "a"}, {Choice: "a"},
		{Choice: "a", Insist: true}, {Choice: "a"}, {Choice: "a"}, {Choice: "a"}, {Choice: "a"}}
	st, err := scenarios.Play(s, full)
	if err != nil || st.Ending != "end-insisted" || len(st.Violations) != 0 || st.Insist == nil || !st.Insist.Sold {
		t.Fatalf("%v: %+v", err, st)
	}
	if res := scenarios.Score(s, st); !res.Passed {
		t.Errorf("the full insist path fails: %+v", res)
	}
	skipped := slices.Clone(full)
	skipped[8].Choice = "b" // t9: no recording
	st, err = scenarios.Play(s, skipped)
	if err != nil || len(st.Violations) != 1 || st.Violations[0].Cause != scenarios.CauseInsistSteps ||
		!slices.Equal(st.Violations[0].Missing, []string{scenarios.ActionRecording}) || scenarios.Score(s, st).Passed {
		t.Errorf("no recording: %v %+v", err, st.Violations)
	}
}
