package scenarios

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// v3 is miniHead in format 3 with the persona's class and assessment lines given, a
// bank wealth product rated R3 beside the R4 fund, and the turns.
func v3(t *testing.T, persona string, turns ...string) *Scenario {
	t.Helper()
	head := strings.Replace(miniHead, "  risk_tolerance: R2\n", persona, 1)
	head = strings.Replace(head, "products:\n", `products:
  - id: wmp
    name: {zh-CN: 固收+理财, en: Fixed income plus}
    kind: wealth_management
    risk: R3
`, 1)
	doc := "format: 3\nfacts_checked_on: \"2026-06-01\"\n" + head + strings.Join(turns, "")
	s, probs := Load("v3.yaml", []byte(doc))
	if len(probs) > 0 {
		t.Fatalf("%v\n%s", probs, doc)
	}
	return s
}

const c2Current = "  risk_class: C2\n  assessed_on: \"2026-01-10\"\n"

// insistTurn is a turn where the customer insists on the fund.
func insistTurn(id string, choices ...string) string {
	return strings.Replace(turnY(id, choices...), "    customer:", "    insists: fund\n    customer:", 1)
}

// The insist path, scripted: t1 the customer insists and the employee processes the
// request; t2 the written warning, t3 the signature, t4 the recording, t5 the sale.
func insistScenario(t *testing.T, persona string) *Scenario {
	return v3(t, persona,
		insistTurn("t1", "a>t2, recommends: fund", "b>end, recommends: fund, action: sale", "c>end, recommends: wmp"),
		turnY("t2", "a>t3, action: risk_warning", "b>t4, action: signed_confirmation"),
		turnY("t3", "a>t4, action: signed_confirmation"),
		turnY("t4", "a>t5, action: recording", "b>t5"),
		turnY("t5", "a>end, action: sale"),
	)
}

func TestFormat2RiskToleranceReadsAsClass(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	if s.Persona.RiskClass != "C2" || s.Persona.Class() != "C2" || s.Assessment() != AssessmentCurrent {
		t.Errorf("class %q, assessment %s", s.Persona.RiskClass, s.Assessment())
	}
}

func TestInsistPathTakenInFull(t *testing.T) {
	s := insistScenario(t, c2Current)
	st, _, err := Choose(s, Start(s), "a", 10)
	if err != nil {
		t.Fatal(err)
	}
	p := st.Pending
	if p == nil || !p.CanInsist || p.Refused || p.CustomerRisk != "C2" || !strings.Contains(p.Message[LocaleZH], "客户 C2，产品 R4") {
		t.Fatalf("pending %+v", p)
	}
	st, step, err := Insist(s, st)
	if err != nil {
		t.Fatal(err)
	}
	if !step.Insisted || step.Violation || st.Insist == nil || st.Insist.Product != "fund" || len(st.Violations) != 0 {
		t.Fatalf("after insist: step %+v, state %+v", step, st)
	}
	st, err = Play2(s, st, "a", "a", "a", "a")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Finished || len(st.Violations) != 0 || !st.Insist.Sold ||
		!slices.Equal(st.Insist.Steps, InsistSteps) {
		t.Errorf("state %+v", st)
	}
}

// Play2 takes the choices in order from st.
func Play2(s *Scenario, st State, choices ...string) (State, error) {
	for _, c := range choices {
		var err error
		if st, _, err = Choose(s, st, c, 0); err != nil {
			return st, err
		}
	}
	return st, nil
}

