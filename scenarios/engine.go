package scenarios

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of one attempt.
const (
	// MaxSteps bounds an attempt: a loop with a way out can still be walked forever.
	MaxSteps = 2000
	// MaxAnswerRunes bounds one typed reply.
	MaxAnswerRunes = 2000
)

// Error is an engine error. Compare with errors.Is against the Err… values; Code is
// stable for API responses. Returned errors wrap these with details.
type Error struct {
	Code string
	msg  string
}

func (e *Error) Error() string { return e.msg }

// Engine errors. On any of them the state is unchanged.
var (
	ErrStateMismatch     = &Error{"state_mismatch", "the attempt state does not belong to this scenario version"}
	ErrFinished          = &Error{"finished", "the attempt is finished"}
	ErrCheckpointPending = &Error{"checkpoint_pending", "a suitability checkpoint is waiting for confirm or back"}
	ErrNoCheckpoint      = &Error{"no_checkpoint", "no suitability checkpoint is pending"}
	ErrCannotInsist      = &Error{"cannot_insist", "the pending warning does not allow the customer-insists path (not a fund the customer insists on, or a C1 customer)"}
	ErrUnknownChoice     = &Error{"unknown_choice", "the choice is not on the current turn"}
	ErrWrongTurnKind     = &Error{"wrong_turn_kind", "the current turn takes another kind of reply"}
	ErrEmptyAnswer       = &Error{"empty_answer", "the typed reply is empty"}
	ErrAnswerTooLong     = &Error{"answer_too_long", fmt.Sprintf("the typed reply is longer than %d characters", MaxAnswerRunes)}
	ErrInvalidElapsed    = &Error{"invalid_elapsed", "the elapsed time is negative"}
	ErrTooManySteps      = &Error{"too_many_steps", fmt.Sprintf("the attempt has reached %d steps", MaxSteps)}
)

// State is an attempt in progress. It is plain data that round-trips through JSON, so it
// can be saved after every step and resumed after a restart. The engine never changes a
// State it is given; it returns a new one.
type State struct {
	ScenarioID string `json:"scenario_id"`
	Version    int    `json:"version"`
	// Seed fixes the order the choices are shown in (see ChoiceOrder); 0 keeps the
	// file's order.
	Seed uint64 `json:"seed,omitempty"`
	// Turn is the current turn; empty once finished.
	Turn string `json:"turn,omitempty"`
	// Mood is the customer's mood, 0..100.
	Mood int `json:"mood"`
	// Effects sums the effects of the replies taken, per dimension.
	Effects Effects `json:"effects,omitempty"`
	// Needs are the hidden needs revealed so far, in order.
	Needs []string `json:"needs,omitempty"`
	// Products are the products recommended so far, in order, each once.
	Products   []string    `json:"products,omitempty"`
	Violations []Violation `json:"violations,omitempty"`
	Steps      []Step      `json:"steps,omitempty"`
	// NearMisses are the recommendations withdrawn at the suitability warning.
	NearMisses []NearMiss `json:"near_misses,omitempty"`
	// AssessmentRedone is set once the customer has retaken the risk assessment in
	// this attempt (a choice with action redo_assessment).
	AssessmentRedone bool `json:"assessment_redone,omitempty"`
	// Insist is the "customer insists" path, from the checkpoint's Insist to the sale.
	Insist *InsistPath `json:"insist,omitempty"`
	// Pending is the suitability checkpoint waiting for Confirm, Insist or Back.
	Pending  *Checkpoint `json:"pending,omitempty"`
	Finished bool        `json:"finished,omitempty"`
	Ending   string      `json:"ending,omitempty"`
}

// NeedsHumanLook reports whether a typed reply of the attempt was graded without
// confidence, so a reviewer should read it.
func (st State) NeedsHumanLook() bool {
	for i := range st.Steps {
		if st.Steps[i].Unsure {
			return true
		}
	}
	return false
}

// RevealedBefore returns the hidden needs revealed by the replies before step i: what
// the customer could speak of when that step's turn began (see Turn.CustomerText).
func (st State) RevealedBefore(i int) []string {
	var out []string
	for _, s := range st.Steps[:min(i, len(st.Steps))] {
		if s.Reveals != "" && !slices.Contains(out, s.Reveals) {
			out = append(out, s.Reveals)
		}
	}
	return out
}

// RedactedReply stands where a typed reply was, once retention removed it.
var RedactedReply = Text{LocaleZH: "（此回答已按本行数据保留期限删除）", LocaleEN: "(this reply was removed under the bank's retention period)"}

