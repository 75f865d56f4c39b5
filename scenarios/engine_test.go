package scenarios

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/scoring"
)

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStart(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	st := Start(s)
	want := State{ScenarioID: "test-salary-deposit", Version: 1, Turn: "t1", Mood: 60}
	if !reflect.DeepEqual(st, want) {
		t.Fatalf("Start = %+v", st)
	}
}

func TestChooseAppliesTheReply(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	st, step, err := Choose(s, Start(s), "a", 1200)
	if err != nil {
		t.Fatal(err)
	}
	if st.Turn != "t2" || st.Mood != 65 || !slices.Equal(st.Needs, []string{"liquidity"}) {
		t.Errorf("state = %+v", st)
	}
	if !reflect.DeepEqual(st.Effects, Effects{"needs_discovery": 30, "empathy": 10}) {
		t.Errorf("effects = %v", st.Effects)
	}
	want := Step{Turn: "t1", Choice: "a", Effects: Effects{"needs_discovery": 30, "empathy": 10},
		MoodBefore: 60, MoodAfter: 65, Reveals: "liquidity", ElapsedMs: 1200, Next: "t2"}
	if !reflect.DeepEqual(step, want) || !reflect.DeepEqual(st.Steps, []Step{want}) {
		t.Errorf("step = %+v", step)
	}
	// the returned step is a copy: changing it leaves the state alone
	step.Effects["empathy"] = 99
	if st.Steps[0].Effects["empathy"] != 10 {
		t.Error("step shares its effects map with the state")
	}

	// a turn's mood overrides the running mood when it starts
	st, step, err = Choose(s, Start(s), "c", 10)
	if err != nil {
		t.Fatal(err)
	}
	if step.MoodAfter != 60 || st.Mood != 55 || st.Turn != "t3" {
		t.Errorf("mood override: step %+v, state mood %d", step, st.Mood)
	}
}

func TestCheckpointConfirmRecordsViolationAndBlocksPass(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	start := Start(s)
	st, step, err := Choose(s, start, "b", 900)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(step, Step{}) {
		t.Errorf("a checkpoint returns the zero step, got %+v", step)
	}
	p := st.Pending
	if p == nil {
		t.Fatal("no checkpoint")
	}
	if p.CustomerRisk != "C2" || p.Kind != CheckpointMismatch || p.ProductRisk != "R4" || p.Product != "equity-fund" || p.Turn != "t1" || p.Choice != "b" {
		t.Errorf("checkpoint = %+v", p)
	}
	if !strings.Contains(p.Message[LocaleEN], "customer C2, product R4") || !strings.Contains(p.Message[LocaleZH], "客户 C2，产品 R4") {
		t.Errorf("message = %v", p.Message)
	}
	// nothing else applied
	withoutPending := st
	withoutPending.Pending = nil
	if !reflect.DeepEqual(withoutPending, start) {
		t.Errorf("state changed beyond the checkpoint: %+v", st)
	}
	if _, _, err := Choose(s, st, "a", 1); !errors.Is(err, ErrCheckpointPending) {
		t.Errorf("choose while pending: %v", err)
	}

	st, step, err = Confirm(s, st)
	if err != nil {
		t.Fatal(err)
	}
	wantV := []Violation{{Kind: ViolationSuitability, Cause: CauseMismatch, Step: 0, Turn: "t1", Choice: "b", Product: "equity-fund", CustomerRisk: "C2", ProductRisk: "R4"}}
	if !reflect.DeepEqual(st.Violations, wantV) || st.Pending != nil {
		t.Errorf("violations = %+v, pending %v", st.Violations, st.Pending)
	}
	if !step.Violation || step.ElapsedMs != 900 || step.Recommends != "equity-fund" || st.Turn != "t3" ||
		!slices.Equal(st.Products, []string{"equity-fund"}) {
		t.Errorf("step = %+v, state = %+v", step, st)
	}
	st, _, err = Choose(s, st, "a", 5)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Finished || st.Ending != "end-resolved" || st.Turn != "" {
		t.Fatalf("not finished: %+v", st)
	}
	res := Score(s, st)
	if res.Passed || res.Violations != 1 {
		t.Errorf("an attempt with a violation passed: %+v", res)
	}
	for _, d := range res.Dimensions {
		if d.Dimension == scoring.Compliance && d.Score != 0 {
			t.Errorf("compliance = %d, want 0", d.Score)
		}
	}
}

func TestViolationFailsEvenAHighScore(t *testing.T) {
	doc := mini([]string{"estimated_minutes: 5\n",
		"estimated_minutes: 5\nweights: {needs_discovery: 25, empathy: 25, solution_fit: 25, resolution: 25, compliance: 0}\n"},
		turnY("t1", "a>end, recommends: fund, effects: {needs_discovery: 30, empathy: 30, solution_fit: 30, resolution: 30}"))
	s, probs := Load("high.yaml", []byte(doc))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	st, err := Play(s, []Move{{Choice: "a", Confirm: true}})
	if err != nil {
		t.Fatal(err)
	}
	res := Score(s, st)
	if res.Total < float64(res.PassMark) || res.Passed {
		t.Fatalf("want a total at or above the pass mark that still fails, got %+v", res)
	}
}

