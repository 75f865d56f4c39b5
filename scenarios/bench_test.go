package scenarios

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

func tx(s string) Text { return Text{LocaleZH: s + "（中文）", LocaleEN: s} }

// generated builds an n-turn scenario in code: every turn has a step forward, a jump
// ahead, a step back (loops with a way out) and an unsuitable recommendation; every tenth
// turn takes a typed reply instead.
func generated(n int) *Scenario {
	id := func(i int) string {
		switch {
		case i >= n:
			return "end-ok"
		case i < 0:
			return "t0"
		}
		return "t" + strconv.Itoa(i)
	}
	s := &Scenario{
		ID: "generated", Version: 1, Title: tx("Generated"), Summary: tx("Generated"),
		Category: "wealth", BusinessLine: "retail", Difficulty: 3, EstimatedMinutes: 60,
		Persona: Persona{Name: tx("Customer"), Age: 40, Occupation: tx("Job"), Assets: tx("Assets"),
			Goals: tx("Goals"), InitialMood: 50, RiskTolerance: "R2",
			HiddenNeeds: []HiddenNeed{{ID: "need", Text: tx("Need")}}},
		Products: []Product{{ID: "fund", Name: tx("Fund"), Kind: "fund", Risk: "R4"},
			{ID: "deposit", Name: tx("Deposit"), Kind: "deposit", Risk: "R1"}},
		Start: "t0",
		Endings: []Ending{
			{ID: "end-ok", Kind: "resolved", Title: tx("OK"), Debrief: tx("OK")},
			{ID: "end-left", Kind: "customer_left", Title: tx("Left"), Debrief: tx("Left")},
			{ID: "end-complaint", Kind: "complaint_filed", Title: tx("Complaint"), Debrief: tx("Complaint")},
		},
	}
	for i := range n {
		t := Turn{ID: id(i), Customer: tx("Customer says " + strconv.Itoa(i)), ModelAnswer: tx("Model answer")}
		if i%10 == 9 {
			t.FreeText = &FreeText{Next: id(i + 1), Mood: 5, Checklist: []ChecklistItem{
				{ID: "restate", Label: tx("Restate"), Phrasings: Phrasings{LocaleZH: {"您的意思是"}, LocaleEN: {"if I understand"}},
					Effects: Effects{"empathy": 2}},
				{ID: "time", Label: tx("Time limit"), Phrasings: Phrasings{LocaleZH: {"小时内"}, LocaleEN: {"within"}},
					Effects: Effects{"resolution": 2}},
			}}
		} else {
			t.Choices = []Choice{
				{ID: "a", Text: tx("Forward"), Next: id(i + 1), Effects: Effects{"empathy": 1, "needs_discovery": 1}, Mood: 2,
					Reveals: "need", Feedback: tx("Good")},
				{ID: "b", Text: tx("Jump"), Next: id(i + 2), Effects: Effects{"solution_fit": 1}, Recommends: "deposit", Feedback: tx("Fine")},
				{ID: "c", Text: tx("Back"), Next: id(i - 1), Effects: Effects{"empathy": -1}, Mood: -2, Feedback: tx("Slow")},
				{ID: "d", Text: tx("Sell the fund"), Next: "end-complaint", Effects: Effects{"compliance": -10}, Mood: -20,
					Recommends: "fund", Feedback: tx("Unsuitable")},
			}
			if i == n/2 {
				t.Choices[2].Next = "end-left"
			}
		}
		s.Turns = append(s.Turns, t)
	}
	return s
}

// generatedYAML is the block-style YAML of generated(n), as an author would write it.
func generatedYAML(t testing.TB, n int) []byte {
	js, err := json.Marshal(generated(n))
	if err != nil {
		t.Fatal(err)
	}
	data, err := yaml.JSONToYAML(js)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestGeneratedScenarioIsValid(t *testing.T) {
	s := generated(500)
	if probs := Validate(s); len(probs) > 0 {
		t.Fatal(probs)
	}
	if got := len(PathsToEndings(s)); got != 3 {
		t.Fatalf("paths to %d endings", got)
	}
	data := generatedYAML(t, 500)
	if _, probs := Load("generated.yaml", data); len(probs) > 0 {
		t.Fatalf("the YAML form does not load: %v", probs[:min(3, len(probs))])
	}
}

func BenchmarkValidate500Turns(b *testing.B) {
	s := generated(500)
	for b.Loop() {
		if probs := Validate(s); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkLoad500Turns parses and validates the 500-turn scenario from text (an upload).
func BenchmarkLoad500Turns(b *testing.B) {
	data := generatedYAML(b, 500)
	b.ReportMetric(float64(len(data))/1024, "KiB")
	for b.Loop() {
		if _, probs := Load("generated.yaml", data); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkLoad500TurnsWindows is the same file saved with CR LF line endings.
func BenchmarkLoad500TurnsWindows(b *testing.B) {
	data := []byte(crlf(string(generatedYAML(b, 500))))
	for b.Loop() {
		if _, probs := Load("generated.yaml", data); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

func BenchmarkChoose(b *testing.B) {
	s := mustLoad(b, "salary-deposit.yaml")
	st := Start(s)
	timed(b, func() error {
		_, _, err := Choose(s, st, "a", 1000)
		return err
	})
}

// BenchmarkChoose500Turns chooses on the last turn of a 500-turn attempt with a long
// step log: turn lookup and the state copy at their largest.
func BenchmarkChoose500Turns(b *testing.B) {
	s := generated(500)
	st := Start(s)
	for i := range 498 {
		var err error
		if i%10 == 9 {
			st, _, err = Answer(s, st, "if I understand, within 2 hours", 10)
		} else {
			st, _, err = Choose(s, st, "a", 10)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	timed(b, func() error {
		_, _, err := Choose(s, st, "a", 1000)
		return err
	})
}

// BenchmarkParseSlowShapes parses uploads whose shape would make the YAML parser
// slow; the pre-scan refuses each in one linear read (TestParseRefusesSlowShapesBeforeTheParser).
func BenchmarkParseSlowShapes(b *testing.B) {
	for name, doc := range slowShapes() {
		data := []byte(doc)
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if s, _ := Parse("slow.yaml", data); s != nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