// Step is one reply taken.
type Step struct {
	Turn string `json:"turn"`
	// Choice is the choice taken, or empty for a typed reply.
	Choice string `json:"choice,omitempty"`
	// Text is the typed reply.
	Text string `json:"text,omitempty"`
	// Redacted marks a typed reply whose text the bank's retention period
	// removed; transcripts and debriefs show RedactedReply in its place.
	Redacted bool `json:"redacted,omitempty"`
	// Hits are the ids of the checklist elements the typed reply met, in checklist order.
	Hits []string `json:"hits,omitempty"`
	// KeywordsOnly marks a typed reply that was a list of keywords, which meets nothing.
	KeywordsOnly bool `json:"keywords_only,omitempty"`
	// Unsure marks a typed reply the rules could not grade with confidence: the
	// attempt is marked for a human look (see State.NeedsHumanLook).
	Unsure bool `json:"unsure,omitempty"`
	// UnsureWhy are the reasons, Unsure… codes (see GradeAnswer).
	UnsureWhy []string `json:"unsure_why,omitempty"`
	// OrderMet marks a typed reply that followed the turn's script order.
	OrderMet bool `json:"order_met,omitempty"`
	// MoodEnding marks a reply after which the customer's mood ended the conversation
	// (Next then names the mood ending, not the file's next).
	MoodEnding bool `json:"mood_ending,omitempty"`
	// Effects are the rubric effects this reply applied.
	Effects    Effects `json:"effects,omitempty"`
	MoodBefore int     `json:"mood_before"`
	MoodAfter  int     `json:"mood_after"`
	Reveals    string  `json:"reveals,omitempty"`
	Recommends string  `json:"recommends,omitempty"`
	// Violation marks a reply that recorded a violation: applied after the employee
	// confirmed a suitability warning, a critical choice, or a forbidden phrasing typed.
	Violation bool `json:"violation,omitempty"`
	// Forbidden are the ids of the forbidden elements a typed reply contained.
	Forbidden []string `json:"forbidden,omitempty"`
	// Insisted marks a reply applied on the customer's insistence at the warning.
	Insisted bool `json:"insisted,omitempty"`
	// Action is the scripted step the reply carried out.
	Action string `json:"action,omitempty"`
	// ElapsedMs is the time the employee spent on the turn, as the caller measured it.
	ElapsedMs int64  `json:"elapsed_ms"`
	Next      string `json:"next"`
}

// Violation kinds. States saved before red lines existed carry no kind: they are
// suitability violations (see Violation.KindOrDefault).
const (
	ViolationSuitability = "suitability"
	ViolationRedLine     = "red_line"
)

// Violation is a confirmed recommendation of a product above the customer's tolerance,
// or a red line crossed: a critical choice taken or a forbidden phrasing typed.
type Violation struct {
	Kind string `json:"kind,omitempty"`
	// Cause says why a suitability violation is one (CauseMismatch when empty).
	Cause string `json:"cause,omitempty"`
	// Missing are the insist-path steps skipped before a sale (cause insist_steps).
	Missing []string `json:"missing,omitempty"`
	// Step is the index in State.Steps of the reply that committed it.
	Step   int    `json:"step"`
	Turn   string `json:"turn"`
	Choice string `json:"choice,omitempty"`
	// Forbidden is the id of the forbidden element a typed reply contained.
	Forbidden string `json:"forbidden,omitempty"`
	Product   string `json:"product,omitempty"`
	// CustomerRisk is the customer's class ("C2"); states saved before classes hold
	// the risk tolerance ("R2").
	CustomerRisk Class `json:"customer_risk,omitempty"`
	ProductRisk  Risk  `json:"product_risk,omitempty"`
}

// KindOrDefault returns the kind, suitability for violations saved without one.
func (v Violation) KindOrDefault() string {
	if v.Kind == "" {
		return ViolationSuitability
	}
	return v.Kind
}

// Reason is why a red line is one, from the scenario; nil for suitability violations
// and for ids the scenario does not have.
func (v Violation) Reason(s *Scenario) Text {
	t := s.Turn(v.Turn)
	if t == nil || v.KindOrDefault() != ViolationRedLine {
		return nil
	}
	if c := t.Choice(v.Choice); v.Choice != "" && c != nil {
		return c.Critical
	}
	if t.FreeText != nil {
		for _, f := range t.FreeText.Forbidden {
			if f.ID == v.Forbidden {
				return f.Reason
			}
		}
	}
	return nil
}

