package scenarios

import (
	"fmt"
	"strings"
	"time"
)

// Class is a customer's suitability class, "C1" (保守型) .. "C5" (激进型). Banks label
// customers C1–C5 and products R1–R5; a customer of class Cn may be offered products up
// to Rn.
type Class string

// Level returns 1..5 for C1..C5, 0 for anything else.
func (c Class) Level() int {
	if len(c) == 2 && c[0] == 'C' && c[1] >= '1' && c[1] <= '5' {
		return int(c[1] - '0')
	}
	return 0
}

// Class reads a format 1 or 2 risk tolerance (R1..R5) as the customer class of the same
// level; "" for anything else.
func (r Risk) Class() Class {
	if l := r.Level(); l > 0 {
		return Class(fmt.Sprintf("C%d", l))
	}
	return ""
}

// Class returns the customer's class: RiskClass, or the class read from a format 1 or 2
// file's RiskTolerance.
func (p *Persona) Class() Class {
	if p.RiskClass != "" {
		return p.RiskClass
	}
	return p.RiskTolerance.Class()
}

// AssessmentValidity is how long a suitability assessment stays current (DOMAIN.md:
// older than a year, it must be redone before a sale).
const AssessmentValidity = "one year"

// DateLayout is the form of every date in a scenario file.
const DateLayout = "2006-01-02"

// Assessment states of a persona.
const (
	AssessmentCurrent = "current"
	AssessmentMissing = "missing"
	AssessmentExpired = "expired"
)

// Assessment tells whether the persona's assessment can be relied on: missing (a format 3
// persona without assessed_on), expired (taken more than a year before the scenario's
// facts_checked_on, the day the story is set) or current. Format 1 and 2 files never
// dated an assessment; theirs counts as current.
func (s *Scenario) Assessment() string {
	on := s.Persona.AssessedOn
	if on == "" {
		if s.FormatOrDefault() < FormatV3 {
			return AssessmentCurrent
		}
		return AssessmentMissing
	}
	taken, err1 := time.Parse(DateLayout, on)
	today, err2 := time.Parse(DateLayout, s.FactsCheckedOn)
	if err1 == nil && err2 == nil && taken.AddDate(1, 0, 0).Before(today) {
		return AssessmentExpired
	}
	return AssessmentCurrent
}

// Checkpoint kinds: a product above the customer's class, or a suitability-checked
// product offered while the customer's assessment is missing or expired.
const (
	CheckpointMismatch   = "mismatch"
	CheckpointAssessment = "assessment"
)

// Mismatch returns the product a choice recommends when, at the start of an attempt,
// that recommendation raises the suitability checkpoint (a suitability-checked product
// rated above the customer's class, or any suitability-checked product while the
// assessment is missing or expired), or nil. Whether it raises it later in an attempt
// depends on the state too: a reassessment taken on the way clears the second case.
func (s *Scenario) Mismatch(c *Choice) *Product {
	p, _ := s.checkpointFor(State{}, c)
	return p
}

// checkpointFor returns the product and the kind of checkpoint a choice raises in st,
// or nil.
func (s *Scenario) checkpointFor(st State, c *Choice) (*Product, string) {
	if c == nil || c.Recommends == "" {
		return nil, ""
	}
	p := s.Product(c.Recommends)
	if p == nil || !p.SuitabilityChecked() {
		return nil, ""
	}
	if !st.AssessmentRedone && s.Assessment() != AssessmentCurrent {
		return p, CheckpointAssessment
	}
	if p.Risk.Level() > s.Persona.Class().Level() {
		return p, CheckpointMismatch
	}
	return nil, ""
}

