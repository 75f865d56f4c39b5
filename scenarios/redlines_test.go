package scenarios

import (
	"reflect"
	"slices"
	"testing"

	"github.com/servicestar/servicestar/scoring"
)

const criticalReason = "critical: {zh-CN: 索要密码, en: Asks for the password}"

// forbiddenTurn is a typed turn whose reply must never ask for a password or a code.
func forbiddenTurn(id, next string) string {
	return freeTextTurn(id, next, "{zh-CN: [您的意思是], en: [if I understand]}") +
		"      forbidden:\n" +
		"        - id: ask_password\n" +
		"          reason: {zh-CN: 员工不得索要密码, en: Staff never ask for a password}\n" +
		"          phrasings: {zh-CN: [告诉我密码, 把验证码告诉我], en: [tell me your password, read me the code]}\n"
}

func loadDoc(t *testing.T, doc string) *Scenario {
	t.Helper()
	s, probs := Load("mini.yaml", []byte(doc))
	if len(probs) > 0 {
		t.Fatalf("%v", probs)
	}
	return s
}

func TestCriticalChoiceRecordsARedLineAndFails(t *testing.T) {
	// compliance weighs nothing here, so the total alone would pass
	doc := "format: 2\nweights: {empathy: 50, resolution: 50, compliance: 0}\n" + mini(nil, turnY("t1", "a>t2, effects: {empathy: 30, compliance: 30}", "b>t2, effects: {empathy: 30, compliance: 30}, "+criticalReason), turnY("t2", "a>end, effects: {resolution: 30}"))
	s := loadDoc(t, doc)
	if !slices.Contains(s.Dimensions(), scoring.Compliance) {
		t.Errorf("dimensions %v: a red line puts compliance in the test", s.Dimensions())
	}

	clean, err := Play(s, []Move{{Choice: "a"}, {Choice: "a"}})
	if err != nil || !Score(s, clean).Passed {
		t.Fatalf("the clean path: %v, %+v", err, Score(s, clean))
	}

	st, step, err := Choose(s, Start(s), "b", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Violation{{Kind: ViolationRedLine, Step: 0, Turn: "t1", Choice: "b"}}
	if !reflect.DeepEqual(st.Violations, want) || !step.Violation || st.Pending != nil || st.Turn != "t2" {
		t.Fatalf("violations %+v, step %+v", st.Violations, step)
	}
	if got := st.Violations[0].Reason(s).Get(LocaleEN); got != "Asks for the password" {
		t.Errorf("reason %q", got)
	}
	st, _, err = Choose(s, st, "a", 0)
	if err != nil {
		t.Fatal(err)
	}
	res := Score(s, st)
	if res.Passed || res.Violations != 1 || res.Total < float64(res.PassMark) {
		t.Errorf("a red line with a high total must fail: %+v", res)
	}
	for _, d := range res.Dimensions {
		if d.Dimension == scoring.Compliance && d.Score != 0 {
			t.Errorf("compliance %d after a red line", d.Score)
		}
	}

	// the shortest way to the ending avoids the red line
	if moves := PathsToEndings(s)["end"]; len(moves) != 2 || moves[0].Choice != "a" {
		t.Errorf("paths %+v", moves)
	}
}

func TestForbiddenPhrasingRecordsARedLine(t *testing.T) {
	s := loadDoc(t, "format: 2\n"+mini(nil, forbiddenTurn("t1", "end")))
	tests := []struct {
		name, text string
		forbidden  []string
	}{
		{"asks for the password", "您的意思是要开通，那您告诉我密码，我来设置。", []string{"ask_password"}},
		{"english, other case", "If I understand, please TELL ME YOUR PASSWORD.", []string{"ask_password"}},
		{"asks for the code", "您把验证码告诉我就行。", []string{"ask_password"}},
		{"the right advice is negated", "您的意思是怕被骗：千万别把验证码告诉我或任何人。", nil},
		{"english negated", "If I understand, I will never ask you to tell me your password.", nil},
		{"nothing forbidden", "您的意思是想自己操作，我在旁边指导。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, step, err := Answer(s, Start(s), tt.text, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(step.Forbidden, tt.forbidden) || step.Violation != (tt.forbidden != nil) {
				t.Fatalf("step %+v", step)
			}
			if len(st.Violations) != len(tt.forbidden) {
				t.Fatalf("violations %+v", st.Violations)
			}
			if tt.forbidden != nil {
				v := st.Violations[0]
				if v.Kind != ViolationRedLine || v.Forbidden != "ask_password" || v.Reason(s).Get(LocaleZH) != "员工不得索要密码" || Score(s, st).Passed {
					t.Errorf("violation %+v, score %+v", v, Score(s, st))
				}
			}
		})
	}
}

// Red lines came with format 2: a file that declares no format (v1) still loads as it
// always did, but cannot use them.
func TestRedLinesNeedFormat2(t *testing.T) {
	v1 := mini(nil, turnY("t1", "a>end"))
	if _, probs := Load("v1.yaml", []byte(v1)); len(probs) > 0 {
		t.Fatalf("a v1 file: %v", probs)
	}
	tests := []struct {
		name, doc, path string
	}{
		{"critical in v1", mini(nil, turnY("t1", "a>end, "+criticalReason)), "turns[0].choices[0].critical"},
		{"forbidden in v1", "format: 1\n" + mini(nil, forbiddenTurn("t1", "end")), "turns[0].free_text.forbidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load("x.yaml", []byte(tt.doc))
			if len(probs) != 1 || probs[0].Code != CodeNeedsFormat || probs[0].Path != tt.path || probs[0].Line == 0 {
				t.Errorf("problems %v", probs)
			}
		})
	}
	if _, probs := Load("x.yaml", []byte("format: 5\n"+v1)); len(probs) != 1 || probs[0].Code != CodeOutOfRange {
		t.Errorf("format 5: %v", probs)
	}
	half := "format: 2\n" + mini(nil, turnY("t1", "a>end, critical: {zh-CN: 原因}"))
	if _, probs := Load("x.yaml", []byte(half)); len(probs) != 1 || probs[0].Code != CodeMissingTranslation {
		t.Errorf("a reason without English: %v", probs)
	}
}