// Checkpoint is the suitability warning: the chosen reply recommends a product rated above
// the customer's class, or one that needs a suitability match while the customer's
// assessment is missing or expired. Nothing of the reply is applied until Confirm or
// Insist.
type Checkpoint struct {
	// Kind is CheckpointMismatch (also when empty: states saved before kinds) or
	// CheckpointAssessment.
	Kind         string `json:"kind,omitempty"`
	Turn         string `json:"turn"`
	Choice       string `json:"choice"`
	Product      string `json:"product"`
	CustomerRisk Class  `json:"customer_risk"`
	ProductRisk  Risk   `json:"product_risk"`
	// Refused marks a bank wealth product above the class: no path can sell it.
	Refused bool `json:"refused,omitempty"`
	// CanInsist offers the "customer insists" path (a fund the customer insists on,
	// a customer above C1).
	CanInsist bool `json:"can_insist,omitempty"`
	// ElapsedMs is kept for the step Confirm records.
	ElapsedMs int64 `json:"elapsed_ms"`
	// Message names the mismatch, e.g. "customer R2, product R4", in zh-CN and en.
	Message Text `json:"message"`
}

// Clone returns a deep copy.
func (st State) Clone() State {
	out := st
	out.Effects = cloneEffects(st.Effects)
	out.Needs = slices.Clone(st.Needs)
	out.Products = slices.Clone(st.Products)
	out.Violations = slices.Clone(st.Violations)
	for i := range out.Violations {
		out.Violations[i].Missing = slices.Clone(out.Violations[i].Missing)
	}
	out.NearMisses = slices.Clone(st.NearMisses)
	if st.Insist != nil {
		ip := *st.Insist
		ip.Steps = slices.Clone(ip.Steps)
		out.Insist = &ip
	}
	if st.Steps != nil {
		out.Steps = make([]Step, len(st.Steps))
		for i, s := range st.Steps {
			s.Hits = slices.Clone(s.Hits)
			s.Forbidden = slices.Clone(s.Forbidden)
			s.UnsureWhy = slices.Clone(s.UnsureWhy)
			s.Effects = cloneEffects(s.Effects)
			out.Steps[i] = s
		}
	}
	if st.Pending != nil {
		p := *st.Pending
		p.Message = maps.Clone(st.Pending.Message)
		out.Pending = &p
	}
	return out
}

func cloneEffects(e Effects) Effects { return maps.Clone(e) }

// fork copies what the engine changes in place (the running effects) and gives every
// slice its own backing array, so appending never writes into the caller's state. The
// steps themselves are shared: the engine never changes a recorded step, which keeps a
// move cheap on a long attempt.
func (st State) fork() State {
	out := st
	out.Effects = cloneEffects(st.Effects)
	out.Needs = slices.Clip(st.Needs)
	out.Products = slices.Clip(st.Products)
	out.Violations = slices.Clip(st.Violations)
	out.NearMisses = slices.Clip(st.NearMisses)
	out.Steps = slices.Clip(st.Steps)
	if st.Insist != nil {
		ip := *st.Insist
		ip.Steps = slices.Clip(ip.Steps)
		out.Insist = &ip
	}
	if st.Pending != nil {
		p := *st.Pending
		out.Pending = &p
	}
	return out
}

// Start begins an attempt at the scenario's start turn.
func Start(s *Scenario) State {
	st := State{ScenarioID: s.ID, Version: s.Version, Turn: s.Start, Mood: s.Persona.InitialMood}
	if t := s.Turn(s.Start); t != nil && t.Mood != nil {
		st.Mood = *t.Mood
	}
	return st
}

// current returns the current turn of an attempt that can take a reply.
func current(s *Scenario, st State) (*Turn, error) {
	if st.ScenarioID != s.ID || st.Version != s.Version {
		return nil, fmt.Errorf("%w: state is for %s v%d, scenario is %s v%d",
			ErrStateMismatch, st.ScenarioID, st.Version, s.ID, s.Version)
	}
	if st.Finished {
		return nil, ErrFinished
	}
	t := s.Turn(st.Turn)
	if t == nil {
		return nil, fmt.Errorf("%w: no turn %q", ErrStateMismatch, st.Turn)
	}
	if len(st.Steps) >= MaxSteps {
		return nil, ErrTooManySteps
	}
	return t, nil
}