// Going back at the warning applies nothing and records no violation, but leaves a
// near miss for reviewers.
func TestCheckpointBackRecordsANearMiss(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	start := Start(s)
	pending, _, err := Choose(s, start, "b", 900)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Back(s, pending)
	if err != nil {
		t.Fatal(err)
	}
	wantMiss := []NearMiss{{Step: 0, Kind: CheckpointMismatch, Turn: "t1", Choice: "b", Product: "equity-fund", CustomerClass: "C2", ProductRisk: "R4"}}
	if !reflect.DeepEqual(back.NearMisses, wantMiss) {
		t.Errorf("near misses %+v", back.NearMisses)
	}
	back.NearMisses = nil
	if !reflect.DeepEqual(back, start) {
		t.Fatalf("back = %+v, want the state before the choice", back)
	}
	st, err := Play(s, []Move{{Choice: "a"}, {Text: "您的意思是要留应急钱；可以做阶梯存款，先做风险评估"}, {Choice: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	res := Score(s, st)
	if len(st.Violations) != 0 || !res.Passed {
		t.Errorf("clean attempt: violations %v, result %+v", st.Violations, res)
	}
}

func TestFreeTextChecklist(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	atT2, _, err := Choose(s, Start(s), "a", 0)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		text    string
		hits    []string
		mood    int
		effects Effects
	}{
		{"english, any case, full-width letters", "IF I UNDERSTAND   you want cash. A ＬＡＤＤＥＲ helps.",
			[]string{"restate", "ladder"}, 75, Effects{"empathy": 20, "solution_fit": 15}},
		{"chinese, all elements", "您希望随时用钱，可以做阶梯存款，先做风险评估。",
			[]string{"restate", "ladder", "suitability"}, 75, Effects{"empathy": 20, "solution_fit": 15, "compliance": 15}},
		{"mixed languages", "您的意思是 you need cash; a risk assessment comes first", []string{"restate", "suitability"}, 75, Effects{"empathy": 20, "compliance": 15}},
		{"negated: not a ladder", "您的意思是要灵活，那就不用做阶梯存款了。", []string{"restate"}, 55, Effects{"empathy": 20}},
		{"a keyword list meets nothing", "您希望 阶梯 风险评估", nil, 55, nil},
		{"less than half met: mood falls", "阶梯存款不错", []string{"ladder"}, 55, Effects{"solution_fit": 15}},
		{"nothing met", "好的", nil, 55, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, step, err := Answer(s, atT2, tt.text, 3000)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(step.Hits, tt.hits) || !reflect.DeepEqual(step.Effects, tt.effects) {
				t.Errorf("hits %v effects %v", step.Hits, step.Effects)
			}
			if step.MoodAfter != tt.mood || step.Text != strings.TrimSpace(tt.text) || step.ElapsedMs != 3000 {
				t.Errorf("step = %+v", step)
			}
			if st.Turn != "t3" || st.Effects["needs_discovery"] != 30 {
				t.Errorf("state = %+v", st)
			}
		})
	}
}

func TestEngineErrorsLeaveStateUnchanged(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	other := mustLoad(t, "lost-card.yaml")
	start := Start(s)
	atT2, _, _ := Choose(s, start, "a", 0)
	pending, _, _ := Choose(s, start, "b", 0)
	finished, err := Play(s, []Move{{Choice: "c"}, {Choice: "d"}})
	if err != nil {
		t.Fatal(err)
	}
	full := start.Clone()
	full.Steps = make([]Step, MaxSteps)

	tests := []struct {
		name string
		op   func(State) (State, error)
		in   State
		want error
	}{
		{"choice not on the turn", func(st State) (State, error) { st, _, err := Choose(s, st, "zz", 0); return st, err }, start, ErrUnknownChoice},
		{"choose on a free-text turn", func(st State) (State, error) { st, _, err := Choose(s, st, "a", 0); return st, err }, atT2, ErrWrongTurnKind},
		{"answer on a choice turn", func(st State) (State, error) { st, _, err := Answer(s, st, "hi", 0); return st, err }, start, ErrWrongTurnKind},
		{"choose when finished", func(st State) (State, error) { st, _, err := Choose(s, st, "a", 0); return st, err }, finished, ErrFinished},
		{"answer while pending", func(st State) (State, error) { st, _, err := Answer(s, st, "hi", 0); return st, err }, pending, ErrCheckpointPending},
		{"confirm with nothing pending", func(st State) (State, error) { st, _, err := Confirm(s, st); return st, err }, start, ErrNoCheckpoint},
		{"back with nothing pending", func(st State) (State, error) { return Back(s, st) }, start, ErrNoCheckpoint},
		{"state of another scenario", func(st State) (State, error) { st, _, err := Choose(other, st, "a", 0); return st, err }, start, ErrStateMismatch},
		{"state of another version", func(st State) (State, error) {
			st.Version = 2
			st, _, err := Choose(s, st, "a", 0)
			return st, err
		}, start, ErrStateMismatch},
		{"state on an unknown turn", func(st State) (State, error) {
			st.Turn = "gone"
			st, _, err := Choose(s, st, "a", 0)
			return st, err
		}, start, ErrStateMismatch},
		{"empty answer", func(st State) (State, error) { st, _, err := Answer(s, st, "  \n ", 0); return st, err }, atT2, ErrEmptyAnswer},
		{"answer too long", func(st State) (State, error) {
			st, _, err := Answer(s, st, strings.Repeat("长", MaxAnswerRunes+1), 0)
			return st, err
		}, atT2, ErrAnswerTooLong},
		{"negative elapsed", func(st State) (State, error) { st, _, err := Choose(s, st, "a", -1); return st, err }, start, ErrInvalidElapsed},
		{"too many steps", func(st State) (State, error) { st, _, err := Choose(s, st, "a", 0); return st, err }, full, ErrTooManySteps},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := jsonOf(t, tt.in)
			got, err := tt.op(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || ErrorCode(err) != tt.want.(*Error).Code {
				t.Errorf("error code of %v", err)
			}
			if jsonOf(t, tt.in) != before {
				t.Error("input state mutated")
			}
			if tt.name != "state of another version" && tt.name != "state on an unknown turn" && jsonOf(t, got) != before {
				t.Error("returned state differs from the input")
			}
		})
	}
}

