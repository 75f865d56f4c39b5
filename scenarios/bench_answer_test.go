package scenarios_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// A typed reply of the longest size allowed, on a turn with a checklist and forbidden
// phrasings: negation looks back at every occurrence, so many occurrences cost most.
func BenchmarkAnswerLongReply(b *testing.B) {
	s, _ := library.ByID("lost-card-report")
	st := scenarios.Start(s)
	reply := []rune(strings.Repeat("别慌，不用挂失也不用冻结，核实身份后报警。", 200))[:scenarios.MaxAnswerRunes]
	b.ReportAllocs()
	scenarios.Timed(b, func() error {
		_, _, err := scenarios.Answer(s, st, string(reply), 0)
		return err
	})
}

// The richest typed turn of the library (the most phrasings and concepts, the
// time-limit pattern, a script order) graded on the longest reply allowed, made of a
// natural answer repeated: every phrasing, the pattern and the negation rules work on
// every occurrence.
func BenchmarkAnswerRichestTurn(b *testing.B) {
	s, turn := richestTypedTurn(b)
	st, err := scenarios.Play(s, scenarios.PathsUntil(s, turn.ID))
	if err != nil || st.Turn != turn.ID {
		b.Fatalf("cannot reach %s %s: %v", s.ID, turn.ID, err)
	}
	natural := turn.ModelAnswer.Get(scenarios.LocaleZH) + turn.ModelAnswer.Get(scenarios.LocaleEN) + "这个就不用了。"
	reply := []rune(strings.Repeat(natural, scenarios.MaxAnswerRunes/len([]rune(natural))+1))[:scenarios.MaxAnswerRunes]
	b.ReportMetric(float64(len(turn.FreeText.Checklist)), "elements")
	b.ReportAllocs()
	scenarios.Timed(b, func() error {
		_, _, err := scenarios.Answer(s, st, string(reply), 0)
		return err
	})
}

// The choice turn of the library with the most choices, on an attempt that reached it.
func BenchmarkChooseRichestTurn(b *testing.B) {
	all, _ := library.Builtin()
	var s *scenarios.Scenario
	var turn *scenarios.Turn
	for _, sc := range all {
		for i := range sc.Turns {
			if t := &sc.Turns[i]; turn == nil || len(t.Choices) > len(turn.Choices) {
				s, turn = sc, t
			}
		}
	}
	st, err := scenarios.Play(s, scenarios.PathsUntil(s, turn.ID))
	if err != nil || st.Turn != turn.ID {
		b.Fatalf("cannot reach %s %s: %v", s.ID, turn.ID, err)
	}
	choice := turn.Choices[0].ID
	b.ReportMetric(float64(len(turn.Choices)), "choices")
	scenarios.Timed(b, func() error {
		next, _, err := scenarios.Choose(s, st, choice, 1000)
		if err == nil && next.Pending != nil {
			_, _, err = scenarios.Confirm(s, next)
		}
		return err
	})
}

func richestTypedTurn(b *testing.B) (*scenarios.Scenario, *scenarios.Turn) {
	all, _ := library.Builtin()
	weight := func(t *scenarios.Turn) int {
		n := 0
		for _, item := range t.FreeText.Checklist {
			for _, ps := range item.Phrasings {
				n += len(ps)
			}
			for _, g := range item.AllOf {
				for _, ps := range g {
					n += len(ps)
				}
			}
			if item.Pattern != "" {
				n += 10
			}
		}
		for _, f := range t.FreeText.Forbidden {
			for _, ps := range f.Phrasings {
				n += len(ps)
			}
		}
		return n
	}
	var s *scenarios.Scenario
	var turn *scenarios.Turn
	for _, sc := range all {
		for i := range sc.Turns {
			if t := &sc.Turns[i]; t.FreeText != nil && (turn == nil || weight(t) > weight(turn)) {
				s, turn = sc, t
			}
		}
	}
	if turn == nil {
		b.Fatal("no typed turn in the library")
	}
	return s, turn
}