// Choose takes a choice on the current turn. If the choice recommends a
// suitability-checked product above the customer's tolerance, nothing is applied: the
// returned state has a pending Checkpoint, the returned Step is zero, and the attempt
// waits for Confirm or Back. A critical choice records a red-line violation as it is
// applied.
func Choose(s *Scenario, st State, choiceID string, elapsedMs int64) (State, Step, error) {
	t, err := current(s, st)
	if err != nil {
		return st, Step{}, err
	}
	if st.Pending != nil {
		return st, Step{}, ErrCheckpointPending
	}
	if t.IsFreeText() {
		return st, Step{}, fmt.Errorf("%w: turn %q takes a typed reply", ErrWrongTurnKind, t.ID)
	}
	c := t.Choice(choiceID)
	if c == nil {
		return st, Step{}, fmt.Errorf("%w: %q is not a choice of turn %q", ErrUnknownChoice, choiceID, t.ID)
	}
	if elapsedMs < 0 {
		return st, Step{}, ErrInvalidElapsed
	}
	out := st.fork()
	if p, kind := s.checkpointFor(st, c); p != nil {
		out.Pending = newCheckpoint(s, t, c, p, kind, elapsedMs)
		return out, Step{}, nil
	}
	step := applyChoice(s, &out, t, c, elapsedMs, false)
	return out, step, nil
}

// pendingChoice returns the current turn and the choice waiting at the checkpoint.
func pendingChoice(s *Scenario, st State) (*Turn, *Choice, error) {
	t, err := current(s, st)
	if err != nil {
		return nil, nil, err
	}
	if st.Pending == nil {
		return nil, nil, ErrNoCheckpoint
	}
	c := t.Choice(st.Pending.Choice)
	if c == nil || st.Pending.Turn != t.ID {
		return nil, nil, fmt.Errorf("%w: pending choice %q is not on turn %q", ErrStateMismatch, st.Pending.Choice, t.ID)
	}
	return t, c, nil
}

// Confirm applies the choice waiting at the checkpoint and records a violation.
func Confirm(s *Scenario, st State) (State, Step, error) {
	t, c, err := pendingChoice(s, st)
	if err != nil {
		return st, Step{}, err
	}
	out := st.fork()
	pending := *out.Pending
	out.Pending = nil
	cause := CauseMismatch
	if pending.Kind == CheckpointAssessment {
		cause = CauseAssessment
	}
	out.Violations = append(out.Violations, Violation{
		Kind: ViolationSuitability, Cause: cause, Step: len(out.Steps), Turn: t.ID, Choice: c.ID, Product: pending.Product,
		CustomerRisk: pending.CustomerRisk, ProductRisk: pending.ProductRisk,
	})
	step := applyChoice(s, &out, t, c, pending.ElapsedMs, true)
	return out, step, nil
}

// Insist applies the choice waiting at the checkpoint on the customer's insistence: a
// fund above the class that the turn's customer insists on, for a customer above C1.
// Nothing is recorded against the employee now; the "customer insists" path opens, and
// the sale (a choice with action sale) is a violation unless the special risk warning,
// the signed confirmation and 双录 were all taken before it.
func Insist(s *Scenario, st State) (State, Step, error) {
	t, c, err := pendingChoice(s, st)
	if err != nil {
		return st, Step{}, err
	}
	if !st.Pending.CanInsist {
		return st, Step{}, ErrCannotInsist
	}
	out := st.fork()
	pending := *out.Pending
	out.Pending = nil
	out.Insist = &InsistPath{Product: pending.Product, Turn: t.ID}
	step := applyChoice(s, &out, t, c, pending.ElapsedMs, false)
	out.Steps[len(out.Steps)-1].Insisted = true
	step.Insisted = true
	return out, step, nil
}

// Back withdraws the choice waiting at the checkpoint. No violation is recorded, but a
// near miss is: the employee was about to go through with it.
func Back(s *Scenario, st State) (State, error) {
	if _, _, err := pendingChoice(s, st); err != nil {
		return st, err
	}
	out := st.fork()
	p := *out.Pending
	out.Pending = nil
	kind := p.Kind
	if kind == "" {
		kind = CheckpointMismatch
	}
	out.NearMisses = append(out.NearMisses, NearMiss{Step: len(out.Steps), Kind: kind, Turn: p.Turn, Choice: p.Choice,
		Product: p.Product, CustomerClass: p.CustomerRisk, ProductRisk: p.ProductRisk})
	return out, nil
}

