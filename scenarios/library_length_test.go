package scenarios_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Length must not tell a trainee which reply is best: no built-in scenario gets the
// best_is_longest warning, and the opposite trick (always pick the shortest) does not
// work either. A copy of each scenario with the best reply padded to be the longest
// gets the warning, so the check can fail.
func TestBuiltinLengthGivesNothingAway(t *testing.T) {
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			if w := scenarios.Warnings(s); len(w) > 0 {
				t.Errorf("warnings: %v", w)
			}
			total, shortest := 0, 0
			for i := range s.Turns {
				turn := &s.Turns[i]
				b := bestOf(turn)
				if b < 0 {
					continue
				}
				total++
				if strictlyShortest(turn, b, scenarios.LocaleZH) || strictlyShortest(turn, b, scenarios.LocaleEN) {
					shortest++
				}
			}
			if 2*shortest > total {
				t.Errorf("the best reply is the shortest in %d of %d choice turns", shortest, total)
			}

			padded := withBestPadded(s)
			w := scenarios.Warnings(padded)
			if len(w) != 1 || w[0].Code != scenarios.CodeBestIsLongest {
				t.Errorf("with every best reply the longest, warnings are %v", w)
			}
		})
	}
}

// bestOf is the index of the best choice as FORMAT.md defines it (the highest sum of
// effects, the mood breaking a tie), or -1 when the turn has no single best one.
func bestOf(turn *scenarios.Turn) int {
	if len(turn.Choices) < 2 {
		return -1
	}
	key := func(c *scenarios.Choice) (int, int) {
		sum := 0
		for _, v := range c.Effects {
			sum += v
		}
		return sum, c.Mood
	}
	best, tie := 0, false
	for i := 1; i < len(turn.Choices); i++ {
		bs, bm := key(&turn.Choices[best])
		cs, cm := key(&turn.Choices[i])
		switch {
		case cs > bs || cs == bs && cm > bm:
			best, tie = i, false
		case cs == bs && cm == bm:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

func strictlyShortest(turn *scenarios.Turn, i int, locale string) bool {
	n := utf8.RuneCountInString(turn.Choices[i].Text[locale])
	for j := range turn.Choices {
		if j != i && utf8.RuneCountInString(turn.Choices[j].Text[locale]) <= n {
			return false
		}
	}
	return true
}

// withBestPadded returns a copy of s in which every best reply is longer than the
// others of its turn, in both languages; s itself is left alone.
func withBestPadded(s *scenarios.Scenario) *scenarios.Scenario {
	out := *s
	out.Turns = make([]scenarios.Turn, len(s.Turns))
	for i, turn := range s.Turns {
		b := bestOf(&turn)
		if b >= 0 {
			turn.Choices = append([]scenarios.Choice(nil), turn.Choices...)
			text := scenarios.Text{}
			for _, loc := range scenarios.Locales {
				longest := 0
				for _, c := range turn.Choices {
					longest = max(longest, utf8.RuneCountInString(c.Text[loc]))
				}
				text[loc] = strings.Repeat("x", longest+1)
			}
			turn.Choices[b].Text = text
		}
		out.Turns[i] = turn
	}
	return &out
}
