package scenarios

import (
	"github.com/servicestar/servicestar/scoring"
)

// Score scores an attempt (finished or not) with the scenario's weights and pass mark.
func Score(s *Scenario, st State) scoring.Result {
	return scoring.Score(scoring.Input{
		Effects:    st.Effects,
		Touched:    s.Dimensions(),
		Weights:    s.Weights,
		Violations: len(st.Violations),
		PassMark:   s.PassMarkOrDefault(),
	})
}

// Dimensions returns the rubric dimensions the scenario can move, in display order: those
// a choice or checklist element has a non-zero effect on, plus compliance when a choice
// can raise the suitability checkpoint or cross a red line (its outcome is then part of
// the test).
func (s *Scenario) Dimensions() []string {
	touched := map[string]bool{}
	mark := func(e Effects) {
		for d, v := range e {
			if v != 0 {
				touched[d] = true
			}
		}
	}
	for i := range s.Turns {
		t := &s.Turns[i]
		for j := range t.Choices {
			mark(t.Choices[j].Effects)
			if s.Mismatch(&t.Choices[j]) != nil || t.Choices[j].IsCritical() {
				touched[scoring.Compliance] = true
			}
		}
		if t.FreeText != nil {
			for _, item := range t.FreeText.Checklist {
				mark(item.Effects)
			}
			if t.FreeText.Order != nil {
				mark(t.FreeText.Order.Effects)
			}
			if len(t.FreeText.Forbidden) > 0 {
				touched[scoring.Compliance] = true
			}
		}
	}
	out := []string{}
	for _, d := range scoring.Dimensions {
		if touched[d] {
			out = append(out, d)
		}
	}
	return out
}
