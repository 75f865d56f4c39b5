package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"github.com/servicestar/servicestar/scoring"
)

// DebriefReport is the result page of an attempt in one language: the score, and turn by turn
// what was said, why it was good or poor, and what the model answer was.
type DebriefReport struct {
	ScenarioID string         `json:"scenario_id"`
	Version    int            `json:"version"`
	Locale     string         `json:"locale"`
	Title      string         `json:"title"`
	Finished   bool           `json:"finished"`
	Ending     *DebriefEnding `json:"ending,omitempty"`
	Result     scoring.Result `json:"result"`
	// Mood is the customer's mood at the end.
	Mood       int                `json:"mood"`
	Turns      []DebriefTurn      `json:"turns"`
	Violations []DebriefViolation `json:"violations"`
	// NearMisses are the recommendations withdrawn at the suitability warning.
	NearMisses []NearMiss `json:"near_misses"`
	// Needs lists every hidden need of the persona and whether it was revealed.
	Needs []DebriefNeed `json:"needs"`
}

// DebriefEnding is the ending reached.
type DebriefEnding struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// DebriefTurn is one reply taken.
type DebriefTurn struct {
	Step     int    `json:"step"`
	Turn     string `json:"turn"`
	Customer string `json:"customer"`
	// Choice is the id of the choice taken; empty for a typed reply.
	Choice string `json:"choice,omitempty"`
	// Reply is the text of the choice taken, or the typed reply.
	Reply string `json:"reply"`
	// Feedback says why the reply was good or poor; for a typed reply it sums up the
	// checklist.
	Feedback    string         `json:"feedback"`
	ModelAnswer string         `json:"model_answer"`
	Checklist   []DebriefCheck `json:"checklist,omitempty"`
	Effects     Effects        `json:"effects,omitempty"`
	MoodBefore  int            `json:"mood_before"`
	MoodAfter   int            `json:"mood_after"`
	ElapsedMs   int64          `json:"elapsed_ms"`
	Violation   bool           `json:"violation,omitempty"`
	// OrderMet tells whether a typed reply followed the turn's script order; nil when
	// the turn asks for none.
	OrderMet *bool `json:"order_met,omitempty"`
	// Unsure marks a typed reply the rules could not grade with confidence.
	Unsure bool `json:"unsure,omitempty"`
	// MoodEnding marks the reply after which the customer ended the conversation.
	MoodEnding bool `json:"mood_ending,omitempty"`
}

// DebriefCheck is one checklist element of a typed reply.
type DebriefCheck struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Hit   bool   `json:"hit"`
}

// DebriefViolation is a confirmed suitability violation or a red line crossed.
type DebriefViolation struct {
	Kind         string `json:"kind"`
	Turn         string `json:"turn"`
	Choice       string `json:"choice,omitempty"`
	Forbidden    string `json:"forbidden,omitempty"`
	Product      string `json:"product"`
	ProductName  string `json:"product_name"`
	CustomerRisk Class  `json:"customer_risk"`
	ProductRisk  Risk   `json:"product_risk"`
	Message      string `json:"message"`
}

// DebriefNeed is a hidden need of the persona.
type DebriefNeed struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Revealed bool   `json:"revealed"`
}

// ResolveLocale maps a requested language to one the scenarios carry: "en…" → en,
// anything else → zh-CN (the default).
func ResolveLocale(locale string) string {
	if strings.HasPrefix(strings.ToLower(locale), "en") {
		return LocaleEN
	}
	return LocaleZH
}

