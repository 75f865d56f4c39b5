package scenarios

import (
	"slices"
	"strings"
	"testing"
)

func TestTimeLimitPattern(t *testing.T) {
	limits := []string{
		"我2个工作日内给您答复", "24小时内回复您", "三个工作日给您结果", "两周内办好", "半小时内回电",
		"今天下午5点前告诉您", "明天上午十点给您电话", "17:00前答复", "下周一前办完", "今天之内给您消息",
		"２４小时内", // full width digits
		"I'll reply within 24 hours", "in 2 business days", "within the next two hours", "3 working days",
		"by 5 pm today", "before 5 p.m.", "by 17:00", "by noon", "by the end of the day", "by Friday",
	}
	for _, r := range limits {
		if at, _ := patternAt(PatternTimeLimit, normalize(r)); at < 0 {
			t.Errorf("%q: no time limit found", r)
		}
	}
	vague := []string{
		"明天给您答复", "我尽快处理", "很快就好", "三个月前您买的基金", "我们马上处理", "今天就提交",
		"I'll get back to you tomorrow", "soon", "as soon as possible", "by tomorrow", "within my power",
		"不会在24小时内给结果", "we won't finish within 2 working days", "at some point today",
	}
	for _, r := range vague {
		if at, _ := patternAt(PatternTimeLimit, normalize(r)); at >= 0 {
			t.Errorf("%q: read as a time limit", r)
		}
	}
	if at, _ := patternAt("no_such_pattern", "24小时内"); at >= 0 {
		t.Error("an unknown pattern matched")
	}
}

// scriptTurn is a typed turn in the order the seed's script asks for: restate, commit a
// time limit (a commitment word and a time), promise updates.
func scriptTurn() *FreeText {
	return &FreeText{
		Checklist: []ChecklistItem{
			{ID: "restate", Phrasings: Phrasings{LocaleZH: {"您希望"}, LocaleEN: {"you want"}}, Effects: Effects{"resolution": 10}},
			{ID: "time_limit", AllOf: []Phrasings{{LocaleZH: {"答复", "回复"}, LocaleEN: {"reply", "answer"}}}, Pattern: PatternTimeLimit, Effects: Effects{"resolution": 10}},
			{ID: "updates", Phrasings: Phrasings{LocaleZH: {"进展"}, LocaleEN: {"keep you updated"}}, Effects: Effects{"empathy": 5}},
		},
		Next:  "end",
		Mood:  10,
		Order: &ReplyOrder{Elements: []string{"restate", "time_limit", "updates"}, Effects: Effects{"resolution": 5}},
	}
}

func TestConceptGroupsAndPatternTogether(t *testing.T) {
	ft := scriptTurn()
	for reply, want := range map[string][]string{
		"您希望我们查清楚。我2个工作日内给您答复，有进展马上告诉您。":                                            {"restate", "time_limit", "updates"},
		"您希望我们查清楚。我2个工作日内去核查，有进展马上告诉您。":                                             {"restate", "updates"}, // a time without a commitment
		"您希望我们查清楚。我会给您答复，有进展马上告诉您。":                                                 {"restate", "updates"}, // a commitment without a time
		"You want us to check it. I'll reply within 24 hours and keep you updated.": {"restate", "time_limit", "updates"},
	} {
		if g := GradeAnswer(ft, reply); !slices.Equal(g.Hits, want) {
			t.Errorf("%q meets %v, want %v", reply, g.Hits, want)
		}
	}
}

