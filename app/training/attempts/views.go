package attempts

import (
	"time"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scoring"
)

// ChoiceView is a reply the employee may pick (effects and feedback stay hidden).
type ChoiceView struct {
	ID         string         `json:"id"`
	Text       scenarios.Text `json:"text"`
	Recommends *string        `json:"recommends"`
}

// TurnView is the customer's current line.
type TurnView struct {
	ID       string         `json:"id"`
	Customer scenarios.Text `json:"customer"`
	Choices  []ChoiceView   `json:"choices"`
	FreeText bool           `json:"free_text"`
}

// PendingView is the suitability warning waiting for back, confirm or insist.
type PendingView struct {
	// Kind is mismatch (a product above the customer's class) or assessment (the
	// customer's assessment is missing or expired).
	Kind string `json:"kind" enum:"mismatch,assessment"`
	// Refused: a bank wealth product above the class, which no path may sell.
	Refused bool `json:"refused"`
	// CanInsist offers the "customer insists" path (POST …/insist).
	CanInsist    bool           `json:"can_insist"`
	ChoiceID     string         `json:"choice_id"`
	ProductID    string         `json:"product_id"`
	ProductName  scenarios.Text `json:"product_name"`
	CustomerRisk string         `json:"customer_risk"`
	ProductRisk  string         `json:"product_risk"`
	Message      scenarios.Text `json:"message"`
}

// TranscriptLine is one exchange so far.
type TranscriptLine struct {
	Turn      string         `json:"turn"`
	Customer  scenarios.Text `json:"customer"`
	Reply     scenarios.Text `json:"reply"`
	MoodAfter int            `json:"mood_after"`
}

// ViolationView is a confirmed suitability violation or a red line crossed.
type ViolationView struct {
	Kind         string `json:"kind" enum:"suitability,red_line"`
	Turn         string `json:"turn"`
	ProductID    string `json:"product_id"`
	CustomerRisk string `json:"customer_risk"`
	ProductRisk  string `json:"product_risk"`
	// Reason says why a red line is one; null for suitability violations.
	Reason scenarios.Text `json:"reason"`
	// Message says what a suitability violation was (null for red lines).
	Message scenarios.Text `json:"message"`
}

func violationViews(s *scenarios.Scenario, st scenarios.State) []ViolationView {
	out := make([]ViolationView, 0, len(st.Violations))
	for _, x := range st.Violations {
		out = append(out, ViolationView{Kind: x.KindOrDefault(), Turn: x.Turn, ProductID: x.Product,
			CustomerRisk: string(x.CustomerRisk), ProductRisk: string(x.ProductRisk), Reason: x.Reason(s), Message: x.SuitabilityMessage(s)})
	}
	return out
}

// EndingView is the ending reached.
type EndingView struct {
	ID      string         `json:"id"`
	Kind    string         `json:"kind"`
	Title   scenarios.Text `json:"title"`
	Debrief scenarios.Text `json:"debrief"`
}

// ResultView is the score of a finished attempt.
type ResultView struct {
	Total      float64                  `json:"total"`
	PassMark   int                      `json:"pass_mark"`
	Passed     bool                     `json:"passed"`
	Dimensions []scoring.DimensionScore `json:"dimensions"`
	Violations int                      `json:"violations"`
	Ending     *EndingView              `json:"ending"`
}

