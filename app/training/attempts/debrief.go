package attempts

import (
	"github.com/servicestar/servicestar/scenarios"
)

// DebriefTurn is one reply with what was good or poor and the model answer,
// in both languages so the page can switch without asking again.
type DebriefTurn struct {
	Turn        string           `json:"turn"`
	Customer    scenarios.Text   `json:"customer"`
	Reply       scenarios.Text   `json:"reply"`
	Feedback    scenarios.Text   `json:"feedback"`
	ModelAnswer scenarios.Text   `json:"model_answer"`
	Hits        []scenarios.Text `json:"hits"`
	Misses      []scenarios.Text `json:"misses"`
	MoodBefore  int              `json:"mood_before"`
	MoodAfter   int              `json:"mood_after"`
	ElapsedMs   int64            `json:"elapsed_ms"`
	Violation   bool             `json:"violation"`
}

// DebriefView is the turn-by-turn debrief of an attempt.
type DebriefView struct {
	Turns       []DebriefTurn    `json:"turns"`
	NeedsFound  []scenarios.Text `json:"needs_found"`
	NeedsMissed []scenarios.Text `json:"needs_missed"`
	Violations  []ViolationView  `json:"violations"`
}

// debrief zips the engine's per-language debriefs into one bilingual view.
func debrief(s *scenarios.Scenario, st scenarios.State) DebriefView {
	zh := scenarios.Debrief(s, st, scenarios.LocaleZH)
	en := scenarios.Debrief(s, st, scenarios.LocaleEN)
	both := func(a, b string) scenarios.Text { return scenarios.Text{scenarios.LocaleZH: a, scenarios.LocaleEN: b} }
	v := DebriefView{Turns: []DebriefTurn{}, NeedsFound: []scenarios.Text{}, NeedsMissed: []scenarios.Text{}, Violations: []ViolationView{}}
	for i, z := range zh.Turns {
		e := en.Turns[i]
		t := DebriefTurn{Turn: z.Turn, Customer: both(z.Customer, e.Customer), Reply: both(z.Reply, e.Reply),
			Feedback: both(z.Feedback, e.Feedback), ModelAnswer: both(z.ModelAnswer, e.ModelAnswer),
			Hits: []scenarios.Text{}, Misses: []scenarios.Text{}, MoodBefore: z.MoodBefore, MoodAfter: z.MoodAfter,
			ElapsedMs: z.ElapsedMs, Violation: z.Violation}
		for j, c := range z.Checklist {
			label := both(c.Label, e.Checklist[j].Label)
			if c.Hit {
				t.Hits = append(t.Hits, label)
			} else {
				t.Misses = append(t.Misses, label)
			}
		}
		v.Turns = append(v.Turns, t)
	}
	for i, n := range zh.Needs {
		text := both(n.Text, en.Needs[i].Text)
		if n.Revealed {
			v.NeedsFound = append(v.NeedsFound, text)
		} else {
			v.NeedsMissed = append(v.NeedsMissed, text)
		}
	}
	v.Violations = violationViews(s, st)
	return v
}
