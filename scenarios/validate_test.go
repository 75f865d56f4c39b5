package scenarios

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// mini returns miniHead with replacements (old, new pairs) and the given turns appended.
func mini(replace []string, turns ...string) string {
	head := miniHead
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(head, replace[i]) {
			panic("mini: no " + replace[i])
		}
		head = strings.Replace(head, replace[i], replace[i+1], 1)
	}
	return head + strings.Join(turns, "")
}

func markID(turn, id string) string {
	return strings.Replace(turn, "- id: "+id+"\n", "- id: "+id+"  # <-\n", 1)
}

func freeTextTurn(id, next, phrasings string) string {
	return "  - id: " + id + "\n" +
		"    customer: {zh-CN: 说吧, en: Go on}\n" +
		"    model_answer: {zh-CN: 您的意思是, en: If I understand}\n" +
		"    free_text:\n" +
		"      next: " + next + "\n" +
		"      checklist:\n" +
		"        - id: restate\n" +
		"          label: {zh-CN: 复述, en: Restates}\n" +
		"          phrasings: " + phrasings + "\n"
}

func TestValidateEachProblemKind(t *testing.T) {
	ok := turnY("t1", "a>end")
	tests := []struct {
		name string
		doc  string
		want []string // every code reported, in order
		turn string   // turn id of the first problem
	}{
		{"valid", mini(nil, ok), nil, ""},
		{"dangling next", mini(nil, turnY("t1", "a>nowhere <-", "b>end")), []string{CodeDanglingNext}, "t1"},
		{"unknown start", mini([]string{"start: t1", "start: t9  # <-"}, ok), []string{CodeUnknownStart}, ""},
		{"start names an ending", mini([]string{"start: t1", "start: end  # <-"}, ok), []string{CodeUnknownStart}, ""},
		{"unreachable turn", mini(nil, ok, markID(turnY("t2", "a>end"), "t2")), []string{CodeUnreachable}, "t2"},
		{"unreachable ending",
			mini([]string{"turns:\n", "  - id: end2  # <-\n    kind: escalated\n    title: {zh-CN: 二, en: Two}\n    debrief: {zh-CN: 二, en: Two}\nturns:\n"}, ok),
			[]string{CodeUnreachable}, ""},
		{"loop with no way out",
			mini(nil, turnY("t1", "a>t2", "b>end"), markID(turnY("t2", "a>t3"), "t2"), turnY("t3", "a>t2", "b>t3")),
			[]string{CodeNoEnding, CodeNoEnding}, "t2"},
		{"loop with a way out is fine",
			mini(nil, turnY("t1", "a>t2"), turnY("t2", "a>t1", "b>t2", "c>end")), nil, ""},
		{"unknown product", mini(nil, turnY("t1", "a>end, recommends: bond <-")), []string{CodeUnknownProduct}, "t1"},
		{"unknown hidden need", mini(nil, turnY("t1", "a>end, reveals: wish <-")), []string{CodeUnknownNeed}, "t1"},
		{"unknown dimension", mini(nil, turnY("t1", "a>end, effects: {charm: 5} <-")), []string{CodeUnknownDimension}, "t1"},
		{"effect out of range", mini(nil, turnY("t1", "a>end, effects: {empathy: 31} <-")), []string{CodeOutOfRange}, "t1"},
		{"mood delta out of range", mini(nil, turnY("t1", "a>end, mood: -51 <-")), []string{CodeOutOfRange}, "t1"},
		{"turn mood out of range",
			mini(nil, strings.Replace(ok, "    choices:\n", "    mood: 101  # <-\n    choices:\n", 1)), []string{CodeOutOfRange}, "t1"},
		{"initial mood out of range", mini([]string{"initial_mood: 50", "initial_mood: 101  # <-"}, ok), []string{CodeOutOfRange}, ""},
		{"pass mark out of range",
			mini([]string{"estimated_minutes: 5\n", "estimated_minutes: 5\npass_mark: 120  # <-\n"}, ok), []string{CodeOutOfRange}, ""},
		{"difficulty out of range", mini([]string{"difficulty: 1", "difficulty: 6  # <-"}, ok), []string{CodeOutOfRange}, ""},
		{"age out of range", mini([]string{"age: 30", "age: 0  # <-"}, ok), []string{CodeOutOfRange}, ""},
		{"weights do not sum to 100",
			mini([]string{"estimated_minutes: 5\n", "estimated_minutes: 5\nweights: {empathy: 50, resolution: 40}  # <-\n"}, ok),
			[]string{CodeWeightsSum}, ""},
		{"weight out of range",
			mini([]string{"estimated_minutes: 5\n", "estimated_minutes: 5\nweights: {empathy: 150, resolution: -50}  # <-\n"}, ok),
			[]string{CodeOutOfRange, CodeOutOfRange}, ""},
		{"weights name an unknown dimension",
			mini([]string{"estimated_minutes: 5\n", "estimated_minutes: 5\nweights: {empathy: 50, charm: 50}  # <-\n"}, ok),
			[]string{CodeUnknownDimension, CodeWeightsSum}, ""},
		{"missing translation", mini([]string{"title: {zh-CN: 标题, en: Title}", "title: {zh-CN: 标题}  # <-"}, ok),
			[]string{CodeMissingTranslation}, ""},
		{"blank translation", mini([]string{"title: {zh-CN: 标题, en: Title}", "title: {zh-CN: '  ', en: Title}  # <-"}, ok),
			[]string{CodeMissingTranslation}, ""},
		{"missing translation in a choice",
			mini(nil, strings.Replace(turnY("t1", "a>end <-"), "feedback: {zh-CN: 不错, en: Fine}", "feedback: {en: Fine}", 1)),
			[]string{CodeMissingTranslation}, "t1"},
		{"missing phrasings in one language",
			mini(nil, freeTextTurn("t1", "end", "{zh-CN: [您的意思是], en: []}  # <-")),
			[]string{CodeMissingTranslation}, "t1"},
		{"empty checklist",
			mini(nil, "  - id: t1\n    customer: {zh-CN: 说, en: Say}\n    model_answer: {zh-CN: 答, en: Answer}\n    free_text:\n      next: end\n      checklist: []  # <-\n"),
			[]string{CodeRequired}, "t1"},
		{"invalid scenario id", mini([]string{"id: mini", "id: Mini_Scenario  # <-"}, ok), []string{CodeInvalidID}, ""},
		{"invalid choice id", mini(nil, turnY("t1", "a/b>end <-")), []string{CodeInvalidID}, "t1"},
		{"invalid category", mini([]string{"category: cards", "category: savings  # <-"}, ok), []string{CodeInvalidValue}, ""},
		{"invalid product kind", mini([]string{"kind: fund", "kind: stock  # <-"}, ok), []string{CodeInvalidValue}, ""},
		{"invalid product risk", mini([]string{"risk: R4", "risk: R9  # <-"}, ok), []string{CodeInvalidValue}, ""},
		{"invalid risk tolerance", mini([]string{"risk_tolerance: R2", "risk_tolerance: high  # <-"}, ok), []string{CodeInvalidValue}, ""},
		{"invalid ending kind", mini([]string{"kind: resolved", "kind: happy  # <-"}, ok), []string{CodeInvalidValue}, ""},
		{"duplicate turn id", mini(nil, turnY("t1", "a>end"), markID(turnY("t1", "a>end"), "t1")), []string{CodeDuplicateID}, "t1"},
		{"turn and ending share an id",
			mini([]string{"turns:\n", "  - id: t1  # <-\n    kind: escalated\n    title: {zh-CN: 二, en: Two}\n    debrief: {zh-CN: 二, en: Two}\nturns:\n"}, ok),
			[]string{CodeDuplicateID}, ""},
		{"duplicate choice id", mini(nil, turnY("t1", "a>end", "a>end <-")), []string{CodeDuplicateID}, "t1"},
		{"duplicate product id", mini([]string{"  - id: deposit", "  - id: fund  # <-"}, ok), []string{CodeDuplicateID}, ""},
		{"turn without reply",
			mini(nil, turnY("t1", "a>t2", "b>end"), "  - id: t2  # <-\n    customer: {zh-CN: 说, en: Say}\n    model_answer: {zh-CN: 答, en: Answer}\n"),
			[]string{CodeNoReply}, "t2"},
		{"turn with both kinds of reply",
			mini(nil, markID(turnY("t1", "a>end"), "t1")+"    free_text: {next: end, checklist: [{id: x, label: {zh-CN: 一, en: One}, phrasings: {zh-CN: [一], en: [one]}}]}\n"),
			[]string{CodeBothReplies}, "t1"},
		{"too many choices",
			mini(nil, strings.Replace(turnY("t1", strings.Split("a>end b>end c>end d>end e>end f>end g>end h>end i>end j>end k>end l>end m>end", " ")...),
				"    choices:\n", "    choices:  # <-\n", 1)),
			[]string{CodeTooMany}, "t1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, probs := Load("mini.yaml", []byte(tt.doc))
			if s == nil {
				t.Fatalf("Load returned no scenario: %v", probs)
			}
			if got := probs.Codes(); !slices.Equal(got, tt.want) {
				t.Fatalf("codes = %v, want %v\n%v", got, tt.want, probs)
			}
			if len(tt.want) == 0 {
				return
			}
			p := probs[0]
			if want := markerLine(tt.doc); p.Line != want {
				t.Errorf("line = %d, want %d (%v)", p.Line, want, p)
			}
			if p.Turn != tt.turn {
				t.Errorf("turn = %q, want %q", p.Turn, tt.turn)
			}
			if p.File != "mini.yaml" || p.Message == "" || p.Path == "" {
				t.Errorf("problem lacks file, path or message: %+v", p)
			}
		})
	}
}