// Debrief assembles the result page of an attempt in locale (see ResolveLocale).
// It works on unfinished attempts too.
func Debrief(s *Scenario, st State, locale string) DebriefReport {
	l := ResolveLocale(locale)
	d := DebriefReport{
		ScenarioID: s.ID, Version: s.Version, Locale: l,
		Title: s.Title.Get(l), Finished: st.Finished, Result: Score(s, st), Mood: st.Mood,
		Turns: []DebriefTurn{}, Violations: []DebriefViolation{}, Needs: []DebriefNeed{},
		NearMisses: append([]NearMiss{}, st.NearMisses...),
	}
	if e := s.Ending(st.Ending); st.Finished && e != nil {
		d.Ending = &DebriefEnding{ID: e.ID, Kind: e.Kind, Title: e.Title.Get(l), Text: e.Debrief.Get(l)}
	}
	for i, step := range st.Steps {
		dt := DebriefTurn{
			Step: i, Turn: step.Turn, Choice: step.Choice, Effects: step.Effects,
			MoodBefore: step.MoodBefore, MoodAfter: step.MoodAfter,
			ElapsedMs: step.ElapsedMs, Violation: step.Violation,
		}
		t := s.Turn(step.Turn)
		if t == nil {
			d.Turns = append(d.Turns, dt)
			continue
		}
		dt.Customer, dt.ModelAnswer = t.CustomerText(st.RevealedBefore(i)).Get(l), t.ModelAnswer.Get(l)
		if c := t.Choice(step.Choice); step.Choice != "" && c != nil {
			dt.Reply, dt.Feedback = c.Text.Get(l), c.Feedback.Get(l)
		} else if t.FreeText != nil {
			dt.Reply = step.Text
			if step.Redacted {
				dt.Reply = RedactedReply.Get(l)
			}
			var met, missed []string
			for _, item := range t.FreeText.Checklist {
				hit := slices.Contains(step.Hits, item.ID)
				dt.Checklist = append(dt.Checklist, DebriefCheck{ID: item.ID, Label: item.Label.Get(l), Hit: hit})
				if hit {
					met = append(met, item.Label.Get(l))
				} else {
					missed = append(missed, item.Label.Get(l))
				}
			}
			dt.Feedback = checklistFeedback(l, met, missed)
			if step.KeywordsOnly {
				dt.Feedback = keywordsOnlyNote.Get(l) + dt.Feedback
			}
			if o := t.FreeText.Order; o != nil && !step.KeywordsOnly {
				met := step.OrderMet
				dt.OrderMet = &met
				dt.Feedback += orderNote(t, l, met)
			}
			if dt.Unsure = step.Unsure; step.Unsure {
				dt.Feedback += unsureNote.Get(l)
			}
		}
		if dt.MoodEnding = step.MoodEnding; step.MoodEnding {
			dt.Feedback += moodEndingNote(l, step.MoodAfter)
		}
		d.Turns = append(d.Turns, dt)
	}
	for _, v := range st.Violations {
		dv := DebriefViolation{Kind: v.KindOrDefault(), Turn: v.Turn, Choice: v.Choice, Forbidden: v.Forbidden,
			Product: v.Product, CustomerRisk: v.CustomerRisk, ProductRisk: v.ProductRisk}
		if r := v.Reason(s); r != nil {
			dv.Message = r.Get(l)
		} else if p := s.Product(v.Product); p != nil {
			dv.ProductName = p.Name.Get(l)
			dv.Message = v.SuitabilityMessage(s).Get(l)
		}
		d.Violations = append(d.Violations, dv)
	}
	for _, n := range s.Persona.HiddenNeeds {
		d.Needs = append(d.Needs, DebriefNeed{ID: n.ID, Text: n.Text.Get(l), Revealed: slices.Contains(st.Needs, n.ID)})
	}
	return d
}

var keywordsOnlyNote = Text{
	LocaleZH: "这是一串关键词，不是能对客户说的话，不计分。",
	LocaleEN: "This is a list of keywords, not something to say to a customer: it earns nothing. ",
}

var unsureNote = Text{
	LocaleZH: "评分规则对这条回答没有把握，已请主管人工查看。",
	LocaleEN: " The rules are not sure how to grade this reply: a manager will read it.",
}

// orderNote says whether the reply followed the script order, naming it.
func orderNote(t *Turn, l string, met bool) string {
	var labels []string
	for _, id := range t.FreeText.Order.Elements {
		for _, item := range t.FreeText.Checklist {
			if item.ID == id {
				labels = append(labels, item.Label.Get(l))
			}
		}
	}
	switch {
	case l == LocaleEN && met:
		return " In the right order: " + strings.Join(labels, " → ") + "."
	case l == LocaleEN:
		return " Not in the order asked for: " + strings.Join(labels, " → ") + "."
	case met:
		return "顺序正确：" + strings.Join(labels, " → ") + "。"
	}
	return "顺序不对，应为：" + strings.Join(labels, " → ") + "。"
}

// moodEndingNote says why the conversation ended after this reply.
func moodEndingNote(l string, mood int) string {
	if l == LocaleEN {
		return fmt.Sprintf(" The customer's mood fell to %d and the customer ended the conversation.", mood)
	}
	return fmt.Sprintf("客户情绪降到 %d，结束了对话。", mood)
}

func checklistFeedback(locale string, met, missed []string) string {
	if locale == LocaleEN {
		var parts []string
		if len(met) > 0 {
			parts = append(parts, "You did: "+strings.Join(met, "; ")+".")
		}
		if len(missed) > 0 {
			parts = append(parts, "Missing: "+strings.Join(missed, "; ")+".")
		}
		return strings.Join(parts, " ")
	}
	var parts []string
	if len(met) > 0 {
		parts = append(parts, "已做到："+strings.Join(met, "、")+"。")
	}
	if len(missed) > 0 {
		parts = append(parts, "未做到："+strings.Join(missed, "、")+"。")
	}
	return strings.Join(parts, "")
}
