package scenarios_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// The built-in pack: every file parses, validates, matches the schema and can be played to
// each of its endings; and the pack meets the bar of issue 3.
func TestBuiltinLibrary(t *testing.T) {
	files := library.Files()
	if len(files) == 0 {
		t.Skip("scenarios/library holds no scenario files yet")
	}
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(files) {
		t.Fatalf("%d files, %d scenarios", len(files), len(all))
	}
	if len(all) < 20 {
		t.Errorf("the library has %d scenarios; at least 20 are needed", len(all))
	}
	sch := compileSchema(t)
	for i, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			file, data, ok := library.Source(s.ID)
			if !ok || file != files[i] {
				t.Fatalf("Source(%q) = %q, %v", s.ID, file, ok)
			}
			if err := checkSchema(t, sch, data); err != nil {
				t.Errorf("schema: %v", err)
			}
			if got, ok := library.ByID(s.ID); !ok || got != s {
				t.Error("ByID does not find it")
			}

			paths := scenarios.PathsToEndings(s)
			for _, e := range s.Endings {
				moves, ok := paths[e.ID]
				if !ok {
					t.Errorf("no way to ending %s", e.ID)
					continue
				}
				st, err := scenarios.Play(s, moves)
				if err != nil || !st.Finished || st.Ending != e.ID {
					t.Errorf("playing to %s: %v (ended at %q)", e.ID, err, st.Ending)
				}
			}

			if len(s.Endings) < 3 {
				t.Errorf("%d endings; at least 3 are needed", len(s.Endings))
			}
			if len(s.Persona.HiddenNeeds) < 1 {
				t.Error("no hidden need")
			}
			if n := longestDecisions(s, 6); n < 6 {
				t.Errorf("longest path has %d decision points; at least 6 are needed", n)
			}
			offersChecked, hasCheckpoint := false, false
			for _, turn := range s.Turns {
				for j := range turn.Choices {
					c := &turn.Choices[j]
					if p := s.Product(c.Recommends); p != nil && p.SuitabilityChecked() {
						offersChecked = true
					}
					if s.Mismatch(c) != nil {
						hasCheckpoint = true
					}
				}
			}
			if offersChecked && !hasCheckpoint {
				t.Error("a suitability-checked product can be recommended, but no choice raises the checkpoint")
			}
		})
	}
}

// The scenarios written since the best_is_longest warning exists (files 14 on) must not
// earn it: a trainee who picks the longest reply learns nothing there.
func TestNewBuiltinsDoNotFavourTheLongestReply(t *testing.T) {
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, file := range library.Files() {
		if file < "14-" {
			continue
		}
		checked++
		if w := scenarios.Warnings(all[i]); len(w) > 0 {
			t.Errorf("%s: %v", file, w)
		}
	}
	if checked < 7 {
		t.Errorf("%d scenarios from file 14 on; at least 7 are needed", checked)
	}
}

// longestDecisions returns the number of decision points (turns offering a real choice
// or a typed reply) on the longest simple path from start to an ending, stopping early
// once enough is found.
func longestDecisions(s *scenarios.Scenario, enough int) int {
	best := 0
	visited := map[string]bool{}
	budget := 200_000 // simple paths can be many; the check needs only one long one
	var walk func(id string, n int)
	walk = func(id string, n int) {
		budget--
		if best >= enough || budget < 0 {
			return
		}
		t := s.Turn(id)
		if t == nil {
			if s.Ending(id) != nil {
				best = max(best, n)
			}
			return
		}
		if visited[id] {
			return
		}
		visited[id] = true
		defer delete(visited, id)
		if len(t.Choices) > 1 || t.FreeText != nil {
			n++
		}
		var nexts []string
		for _, c := range t.Choices {
			nexts = append(nexts, c.Next)
		}
		if t.FreeText != nil {
			nexts = append(nexts, t.FreeText.Next)
		}
		slices.Sort(nexts)
		for _, next := range slices.Compact(nexts) {
			walk(next, n)
		}
	}
	walk(s.Start, 0)
	return best
}

// A time commitment is met by a time, not by a word that often comes with
// one: "within my power" promises nothing.
func TestTimeLimitPhrasingsNeedATime(t *testing.T) {
	for _, id := range []string{"smart-deposit-complaint", "corporate-urgent-credit", "social-media-post"} {
		s, ok := library.ByID(id)
		if !ok {
			t.Fatalf("no scenario %s", id)
		}
		found := false
		for _, turn := range s.Turns {
			if turn.FreeText == nil {
				continue
			}
			for _, item := range turn.FreeText.Checklist {
				if !strings.Contains(item.Label[scenarios.LocaleEN], "time") {
					continue
				}
				found = true
				vague := scenarios.MatchChecklist([]scenarios.ChecklistItem{item}, "This is within my power, and I will look at it today as it comes up.")
				if len(vague) != 0 {
					t.Errorf("%s %s: a vague reply meets %q", id, turn.ID, item.ID)
				}
				if got := scenarios.MatchChecklist([]scenarios.ChecklistItem{item}, "We will call you back within 24 hours."); len(got) != 1 {
					t.Errorf("%s %s: a reply with a time limit does not meet %q", id, turn.ID, item.ID)
				}
			}
		}
		if !found {
			t.Errorf("%s has no time-limit checklist element", id)
		}
	}
}

// The customer reacts: at least two built-ins end early when the mood falls, and every
// such threshold is met by some play, which then ends there; at least two keep a hidden
// need out of a later turn's text until it is revealed.
func TestBuiltinMoodEndingsAndGatedTexts(t *testing.T) {
	all, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	withMood, withGate := 0, 0
	for _, s := range all {
		if len(s.MoodEndings) > 0 {
			withMood++
		}
		paths := scenarios.PathsToMoodEndings(s)
		for i, m := range s.MoodEndings {
			moves, ok := paths[i]
			if !ok {
				t.Errorf("%s: no play falls below %d", s.ID, m.Below)
				continue
			}
			st, err := scenarios.Play(s, moves)
			if err != nil || !st.Finished || st.Ending != m.Ending || !st.Steps[len(st.Steps)-1].MoodEnding || st.Mood >= m.Below {
				t.Errorf("%s: playing %v ends at %q (mood %d): %v", s.ID, moves, st.Ending, st.Mood, err)
			}
		}
		for _, turn := range s.Turns {
			for _, g := range turn.CustomerIf {
				withGate++
				if g.Customer.Get(scenarios.LocaleZH) == turn.Customer.Get(scenarios.LocaleZH) {
					t.Errorf("%s %s: the gated text is the same as the default", s.ID, turn.ID)
				}
			}
		}
	}
	if withMood < 2 || withGate < 2 {
		t.Errorf("%d built-ins with mood endings, %d gated texts; want at least 2 each", withMood, withGate)
	}
}