// AttemptView is an attempt as the sandbox shows it.
type AttemptView struct {
	ID            int64            `json:"id"`
	ScenarioID    string           `json:"scenario_id"`
	Version       int              `json:"version"`
	Status        string           `json:"status"`
	Mood          int              `json:"mood"`
	Turn          *TurnView        `json:"turn"`
	Pending       *PendingView     `json:"pending"`
	Transcript    []TranscriptLine `json:"transcript"`
	NeedsRevealed []scenarios.Text `json:"needs_revealed"`
	Violations    []ViolationView  `json:"violations"`
	// NearMisses are the recommendations withdrawn at the suitability warning.
	NearMisses []scenarios.NearMiss `json:"near_misses"`
	// Insist is the "customer insists" path once taken: the steps done so far.
	Insist     *scenarios.InsistPath `json:"insist"`
	Result     *ResultView           `json:"result"`
	StartedAt  time.Time             `json:"started_at"`
	FinishedAt *time.Time            `json:"finished_at"`
	// Comments are the reviewers' coaching comments, oldest first.
	Comments []Comment `json:"comments"`
	// ShelfHint: the product shelf marks which products fit the customer (the
	// scenario's shelf_hint fit, or a beginner-mode assignment); otherwise it
	// shows ratings only.
	ShelfHint bool `json:"shelf_hint"`
}

func attemptView(a *Attempt, s *scenarios.Scenario, st scenarios.State) AttemptView {
	v := AttemptView{ID: a.ID, ScenarioID: a.ScenarioID, Version: a.ScenarioVersion, Status: a.Status, Mood: st.Mood,
		Transcript: []TranscriptLine{}, NeedsRevealed: []scenarios.Text{}, Violations: []ViolationView{}, Comments: []Comment{},
		NearMisses: append([]scenarios.NearMiss{}, st.NearMisses...), Insist: st.Insist,
		StartedAt: a.StartedAt, FinishedAt: a.FinishedAt, ShelfHint: a.ShelfHint || s.ShelfHint == scenarios.ShelfHintFit}
	if t := s.Turn(st.Turn); t != nil && !st.Finished {
		tv := &TurnView{ID: t.ID, Customer: t.CustomerText(st.Needs), Choices: []ChoiceView{}, FreeText: t.IsFreeText()}
		// in the attempt's order: the file's order would tell where the best reply is
		for _, i := range scenarios.ChoiceOrder(t, st.Seed) {
			c := &t.Choices[i]
			cv := ChoiceView{ID: c.ID, Text: c.Text}
			if c.Recommends != "" {
				r := c.Recommends
				cv.Recommends = &r
			}
			tv.Choices = append(tv.Choices, cv)
		}
		v.Turn = tv
	}
	if p := st.Pending; p != nil {
		kind := p.Kind
		if kind == "" {
			kind = scenarios.CheckpointMismatch
		}
		pv := &PendingView{Kind: kind, Refused: p.Refused, CanInsist: p.CanInsist, ChoiceID: p.Choice, ProductID: p.Product, CustomerRisk: string(p.CustomerRisk), ProductRisk: string(p.ProductRisk), Message: p.Message}
		if prod := s.Product(p.Product); prod != nil {
			pv.ProductName = prod.Name
		}
		v.Pending = pv
	}
	for i, step := range st.Steps {
		line := TranscriptLine{Turn: step.Turn, MoodAfter: step.MoodAfter}
		if t := s.Turn(step.Turn); t != nil {
			line.Customer = t.CustomerText(st.RevealedBefore(i))
			if c := t.Choice(step.Choice); c != nil {
				line.Reply = c.Text
			}
		}
		if step.Choice == "" {
			line.Reply = scenarios.Text{scenarios.LocaleZH: step.Text, scenarios.LocaleEN: step.Text}
		}
		if step.Redacted {
			line.Reply = scenarios.RedactedReply
		}
		v.Transcript = append(v.Transcript, line)
	}
	for _, id := range st.Needs {
		if n := s.HiddenNeed(id); n != nil {
			v.NeedsRevealed = append(v.NeedsRevealed, n.Text)
		}
	}
	v.Violations = violationViews(s, st)
	if st.Finished {
		res := scenarios.Score(s, st)
		rv := &ResultView{Total: res.Total, PassMark: res.PassMark, Passed: res.Passed, Dimensions: res.Dimensions, Violations: len(st.Violations)}
		if e := s.Ending(st.Ending); e != nil {
			rv.Ending = &EndingView{ID: e.ID, Kind: e.Kind, Title: e.Title, Debrief: e.Debrief}
		}
		v.Result = rv
	}
	return v
}
