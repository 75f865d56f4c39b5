package scenarios_test

import (
	"testing"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// "Always pick the first reply shown" passed every built-in scenario when the best reply
// came first in every turn. With the order shuffled per attempt, it fails most of them.
func TestPickingTheFirstShownDoesNotPass(t *testing.T) {
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	played, passed := 0, 0
	for _, s := range all {
		for seed := uint64(1); seed <= 20; seed++ {
			st := scenarios.StartShuffled(s, seed)
			for steps := 0; !st.Finished && steps < 200; steps++ {
				turn := s.Turn(st.Turn)
				switch {
				case turn.IsFreeText():
					st, _, err = scenarios.Answer(s, st, turn.ModelAnswer.Get(scenarios.LocaleZH), 0)
				default:
					first := turn.Choices[scenarios.ChoiceOrder(turn, st.Seed)[0]]
					if st, _, err = scenarios.Choose(s, st, first.ID, 0); err == nil && st.Pending != nil {
						st, _, err = scenarios.Confirm(s, st)
					}
				}
				if err != nil {
					t.Fatalf("%s seed %d: %v", s.ID, seed, err)
				}
			}
			played++
			if st.Finished && scenarios.Score(s, st).Passed {
				passed++
			}
		}
	}
	t.Logf("picking the first reply shown passed %d of %d attempts", passed, played)
	if 4*passed > played {
		t.Errorf("picking the first reply shown passed %d of %d attempts", passed, played)
	}
	warned := 0
	for _, s := range all {
		if len(scenarios.Warnings(s)) > 0 {
			warned++
		}
	}
	t.Logf("%d of %d built-in scenarios get the best-is-longest warning", warned, len(all))
}