func TestValidateReportsEverythingAtOnce(t *testing.T) {
	doc := mini([]string{
		"category: cards", "category: savings",
		"title: {zh-CN: 标题, en: Title}", "title: {zh-CN: 标题}",
	}, turnY("t1", "a>nowhere", "b>end, effects: {empathy: 99}", "c>end, recommends: bond"))
	_, probs := Load("x.yaml", []byte(doc))
	want := []string{CodeMissingTranslation, CodeInvalidValue, CodeDanglingNext, CodeOutOfRange, CodeUnknownProduct}
	if got := probs.Codes(); !slices.Equal(got, want) {
		t.Fatalf("codes = %v, want %v\n%v", got, want, probs)
	}
	for i := 1; i < len(probs); i++ {
		if probs[i].Line < probs[i-1].Line {
			t.Errorf("problems not ordered by line: %v", probs)
		}
	}
}

func TestValidateDoesNotRepeatParseProblems(t *testing.T) {
	// next has the wrong type: Parse says so; Validate must not add "required" or
	// "dangling_next" for the same value.
	doc := mini(nil, turnY("t1", "a>[t2]", "b>end"))
	_, probs := Load("x.yaml", []byte(doc))
	if got := probs.Codes(); !slices.Equal(got, []string{CodeType}) {
		t.Fatalf("codes = %v\n%v", got, probs)
	}
}