func TestInsistPathWithAStepSkippedIsAViolation(t *testing.T) {
	s := insistScenario(t, c2Current)
	for name, tc := range map[string]struct {
		first   string
		then    []string
		missing []string
	}{
		"no recording":       {"a", []string{"a", "a", "b", "a"}, []string{ActionRecording}},
		"no written warning": {"a", []string{"b", "a", "a"}, []string{ActionRiskWarning}},
		"sold on the spot":   {"b", nil, InsistSteps},
	} {
		t.Run(name, func(t *testing.T) {
			st, _, err := Choose(s, Start(s), tc.first, 0)
			if err == nil {
				st, _, err = Insist(s, st)
			}
			if err == nil {
				st, err = Play2(s, st, tc.then...)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !st.Finished || len(st.Violations) != 1 {
				t.Fatalf("state %+v", st)
			}
			v := st.Violations[0]
			if v.Kind != ViolationSuitability || v.Cause != CauseInsistSteps || !slices.Equal(v.Missing, tc.missing) ||
				!strings.Contains(v.SuitabilityMessage(s)[LocaleZH], "客户 C2，产品 R4") {
				t.Errorf("violation %+v: %v", v, v.SuitabilityMessage(s))
			}
			if Score(s, st).Passed {
				t.Error("an attempt with a skipped step passed")
			}
		})
	}
}

func TestNoInsistForC1OrWithoutTheCustomerInsisting(t *testing.T) {
	c1 := insistScenario(t, "  risk_class: C1\n  assessed_on: \"2026-01-10\"\n")
	st, _, err := Choose(c1, Start(c1), "a", 0)
	if err != nil || st.Pending == nil || st.Pending.CanInsist || !strings.Contains(st.Pending.Message[LocaleEN], "C1") {
		t.Fatalf("C1: %v %+v", err, st.Pending)
	}
	if _, _, err := Insist(c1, st); !errors.Is(err, ErrCannotInsist) {
		t.Errorf("C1 insist: %v", err)
	}

	quiet := v3(t, c2Current, turnY("t1", "a>end, recommends: fund"))
	st, _, _ = Choose(quiet, Start(quiet), "a", 0)
	if st.Pending == nil || st.Pending.CanInsist {
		t.Fatalf("a turn where the customer does not insist offers the path: %+v", st.Pending)
	}
}

func TestBankWealthProductAboveTheClassIsRefused(t *testing.T) {
	s := insistScenario(t, c2Current)
	st, _, err := Choose(s, Start(s), "c", 0)
	if err != nil || st.Pending == nil || !st.Pending.Refused || st.Pending.CanInsist {
		t.Fatalf("%v %+v", err, st.Pending)
	}
	if _, _, err := Insist(s, st); !errors.Is(err, ErrCannotInsist) {
		t.Errorf("insist on a wealth product: %v", err)
	}
	st, _, _ = Confirm(s, st)
	if len(st.Violations) != 1 || st.Violations[0].Cause != CauseMismatch {
		t.Errorf("violations %+v", st.Violations)
	}
}

func TestExpiredOrMissingAssessmentMustBeRedoneFirst(t *testing.T) {
	turns := []string{
		turnY("t1", "a>t2, action: redo_assessment", "b>t2"),
		turnY("t2", "a>end, recommends: deposit", "b>end, recommends: wmp", "c>end, recommends: fund"),
	}
	for name, persona := range map[string]string{
		"expired": "  risk_class: C4\n  assessed_on: \"2025-05-31\"\n",
		"missing": "  risk_class: C4\n",
	} {
		t.Run(name, func(t *testing.T) {
			s := v3(t, persona, turns...)
			if s.Assessment() != name {
				t.Fatalf("assessment %s", s.Assessment())
			}
			// without the reassessment: a product that needs a match raises the warning, a deposit does not
			st, _, err := Choose(s, Start(s), "b", 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := Choose(s, st, "a", 0); err != nil {
				t.Errorf("a deposit: %v", err)
			}
			pending, _, _ := Choose(s, st, "b", 0)
			if p := pending.Pending; p == nil || p.Kind != CheckpointAssessment || p.CanInsist {
				t.Fatalf("pending %+v", p)
			}
			done, _, _ := Confirm(s, pending)
			if len(done.Violations) != 1 || done.Violations[0].Cause != CauseAssessment ||
				!strings.Contains(done.Violations[0].SuitabilityMessage(s)[LocaleEN], "assessment") {
				t.Errorf("violations %+v", done.Violations)
			}
			// with it: the C4 customer may buy the R3 product and the R4 fund
			st, _, _ = Choose(s, Start(s), "a", 0)
			if !st.AssessmentRedone {
				t.Fatal("the reassessment was not recorded")
			}
			for _, c := range []string{"b", "c"} {
				if got, _, err := Choose(s, st, c, 0); err != nil || got.Pending != nil || !got.Finished {
					t.Errorf("after the reassessment, %s: %v %+v", c, err, got.Pending)
				}
			}
		})
	}
	current := v3(t, "  risk_class: C4\n  assessed_on: \"2025-06-01\"\n", turns...)
	if current.Assessment() != AssessmentCurrent {
		t.Errorf("an assessment a year old to the day: %s", current.Assessment())
	}
}

func TestFormat3FieldsAreChecked(t *testing.T) {
	for _, tc := range []struct{ name, doc, path, code string }{
		{"risk_class in v2", strings.Replace("format: 2\n"+miniHead, "risk_tolerance: R2", "risk_class: C2", 1) + turnY("t1", "a>end"), "persona.risk_class", CodeNeedsFormat},
		{"bad class", strings.Replace("format: 3\n"+miniHead, "risk_tolerance: R2", "risk_class: R2", 1) + turnY("t1", "a>end"), "persona.risk_class", CodeInvalidValue},
		{"bad date", strings.Replace("format: 3\n"+miniHead, "risk_tolerance: R2", "risk_class: C2\n  assessed_on: 2026-13-01x", 1) + turnY("t1", "a>end"), "persona.assessed_on", CodeInvalidValue},
		{"action in v2", "format: 2\n" + miniHead + turnY("t1", "a>end, action: sale"), "turns[0].choices[0].action", CodeNeedsFormat},
		{"bad action", "format: 3\n" + miniHead + turnY("t1", "a>end, action: sell"), "turns[0].choices[0].action", CodeInvalidValue},
		{"insists on a deposit", "format: 3\n" + miniHead + strings.Replace(insistTurn("t1", "a>end"), "insists: fund", "insists: deposit", 1), "turns[0].insists", CodeInvalidValue},
		{"bad role", "format: 3\nrole: cashier\n" + miniHead + turnY("t1", "a>end"), "role", CodeInvalidValue},
		{"channel in v1", "channel: phone\n" + miniHead + turnY("t1", "a>end"), "channel", CodeNeedsFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := Load("x.yaml", []byte(tc.doc))
			if len(probs) != 1 || probs[0].Path != tc.path || probs[0].Code != tc.code {
				t.Errorf("problems %v", probs)
			}
		})
	}
}

// A state saved by this version round-trips through JSON, near misses and the insist
// path included.
func TestInsistStateRoundTrips(t *testing.T) {
	s := insistScenario(t, c2Current)
	st, _, _ := Choose(s, Start(s), "c", 0)
	st, _ = Back(s, st)
	st, _, _ = Choose(s, st, "a", 0)
	st, _, _ = Insist(s, st)
	st, _ = Play2(s, st, "a")
	if len(st.NearMisses) != 1 || st.NearMisses[0].Product != "wmp" {
		t.Fatalf("near misses %+v", st.NearMisses)
	}
	if got := roundTrip(t, st); !reflect.DeepEqual(got, st) {
		t.Errorf("round trip:\n%+v\n%+v", got, st)
	}
}

func roundTrip(t *testing.T, st State) State {
	t.Helper()
	blob, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var out State
	if err := json.Unmarshal(blob, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