// moves for a complete attempt touching every engine path: checkpoint back, checkpoint
// confirm, free text and a loop.
var fullMoves = []struct {
	kind string // choose, answer, confirm, back
	arg  string
}{
	{"choose", "b"}, {"back", ""}, {"choose", "a"},
	{"answer", "If I understand, you would like a ladder so that part of the money is always free"},
	{"choose", "b"}, {"answer", "阶梯"},
	{"choose", "c"}, {"confirm", ""},
}

func playFull(t *testing.T, s *Scenario, roundTrip bool) State {
	t.Helper()
	st := Start(s)
	for i, m := range fullMoves {
		var err error
		switch m.kind {
		case "choose":
			st, _, err = Choose(s, st, m.arg, int64(100*i))
		case "answer":
			st, _, err = Answer(s, st, m.arg, int64(100*i))
		case "confirm":
			st, _, err = Confirm(s, st)
		case "back":
			st, err = Back(s, st)
		}
		if err != nil {
			t.Fatalf("move %d: %v", i, err)
		}
		if roundTrip { // saved and loaded between steps, as after a restart
			var back State
			if err := json.Unmarshal([]byte(jsonOf(t, st)), &back); err != nil {
				t.Fatal(err)
			}
			st = back
		}
	}
	return st
}

func TestEngineIsDeterministicAndResumable(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	a := playFull(t, s, false)
	b := playFull(t, s, false)
	c := playFull(t, s, true)
	if !reflect.DeepEqual(a, b) || jsonOf(t, a) != jsonOf(t, b) {
		t.Fatal("same moves gave different states")
	}
	if jsonOf(t, a) != jsonOf(t, c) {
		t.Fatalf("resuming from saved JSON changed the result:\n%s\n%s", jsonOf(t, a), jsonOf(t, c))
	}
	if !a.Finished || a.Ending != "end-complaint" || len(a.Violations) != 1 || len(a.Steps) != 5 || a.Violations[0].Step != 4 {
		t.Errorf("final state = %s", jsonOf(t, a))
	}
	if jsonOf(t, Score(s, a)) != jsonOf(t, Score(s, c)) {
		t.Error("scores differ")
	}
}

func TestEngineNeverMutatesItsInput(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	scenarioBefore := jsonOf(t, s)
	st := Start(s)
	for _, m := range fullMoves {
		before := jsonOf(t, st)
		kept := st
		var next State
		var err error
		switch m.kind {
		case "choose":
			next, _, err = Choose(s, st, m.arg, 1)
		case "answer":
			next, _, err = Answer(s, st, m.arg, 1)
		case "confirm":
			next, _, err = Confirm(s, st)
		case "back":
			next, err = Back(s, st)
		}
		if err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, kept) != before {
			t.Fatalf("%s %s mutated its input", m.kind, m.arg)
		}
		st = next
	}
	if jsonOf(t, s) != scenarioBefore {
		t.Fatal("the engine changed the scenario")
	}
}

func TestCloneIsDeep(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	st := playFull(t, s, false)
	c := st.Clone()
	c.Effects["empathy"] = 1000
	c.Steps[0].Hits = append(c.Steps[0].Hits, "x")
	c.Steps[1].Effects["empathy"] = 1000
	c.Needs[0] = "x"
	c.Violations[0].Product = "x"
	if st.Effects["empathy"] == 1000 || len(st.Steps[0].Hits) != 0 || st.Steps[1].Effects["empathy"] == 1000 ||
		st.Needs[0] == "x" || st.Violations[0].Product == "x" {
		t.Fatal("Clone shares memory")
	}
}