// newCheckpoint builds the warning a choice raises. A bank wealth product above the
// class is refused outright; a fund above it may go down the "customer insists" path
// when the turn says the customer insists on that fund and the customer is not C1.
func newCheckpoint(s *Scenario, t *Turn, c *Choice, p *Product, kind string, elapsedMs int64) *Checkpoint {
	class := s.Persona.Class()
	cp := &Checkpoint{Kind: kind, Turn: t.ID, Choice: c.ID, Product: p.ID,
		CustomerRisk: class, ProductRisk: p.Risk, ElapsedMs: elapsedMs}
	if kind == CheckpointAssessment {
		cp.Message = assessmentMessage(s)
		return cp
	}
	cp.Refused = p.Kind == "wealth_management"
	cp.CanInsist = p.Kind == "fund" && t.Insists == p.ID && class.Level() > 1
	cp.Message = mismatchMessage(class, p)
	return cp
}

// The steps of the "customer insists" path, in the order they are taken.
const (
	ActionRedoAssessment     = "redo_assessment"
	ActionRiskWarning        = "risk_warning"
	ActionSignedConfirmation = "signed_confirmation"
	ActionRecording          = "recording"
	ActionSale               = "sale"
)

// InsistSteps must all be taken before a fund bought on the customer's insistence is
// sold: a special written risk warning, the customer's signed confirmation, 双录.
var InsistSteps = []string{ActionRiskWarning, ActionSignedConfirmation, ActionRecording}

// InsistPath is a fund above the customer's class that the customer insists on buying:
// open from the checkpoint's Insist until the sale.
type InsistPath struct {
	Product string `json:"product"`
	Turn    string `json:"turn"`
	// Steps are the InsistSteps taken so far, in order, each once.
	Steps []string `json:"steps,omitempty"`
	Sold  bool     `json:"sold,omitempty"`
}

// Missing returns the InsistSteps not yet taken, in order.
func (ip *InsistPath) Missing() []string {
	var out []string
	for _, s := range InsistSteps {
		if !contains(ip.Steps, s) {
			out = append(out, s)
		}
	}
	return out
}

// NearMiss is a recommendation withdrawn at the suitability warning: nothing was sold,
// but the employee was about to, and reviewers and analytics see it.
type NearMiss struct {
	// Step is the number of replies taken before it (the index the reply would have had).
	Step          int    `json:"step"`
	Kind          string `json:"kind"`
	Turn          string `json:"turn"`
	Choice        string `json:"choice"`
	Product       string `json:"product"`
	CustomerClass Class  `json:"customer_class"`
	ProductRisk   Risk   `json:"product_risk"`
}

// Violation causes of kind suitability: a confirmed mismatch, a product offered without
// a current assessment, a fund sold on the insist path with a step skipped.
const (
	CauseMismatch    = "mismatch"
	CauseAssessment  = "assessment"
	CauseInsistSteps = "insist_steps"
)

// takeAction carries out a choice's scripted step on the state, and returns the
// violation a sale with a skipped step commits (nil otherwise).
func takeAction(s *Scenario, st *State, t *Turn, c *Choice) *Violation {
	switch c.Action {
	case ActionRedoAssessment:
		st.AssessmentRedone = true
	case ActionRiskWarning, ActionSignedConfirmation, ActionRecording:
		if ip := st.Insist; ip != nil && !ip.Sold && !contains(ip.Steps, c.Action) {
			ip.Steps = append(ip.Steps, c.Action)
		}
	case ActionSale:
		ip := st.Insist
		if ip == nil || ip.Sold {
			return nil
		}
		ip.Sold = true
		if missing := ip.Missing(); len(missing) > 0 {
			v := &Violation{Kind: ViolationSuitability, Cause: CauseInsistSteps, Step: len(st.Steps), Turn: t.ID, Choice: c.ID,
				Product: ip.Product, CustomerRisk: s.Persona.Class(), Missing: missing}
			if p := s.Product(ip.Product); p != nil {
				v.ProductRisk = p.Risk
			}
			return v
		}
	}
	return nil
}

