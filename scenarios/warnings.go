package scenarios

import (
	"strconv"
	"unicode/utf8"
)

// Warnings lists what makes a valid scenario easy to game without being wrong, so an
// author can still publish it: today, a best choice that is also the longest in most
// turns. Call it on a scenario Validate accepted.
func Warnings(s *Scenario) Problems {
	var probs Problems
	total, longest := 0, 0
	for i := range s.Turns {
		t := &s.Turns[i]
		best := bestChoice(t)
		if best < 0 {
			continue
		}
		total++
		if longestIn(t, best, LocaleZH) || longestIn(t, best, LocaleEN) {
			longest++
		}
	}
	if total > 0 && 2*longest > total {
		p := newProblem(CodeBestIsLongest, "count", strconv.Itoa(longest), "total", strconv.Itoa(total))
		p.File, p.Path, p.Line = s.src.file, "turns", s.src.line("turns")
		probs = append(probs, p)
	}
	return probs
}

// bestChoice is the index of the choice whose effects sum highest (the mood breaks a
// tie); -1 when the turn offers no real choice or no single best one.
func bestChoice(t *Turn) int {
	if len(t.Choices) < 2 {
		return -1
	}
	score := func(c *Choice) (int, int) {
		sum := 0
		for _, v := range c.Effects {
			sum += v
		}
		return sum, c.Mood
	}
	best, tie := 0, false
	for i := 1; i < len(t.Choices); i++ {
		bs, bm := score(&t.Choices[best])
		cs, cm := score(&t.Choices[i])
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

// longestIn reports whether choice i's text is strictly the longest of the turn in locale.
func longestIn(t *Turn, i int, locale string) bool {
	n := utf8.RuneCountInString(t.Choices[i].Text[locale])
	for j := range t.Choices {
		if j != i && utf8.RuneCountInString(t.Choices[j].Text[locale]) >= n {
			return false
		}
	}
	return true
}
