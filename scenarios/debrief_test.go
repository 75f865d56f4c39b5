package scenarios

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDebrief(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	st, err := Play(s, []Move{{Choice: "a"}, {Text: "If I understand, a ladder works"}, {Choice: "c", Confirm: true}})
	if err != nil {
		t.Fatal(err)
	}
	en := Debrief(s, st, "en-GB")
	if en.Locale != LocaleEN || en.Title != "Turning a salary into a time deposit" || !en.Finished {
		t.Errorf("header: %+v", en)
	}
	if en.Ending == nil || en.Ending.ID != "end-complaint" || en.Ending.Kind != "complaint_filed" || en.Ending.Text == "" {
		t.Errorf("ending: %+v", en.Ending)
	}
	if len(en.Turns) != 3 {
		t.Fatalf("turns: %+v", en.Turns)
	}
	first := en.Turns[0]
	if first.Choice != "a" || !strings.HasPrefix(first.Reply, "Sure.") || !strings.Contains(first.Feedback, "emergency-reserve") ||
		!strings.HasPrefix(first.ModelAnswer, "Sure. May I") || first.Customer == "" {
		t.Errorf("turn 1: %+v", first)
	}
	ft := en.Turns[1]
	if ft.Reply != "If I understand, a ladder works" || len(ft.Checklist) != 3 ||
		!ft.Checklist[0].Hit || !ft.Checklist[1].Hit || ft.Checklist[2].Hit ||
		ft.Feedback != "You did: Restates the customer's demand; Proposes a deposit ladder. Missing: Mentions the risk assessment." {
		t.Errorf("free-text turn: %+v", ft)
	}
	if !en.Turns[2].Violation || len(en.Violations) != 1 ||
		!strings.Contains(en.Violations[0].Message, "customer C2, product R4") || en.Violations[0].ProductName != "Equity fund" {
		t.Errorf("violations: %+v / %+v", en.Turns[2], en.Violations)
	}
	if len(en.Needs) != 1 || !en.Needs[0].Revealed {
		t.Errorf("needs: %+v", en.Needs)
	}
	if en.Result.Passed || en.Result.Violations != 1 {
		t.Errorf("result: %+v", en.Result)
	}

	zh := Debrief(s, st, "fr")
	if zh.Locale != LocaleZH || zh.Turns[1].Feedback != "已做到：复述客户诉求、提出阶梯存款。未做到：提到风险评估。" ||
		!strings.Contains(zh.Violations[0].Message, "客户 C2，产品 R4") {
		t.Errorf("zh debrief: %+v", zh.Turns[1])
	}

	// an attempt that has not started still gives a well-formed page
	empty := Debrief(s, Start(s), "zh-CN")
	b, _ := json.Marshal(empty)
	if empty.Ending != nil || !strings.Contains(string(b), `"turns":[]`) || empty.Needs[0].Revealed {
		t.Errorf("empty debrief: %s", b)
	}
}

func TestDebriefExplainsAKeywordList(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	st, _, err := Choose(s, Start(s), "a", 0)
	if err != nil {
		t.Fatal(err)
	}
	if st, _, err = Answer(s, st, "您希望 阶梯 风险评估", 0); err != nil {
		t.Fatal(err)
	}
	d := Debrief(s, st, "en")
	if !strings.HasPrefix(d.Turns[1].Feedback, "This is a list of keywords") {
		t.Errorf("feedback %q", d.Turns[1].Feedback)
	}
}