func mismatchMessage(class Class, p *Product) Text {
	zh := fmt.Sprintf("风险不匹配：客户 %s，产品 %s（%s）。", class, p.Risk, p.Name.Get(LocaleZH))
	en := fmt.Sprintf("Risk mismatch: customer %s, product %s (%s). ", class, p.Risk, p.Name.Get(LocaleEN))
	switch {
	case p.Kind == "wealth_management":
		zh += "银行理财产品高于客户风险等级，一律不得销售；确认后将记录违规。"
		en += "A bank wealth product above the customer's class may not be sold at all; confirming records a violation."
	case p.Kind == "fund" && class.Level() <= 1:
		zh += "C1 客户不得购买高于其等级的基金，客户坚持也不行；确认后将记录违规。"
		en += "A C1 customer may not buy a fund above the class, even on insistence; confirming records a violation."
	case p.Kind == "fund":
		zh += "只有客户本人坚持购买时，经特别风险提示书、客户签字确认和双录方可办理，且不得推荐；否则确认将记录违规。"
		en += "Only if the customer insists may it proceed, through a special written risk warning, the customer's signed confirmation and a recorded sale (双录), never as a recommendation; otherwise confirming records a violation."
	default:
		zh += "推荐超出客户风险等级的产品属于适当性违规；确认后将记录违规。"
		en += "Recommending a product above the customer's class is a suitability violation; confirming records it."
	}
	return Text{LocaleZH: zh, LocaleEN: en}
}

func assessmentMessage(s *Scenario) Text {
	on := s.Persona.AssessedOn
	if on == "" {
		return Text{
			LocaleZH: "客户没有风险测评记录：须先由客户本人完成风险测评，才能推荐需适当性匹配的产品；确认后将记录违规。",
			LocaleEN: "The customer has no risk assessment on file: the customer must take one before any product that needs a suitability match is offered; confirming records a violation.",
		}
	}
	return Text{
		LocaleZH: fmt.Sprintf("客户的风险测评（%s）已超过一年有效期：须先由客户本人重新测评，才能推荐需适当性匹配的产品；确认后将记录违规。", on),
		LocaleEN: fmt.Sprintf("The customer's risk assessment (%s) is more than a year old: the customer must retake it before any product that needs a suitability match is offered; confirming records a violation.", on),
	}
}

// SuitabilityMessage says what a suitability violation was, naming the customer's class
// and the product's rating; nil for red lines and for products the scenario lacks.
func (v Violation) SuitabilityMessage(s *Scenario) Text {
	p := s.Product(v.Product)
	if p == nil || v.KindOrDefault() != ViolationSuitability {
		return nil
	}
	switch v.Cause {
	case CauseAssessment:
		return assessmentMessage(s)
	case CauseInsistSteps:
		zh, en := make([]string, 0, len(v.Missing)), make([]string, 0, len(v.Missing))
		for _, m := range v.Missing {
			zh, en = append(zh, insistStepNames[m].Get(LocaleZH)), append(en, insistStepNames[m].Get(LocaleEN))
		}
		return Text{
			LocaleZH: fmt.Sprintf("客户 %s，产品 %s（%s）：客户坚持购买，但办理前缺少%s。", v.CustomerRisk, p.Risk, p.Name.Get(LocaleZH), strings.Join(zh, "、")),
			LocaleEN: fmt.Sprintf("Customer %s, product %s (%s): bought on the customer's insistence, but sold without %s.", v.CustomerRisk, p.Risk, p.Name.Get(LocaleEN), strings.Join(en, ", ")),
		}
	}
	return mismatchMessage(v.CustomerRisk, p)
}

var insistStepNames = map[string]Text{
	ActionRiskWarning:        {LocaleZH: "特别风险提示书", LocaleEN: "the special written risk warning"},
	ActionSignedConfirmation: {LocaleZH: "客户签字确认", LocaleEN: "the customer's signed confirmation"},
	ActionRecording:          {LocaleZH: "双录", LocaleEN: "the audio-video recording (双录)"},
}

// CanInsist reports whether the checkpoint the choice raises at the start of an attempt
// offers the "customer insists" path (see Insist).
func (s *Scenario) CanInsist(t *Turn, c *Choice) bool {
	p, kind := s.checkpointFor(State{}, c)
	return p != nil && newCheckpoint(s, t, c, p, kind, 0).CanInsist
}