// Answer takes a typed reply on a free-text turn and grades it against the checklist
// (see MatchChecklist). The effects of every element met are applied; the mood moves by
// the turn's mood delta when at least half the elements are met, else by its negative.
// A forbidden phrasing in the reply (see MatchForbidden) records a violation each.
func Answer(s *Scenario, st State, text string, elapsedMs int64) (State, Step, error) {
	t, err := current(s, st)
	if err != nil {
		return st, Step{}, err
	}
	if st.Pending != nil {
		return st, Step{}, ErrCheckpointPending
	}
	if !t.IsFreeText() {
		return st, Step{}, fmt.Errorf("%w: turn %q takes a choice", ErrWrongTurnKind, t.ID)
	}
	// Invalid UTF-8 would be altered by a JSON round trip; fix it now so the saved
	// state is the state.
	text = strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD"))
	switch {
	case text == "":
		return st, Step{}, ErrEmptyAnswer
	case utf8.RuneCountInString(text) > MaxAnswerRunes:
		return st, Step{}, ErrAnswerTooLong
	case elapsedMs < 0:
		return st, Step{}, ErrInvalidElapsed
	}
	ft := t.FreeText
	g := GradeAnswer(ft, text)
	effects := Effects{}
	for _, item := range ft.Checklist {
		if slices.Contains(g.Hits, item.ID) {
			for d, v := range item.Effects {
				effects[d] += v
			}
		}
	}
	if g.OrderMet {
		for d, v := range ft.Order.Effects {
			effects[d] += v
		}
	}
	mood := ft.Mood
	if 2*len(g.Hits) < len(ft.Checklist) {
		mood = -mood
	}
	out := st.fork()
	step := Step{Turn: t.ID, Text: text, Hits: g.Hits, KeywordsOnly: g.KeywordsOnly, OrderMet: g.OrderMet,
		Unsure: len(g.Unsure) > 0, UnsureWhy: g.Unsure, ElapsedMs: elapsedMs, Next: ft.Next}
	if step.Forbidden = MatchForbidden(ft.Forbidden, text); len(step.Forbidden) > 0 {
		step.Violation = true
		for _, id := range step.Forbidden {
			out.Violations = append(out.Violations, Violation{Kind: ViolationRedLine, Step: len(out.Steps), Turn: t.ID, Forbidden: id})
		}
	}
	apply(s, &out, &step, effects, mood)
	return out, step, nil
}

func applyChoice(s *Scenario, st *State, t *Turn, c *Choice, elapsedMs int64, violation bool) Step {
	if c.IsCritical() {
		st.Violations = append(st.Violations, Violation{Kind: ViolationRedLine, Step: len(st.Steps), Turn: t.ID, Choice: c.ID})
		violation = true
	}
	if v := takeAction(s, st, t, c); v != nil {
		st.Violations = append(st.Violations, *v)
		violation = true
	}
	step := Step{
		Turn: t.ID, Choice: c.ID, ElapsedMs: elapsedMs, Next: c.Next,
		Reveals: c.Reveals, Recommends: c.Recommends, Violation: violation, Action: c.Action,
	}
	if c.Reveals != "" && !slices.Contains(st.Needs, c.Reveals) {
		st.Needs = append(st.Needs, c.Reveals)
	}
	if c.Recommends != "" && !slices.Contains(st.Products, c.Recommends) {
		st.Products = append(st.Products, c.Recommends)
	}
	apply(s, st, &step, cloneEffects(c.Effects), c.Mood)
	return step
}

// apply moves mood and effects, records the step and advances to its next turn or ending.
func apply(s *Scenario, st *State, step *Step, effects Effects, mood int) {
	if len(effects) == 0 {
		effects = nil
	}
	step.Effects = effects
	step.MoodBefore = st.Mood
	st.Mood = min(max(st.Mood+mood, 0), 100)
	step.MoodAfter = st.Mood
	for d, v := range effects {
		if st.Effects == nil {
			st.Effects = Effects{}
		}
		st.Effects[d] += v
	}
	st.Steps = append(st.Steps, *step)
	*step = st.Steps[len(st.Steps)-1]
	step.Hits = slices.Clone(step.Hits)
	step.Forbidden = slices.Clone(step.Forbidden)
	step.UnsureWhy = slices.Clone(step.UnsureWhy)
	step.Effects = cloneEffects(step.Effects)

	if e := s.moodEnding(st.Mood); e != "" && s.Turn(step.Next) != nil {
		// The customer has had enough: the conversation ends here.
		last := &st.Steps[len(st.Steps)-1]
		last.Next, last.MoodEnding = e, true
		step.Next, step.MoodEnding = e, true
	}
	if next := s.Turn(step.Next); next != nil {
		st.Turn = next.ID
		if next.Mood != nil {
			st.Mood = *next.Mood
		}
		return
	}
	st.Turn = ""
	st.Finished = true
	st.Ending = step.Next
}

// moodEnding returns the ending of the first mood threshold the mood is below, or "".
func (s *Scenario) moodEnding(mood int) string {
	for _, m := range s.MoodEndings {
		if mood < m.Below {
			return m.Ending
		}
	}
	return ""
}

// ErrorCode returns the Code of an engine error, or "" for other errors.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