func TestValidateScenarioBuiltInCode(t *testing.T) {
	probs := Validate(&Scenario{})
	for _, want := range []string{"id", "title", "persona.name", "turns", "endings", "start", "category"} {
		if !slices.ContainsFunc(probs, func(p Problem) bool { return p.Path == want && p.Code == CodeRequired }) {
			t.Errorf("no required problem for %s in %v", want, probs)
		}
	}
	for _, p := range probs {
		if p.Line != 0 || p.File != "" {
			t.Errorf("a scenario built in code has no lines: %+v", p)
		}
	}
	if got := Validate(nil).Codes(); !slices.Equal(got, []string{CodeEmpty}) {
		t.Errorf("Validate(nil) = %v", got)
	}
}

func TestTestdataIsValid(t *testing.T) {
	for _, name := range []string{"salary-deposit.yaml", "lost-card.yaml"} {
		mustLoad(t, name)
	}
}

func TestProblemsAsErrorAndJSON(t *testing.T) {
	var none Problems
	if none.Err() != nil {
		t.Fatal("empty problems must be a nil error")
	}
	_, probs := Load("x.yaml", []byte(mini([]string{"category: cards", "category: savings"}, turnY("t1", "a>end"))))
	err := probs.Err()
	if err == nil || !strings.Contains(err.Error(), "x.yaml:5:") || !strings.Contains(err.Error(), "[invalid_value]") {
		t.Fatalf("error = %v", err)
	}
	data, jerr := json.Marshal(probs)
	if jerr != nil {
		t.Fatal(jerr)
	}
	var back []map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"file": "x.yaml", "line": 5.0, "path": "category", "code": "invalid_value"}
	for k, v := range want {
		if back[0][k] != v {
			t.Errorf("json %s = %v, want %v (%s)", k, back[0][k], v, data)
		}
	}
	zh := probs.Localize(LocaleZH)
	if !strings.Contains(zh[0].Message, "无效") || strings.Contains(probs[0].Message, "无效") {
		t.Errorf("Localize: zh %q, en %q", zh[0].Message, probs[0].Message)
	}
	if !reflect.DeepEqual(zh[0].Args, probs[0].Args) {
		t.Error("Localize must keep args")
	}
}

func TestEveryCodeHasBothMessages(t *testing.T) {
	for code, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("%s lacks a message", code)
		}
	}
}
