package scenarios

import (
	"slices"
	"strings"
	"testing"
)

// moodDoc is a format 4 scenario whose customer walks out below a mood of 30, and whose
// second turn says more once the hidden need is revealed.
func moodDoc() string {
	doc := "format: 4\nmood_endings:\n  - {below: 30, ending: end-left}\n" + mini(nil,
		turnY("t1", "ask>t2, mood: 5, reveals: need", "rude>t2, mood: -15", "walk>end-left, mood: -40"),
		turnY("t2", "ok>end", "rude>t2b, mood: -10"),
		turnY("t2b", "ok>end"),
	)
	doc = strings.Replace(doc, "  - id: t2\n    customer: {zh-CN: 你好, en: Hello}\n",
		"  - id: t2\n    customer: {zh-CN: 还有吗, en: Anything else}\n"+
			"    customer_if:\n      - revealed: need\n        customer: {zh-CN: 其实我还需要, en: Actually I also need}\n", 1)
	doc = strings.Replace(doc, "\nendings:\n", "\nendings:\n  - id: end-left\n    kind: customer_left\n    title: {zh-CN: 客户离开了, en: The customer left}\n    debrief: {zh-CN: 走了, en: Gone}\n", 1)
	return doc
}

func TestMoodEndingEndsTheConversation(t *testing.T) {
	s := loadDoc(t, moodDoc())
	// 50 → 35: still talking.
	st, step, err := Choose(s, Start(s), "rude", 0)
	if err != nil || st.Finished || step.MoodEnding || st.Turn != "t2" || st.Mood != 35 {
		t.Fatalf("first rude reply: %v %+v %+v", err, st, step)
	}
	// 35 → 25, below 30: the customer leaves instead of going on to t2b.
	st, step, err = Choose(s, st, "rude", 0)
	if err != nil || !st.Finished || st.Ending != "end-left" || !step.MoodEnding || step.Next != "end-left" ||
		!st.Steps[1].MoodEnding || st.Steps[1].Next != "end-left" {
		t.Fatalf("second rude reply: %v %+v %+v", err, st, step)
	}
	if d := Debrief(s, st, LocaleEN); !d.Turns[1].MoodEnding || !strings.Contains(d.Turns[1].Feedback, "fell to 25") ||
		d.Ending == nil || d.Ending.Kind != "customer_left" {
		t.Errorf("debrief of a mood ending: %+v", d)
	}
	// A reply that goes to an ending itself keeps it.
	st, step, _ = Choose(s, Start(s), "walk", 0)
	if st.Ending != "end-left" || step.MoodEnding {
		t.Errorf("a direct ending: %+v", step)
	}
	// The searches follow the mood: the mood ending is found, and played it fires.
	paths := PathsToMoodEndings(s)
	if len(paths) != 1 {
		t.Fatalf("mood-ending paths %v", paths)
	}
	st, err = Play(s, paths[0])
	if err != nil || st.Ending != "end-left" || !st.Steps[len(st.Steps)-1].MoodEnding {
		t.Errorf("playing %v: %v %+v", paths[0], err, st)
	}
	for ending, moves := range PathsToEndings(s) {
		if st, err := Play(s, moves); err != nil || st.Ending != ending {
			t.Errorf("path to %s ends at %s: %v", ending, st.Ending, err)
		}
	}
}

func TestGatedCustomerText(t *testing.T) {
	s := loadDoc(t, moodDoc())
	t2 := s.Turn("t2")
	if got := t2.CustomerText(nil)[LocaleEN]; got != "Anything else" {
		t.Errorf("undiscovered: %q", got)
	}
	st, _, _ := Choose(s, Start(s), "ask", 0)
	if got := t2.CustomerText(st.Needs)[LocaleEN]; got != "Actually I also need" {
		t.Errorf("revealed: %q", got)
	}
	// The debrief shows what the customer said then.
	st, _, _ = Choose(s, st, "ok", 0)
	if d := Debrief(s, st, LocaleEN); d.Turns[1].Customer != "Actually I also need" {
		t.Errorf("debrief after the reveal: %q", d.Turns[1].Customer)
	}
	st, _ = Play(s, []Move{{Choice: "rude"}, {Choice: "ok"}})
	if d := Debrief(s, st, LocaleEN); d.Turns[1].Customer != "Anything else" {
		t.Errorf("debrief without the reveal: %q", d.Turns[1].Customer)
	}
	if got := st.RevealedBefore(99); got != nil {
		t.Errorf("revealed %v", got)
	}
}

func TestFormat4FieldsAreValidated(t *testing.T) {
	if _, probs := Load("x.yaml", []byte(strings.Replace(moodDoc(), "format: 4\n", "format: 3\n", 1))); len(probs) != 2 ||
		probs[0].Code != CodeNeedsFormat || probs[1].Code != CodeNeedsFormat {
		t.Errorf("format 4 fields in a format 3 file: %v", probs)
	}
	tests := []struct{ name, from, to, code string }{
		{"mood ending to nowhere", "{below: 30, ending: end-left}", "{below: 30, ending: t2}", CodeDanglingNext},
		{"mood threshold out of range", "{below: 30,", "{below: 0,", CodeOutOfRange},
		{"gated on an unknown need", "revealed: need", "revealed: nothing", CodeUnknownNeed},
	}
	for _, tt := range tests {
		_, probs := Load("x.yaml", []byte(strings.Replace(moodDoc(), tt.from, tt.to, 1)))
		if len(probs) != 1 || probs[0].Code != tt.code {
			t.Errorf("%s: %v", tt.name, probs)
		}
	}
	typed := func(element, order string) string {
		return "format: 4\n" + mini(nil, "  - id: t1\n    customer: {zh-CN: 说, en: Say}\n    model_answer: {zh-CN: 好, en: Good}\n"+
			"    free_text:\n      next: end\n"+order+"      checklist:\n"+
			"        - id: restate\n          label: {zh-CN: 复述, en: Restates}\n          phrasings: {zh-CN: [您希望], en: [you want]}\n"+
			"        - id: time\n          label: {zh-CN: 时限, en: Time}\n"+element)
	}
	ok := "          pattern: time_limit\n          all_of: [{zh-CN: [答复], en: [reply]}]\n"
	if _, probs := Load("x.yaml", []byte(typed(ok, "      order: {elements: [restate, time]}\n"))); len(probs) > 0 {
		t.Fatalf("a valid element: %v", probs)
	}
	for _, tt := range []struct{ name, element, order, code string }{
		{"no concept", "", "", CodeRequired},
		{"unknown pattern", "          pattern: deadline\n", "", CodeInvalidValue},
		{"all_of without English", "          all_of: [{zh-CN: [答复]}]\n", "", CodeMissingTranslation},
		{"order of an unknown element", ok, "      order: {elements: [restate, nothing]}\n", CodeInvalidValue},
		{"order twice the same", ok, "      order: {elements: [restate, restate]}\n", CodeDuplicateID},
		{"order of one", ok, "      order: {elements: [restate]}\n", CodeOutOfRange},
	} {
		_, probs := Load("x.yaml", []byte(typed(tt.element, tt.order)))
		if !slices.ContainsFunc(probs, func(p Problem) bool { return p.Code == tt.code }) {
			t.Errorf("%s: %v", tt.name, probs)
		}
	}
}