func TestScriptOrder(t *testing.T) {
	ft := scriptTurn()
	tests := []struct {
		reply   string
		hits    int
		ordered bool
	}{
		{"您希望我们查清楚利息对不对。我2个工作日内给您书面答复，期间有进展我会主动告诉您。", 3, true},
		// every element, but the time limit comes first
		{"我2个工作日内给您书面答复。您希望我们查清楚利息对不对，期间有进展我会主动告诉您。", 3, false},
		// saying the restatement again after the rest does not repair the order: first occurrences count
		{"有进展我会主动告诉您。您希望我们查清楚，我2个工作日内给您答复。您希望的进展我都会说。", 3, false},
		// the order is of met elements: a negated time limit breaks it
		{"您希望我们查清楚利息对不对。我不会在2个工作日内给您答复，但有进展我会主动告诉您。", 2, false},
	}
	for _, tt := range tests {
		g := GradeAnswer(ft, tt.reply)
		if len(g.Hits) != tt.hits || g.OrderMet != tt.ordered {
			t.Errorf("%q: hits %v, order %v; want %d hits, order %v", tt.reply, g.Hits, g.OrderMet, tt.hits, tt.ordered)
		}
	}

	// The order's bonus is added only when it is met; out of order the elements still count.
	s := &Scenario{ID: "x", Version: 1, Start: "t1", Persona: Persona{InitialMood: 50},
		Turns:   []Turn{{ID: "t1", FreeText: ft}},
		Endings: []Ending{{ID: "end"}}}
	st, step, err := Answer(s, Start(s), tests[0].reply, 0)
	if err != nil || !step.OrderMet || st.Effects["resolution"] != 25 {
		t.Errorf("in order: %v, step %+v, effects %v", err, step, st.Effects)
	}
	if d := Debrief(s, st, LocaleZH); d.Turns[0].OrderMet == nil || !*d.Turns[0].OrderMet || !strings.Contains(d.Turns[0].Feedback, "顺序正确") {
		t.Errorf("debrief in order: %+v", d.Turns[0])
	}
	st, step, err = Answer(s, Start(s), tests[1].reply, 0)
	if err != nil || step.OrderMet || st.Effects["resolution"] != 20 {
		t.Errorf("out of order: %v, step %+v, effects %v", err, step, st.Effects)
	}
	if d := Debrief(s, st, LocaleEN); d.Turns[0].OrderMet == nil || *d.Turns[0].OrderMet || !strings.Contains(d.Turns[0].Feedback, "Not in the order") {
		t.Errorf("debrief out of order: %+v", d.Turns[0])
	}
	// A keyword list in the right order earns nothing at all.
	if g := GradeAnswer(ft, "您希望 2个工作日内答复 进展"); len(g.Hits) != 0 || g.OrderMet || !g.KeywordsOnly {
		t.Errorf("keywords in order: %+v", g)
	}
}

func TestUnsureReplies(t *testing.T) {
	ft := scriptTurn()
	tests := []struct {
		name, reply string
		want        []string
	}{
		{"clear", "您希望我们查清楚利息对不对。我2个工作日内给您书面答复，期间有进展我会主动告诉您。", nil},
		{"short and missing little", "谢谢。", nil},
		{"a real answer the phrasings miss", "刘女士，这件事确实是我们没讲清楚规则，我先把利息的计算方式给您一笔一笔核对清楚，再给您一个明确的说法。", []string{UnsureFewHits}},
		{"met only through a very short phrasing", "进展嘛", []string{UnsureShortPhrasings}},
		{"a negation after the phrasing", "您希望的复核就不用了吧。我2个工作日内给您答复，有进展告诉您。", []string{UnsureNegation}},
		{"a double negation", "您希望我们查清楚。我2个工作日内给您答复，不能不告诉您进展。", []string{UnsureNegation}},
		{"an English trailing negation", "You want us to check it. I'll reply within 24 hours. To keep you updated is not necessary.", []string{UnsureNegation}},
	}
	for _, tt := range tests {
		if g := GradeAnswer(ft, tt.reply); !slices.Equal(g.Unsure, tt.want) {
			t.Errorf("%s: unsure %v, want %v (hits %v)", tt.name, g.Unsure, tt.want, g.Hits)
		}
	}

	// The step and the state carry it: the attempt is marked for a human look.
	s := &Scenario{ID: "x", Version: 1, Start: "t1", Persona: Persona{InitialMood: 50},
		Turns:   []Turn{{ID: "t1", FreeText: ft}},
		Endings: []Ending{{ID: "end"}}}
	st, step, err := Answer(s, Start(s), tests[2].reply, 0)
	if err != nil || !step.Unsure || !slices.Equal(step.UnsureWhy, []string{UnsureFewHits}) || !st.NeedsHumanLook() {
		t.Errorf("unsure reply: %v, step %+v", err, step)
	}
	if d := Debrief(s, st, LocaleEN); !d.Turns[0].Unsure || !strings.Contains(d.Turns[0].Feedback, "a manager will read it") {
		t.Errorf("debrief of an unsure reply: %+v", d.Turns[0])
	}
	st, _, _ = Answer(s, Start(s), tests[0].reply, 0)
	if st.NeedsHumanLook() {
		t.Error("a clear reply marked for a human look")
	}
}
