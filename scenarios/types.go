package scenarios

import (
	"slices"
	"strconv"

	"github.com/servicestar/servicestar/scoring"
)

// Locales every text must carry. LocaleZH is the product's default.
const (
	LocaleZH = "zh-CN"
	LocaleEN = "en"
)

// Locales lists the languages of a Text, default first.
var Locales = []string{LocaleZH, LocaleEN}

// Text is a text a person reads, by locale ("zh-CN", "en").
type Text map[string]string

// Get returns the text in locale, falling back to zh-CN and then en.
func (t Text) Get(locale string) string {
	if s := t[locale]; s != "" {
		return s
	}
	if s := t[LocaleZH]; s != "" {
		return s
	}
	return t[LocaleEN]
}

// Phrasings are the phrasings of a checklist element, by locale.
type Phrasings map[string][]string

// Effects move the rubric dimensions (see package scoring), by dimension name.
type Effects map[string]int

// Risk is a suitability rating, "R1" (conservative) .. "R5" (aggressive).
type Risk string

// Level returns 1..5 for R1..R5 and 0 for anything else.
func (r Risk) Level() int {
	if len(r) == 2 && r[0] == 'R' && r[1] >= '1' && r[1] <= '5' {
		return int(r[1] - '0')
	}
	return 0
}

// Allowed values of the enumerated fields.
var (
	Categories = []string{"complaint", "wealth", "digital", "corporate", "cards", "onboarding",
		"fx", "green", "ecny", "social_media", "credit"}
	BusinessLines = []string{"retail", "corporate", "wealth", "digital"}
	ProductKinds  = []string{"deposit", "wealth_management", "fund", "insurance",
		"structured_deposit", "loan", "service", "fx"}
	EndingKinds = []string{"resolved", "escalated", "customer_left", "complaint_filed"}
	RiskLevels  = []string{"R1", "R2", "R3", "R4", "R5"}
	ClassLevels = []string{"C1", "C2", "C3", "C4", "C5"}
	Roles       = []string{"teller", "lobby_manager", "wealth_manager", "corporate_rm", "call_centre_agent", "service_lead"}
	Channels    = []string{"counter", "phone", "online_chat", "visit", "social_media"}
	ShelfHints  = []string{ShelfHintNone, ShelfHintFit}
	// ChoiceActions are the scripted steps a choice can carry out (format 3): the
	// customer retakes the risk assessment, or a step of the "customer insists" path.
	ChoiceActions = []string{ActionRedoAssessment, ActionRiskWarning, ActionSignedConfirmation, ActionRecording, ActionSale}
)

// Shelf hints: none (the default) shows each product's rating only; fit also marks
// whether it fits the customer's class.
const (
	ShelfHintNone = "none"
	ShelfHintFit  = "fit"
)

// SuitabilityKinds are the product kinds that need a suitability match: recommending one
// rated above the customer's risk tolerance is a violation. Plain deposits, loans,
// services and FX carry no suitability check.
var SuitabilityKinds = []string{"wealth_management", "fund", "insurance", "structured_deposit"}

// Scenario is one role-play: a persona, the products in play, a graph of turns, endings.
// A *Scenario handed out by this package is read-only: the engine never changes it and
// callers must not either, so one value can serve many attempts at once.
type Scenario struct {
	// Format is the version of the file format (see FORMAT.md); absent means 1.
	Format           int     `json:"format,omitempty" yaml:"format"`
	ID               string  `json:"id" yaml:"id,required"`
	Version          int     `json:"version" yaml:"version,required"`
	Title            Text    `json:"title" yaml:"title,required"`
	Summary          Text    `json:"summary" yaml:"summary,required"`
	Category         string  `json:"category" yaml:"category,required"`
	BusinessLine     string  `json:"business_line" yaml:"business_line,required"`
	Difficulty       int     `json:"difficulty" yaml:"difficulty,required"`
	EstimatedMinutes int     `json:"estimated_minutes" yaml:"estimated_minutes,required"`
	PassMark         *int    `json:"pass_mark,omitempty" yaml:"pass_mark"`
	Weights          Effects `json:"weights,omitempty" yaml:"weights"`
	Persona          Persona `json:"persona" yaml:"persona,required"`
	// Products may be empty: not every scenario puts a product on the table.
	Products []Product `json:"products" yaml:"products"`
	Start    string    `json:"start" yaml:"start,required"`
	Turns    []Turn    `json:"turns" yaml:"turns,required"`
	Endings  []Ending  `json:"endings" yaml:"endings,required"`
	// FactsCheckedOn is the day the facts the scenario cites were last checked,
	// YYYY-MM-DD (format 3). The story is set on that day: a persona's assessment
	// is judged current or expired against it.
	FactsCheckedOn string `json:"facts_checked_on,omitempty" yaml:"facts_checked_on"`
	// Role is the employee role the scenario trains, one of Roles (format 3).
	Role string `json:"role,omitempty" yaml:"role"`
	// Channel is where the conversation happens, one of Channels (format 3).
	Channel string `json:"channel,omitempty" yaml:"channel"`
	// ShelfHint "fit" has the product shelf mark which products fit the customer's
	// class (for beginners); by default it shows each rating and leaves the judgement
	// to the trainee (format 3).
	ShelfHint string `json:"shelf_hint,omitempty" yaml:"shelf_hint"`
	// MoodEndings end the conversation when the customer's mood falls below a
	// threshold, checked in order after every reply (format 4).
	MoodEndings []MoodEnding `json:"mood_endings,omitempty" yaml:"mood_endings"`

	src source // where the scenario was read from; empty when built in code
}

// Persona is the simulated customer.
type Persona struct {
	Name       Text `json:"name" yaml:"name,required"`
	Age        int  `json:"age" yaml:"age,required"`
	Occupation Text `json:"occupation" yaml:"occupation,required"`
	Assets     Text `json:"assets" yaml:"assets,required"`
	Goals      Text `json:"goals" yaml:"goals,required"`
	// InitialMood is 0 (furious) .. 100 (delighted).
	InitialMood int `json:"initial_mood" yaml:"initial_mood,required"`
	// RiskClass is the customer's class C1..C5 from the bank's suitability assessment
	// (format 3). Files of format 1 and 2 give RiskTolerance R1..R5 instead, read as
	// the class of the same level; Parse fills RiskClass from it.
	RiskClass     Class `json:"risk_class,omitempty" yaml:"risk_class"`
	RiskTolerance Risk  `json:"risk_tolerance,omitempty" yaml:"risk_tolerance"`
	// AssessedOn is the date of that assessment, YYYY-MM-DD (format 3). An assessment
	// older than AssessmentValidity on the scenario's day, or none, must be redone
	// before a suitability-checked product is offered.
	AssessedOn  string       `json:"assessed_on,omitempty" yaml:"assessed_on"`
	HiddenNeeds []HiddenNeed `json:"hidden_needs,omitempty" yaml:"hidden_needs"`
}

// HiddenNeed is a need the customer does not state; good replies reveal it.
type HiddenNeed struct {
	ID   string `json:"id" yaml:"id,required"`
	Text Text   `json:"text" yaml:"text,required"`
}

// Product is something that can be recommended in the scenario.
type Product struct {
	ID   string `json:"id" yaml:"id,required"`
	Name Text   `json:"name" yaml:"name,required"`
	Kind string `json:"kind" yaml:"kind,required"`
	Risk Risk   `json:"risk" yaml:"risk,required"`
}

// SuitabilityChecked reports whether recommending the product needs a risk match.
func (p Product) SuitabilityChecked() bool {
	return contains(SuitabilityKinds, p.Kind)
}

// Turn is one thing the customer says, answered either by a choice or by free text.
type Turn struct {
	ID       string `json:"id" yaml:"id,required"`
	Customer Text   `json:"customer" yaml:"customer,required"`
	// CustomerIf replaces Customer once a hidden need is revealed: the first entry
	// whose need the attempt has revealed wins (format 4; see CustomerText).
	CustomerIf []GatedText `json:"customer_if,omitempty" yaml:"customer_if"`
	// Insists names the fund the customer insists on buying in this turn (format 3):
	// only here may a fund above the customer's class go down the "customer insists"
	// path instead of being a violation.
	Insists string `json:"insists,omitempty" yaml:"insists"`
	// Mood, when set, is the customer's mood as this turn starts (0..100).
	Mood        *int      `json:"mood,omitempty" yaml:"mood"`
	ModelAnswer Text      `json:"model_answer" yaml:"model_answer,required"`
	Choices     []Choice  `json:"choices,omitempty" yaml:"choices"`
	FreeText    *FreeText `json:"free_text,omitempty" yaml:"free_text"`
}

// IsFreeText reports whether the turn takes a typed reply.
func (t *Turn) IsFreeText() bool { return t.FreeText != nil }

// Choice is one reply the employee can pick.
type Choice struct {
	ID      string  `json:"id" yaml:"id,required"`
	Text    Text    `json:"text" yaml:"text,required"`
	Next    string  `json:"next" yaml:"next,required"`
	Effects Effects `json:"effects,omitempty" yaml:"effects"`
	// Mood is the change of the customer's mood, -50..50.
	Mood       int    `json:"mood,omitempty" yaml:"mood"`
	Reveals    string `json:"reveals,omitempty" yaml:"reveals"`
	Recommends string `json:"recommends,omitempty" yaml:"recommends"`
	Feedback   Text   `json:"feedback" yaml:"feedback,required"`
	// Critical, when set, marks the choice as a red line and says why: taking it
	// records a violation and the attempt cannot pass (format 2).
	Critical Text `json:"critical,omitempty" yaml:"critical"`
	// Action is a scripted step the reply carries out (format 3), one of ChoiceActions.
	Action string `json:"action,omitempty" yaml:"action"`
}

// FreeText is a typed reply graded by a transparent checklist.
type FreeText struct {
	Checklist []ChecklistItem `json:"checklist" yaml:"checklist,required"`
	Next      string          `json:"next" yaml:"next,required"`
	// Mood is the mood change when at least half the checklist is met; otherwise
	// the mood changes by -Mood.
	Mood int `json:"mood,omitempty" yaml:"mood"`
	// Forbidden are red-line phrasings: a reply that contains one (not negated)
	// records a violation, as a critical choice does (format 2).
	Forbidden []ForbiddenItem `json:"forbidden,omitempty" yaml:"forbidden"`
	// Order, when set, asks for the elements in a script order (format 4).
	Order *ReplyOrder `json:"order,omitempty" yaml:"order"`
}

// ForbiddenItem is something a typed reply must never say, such as asking for the
// customer's password, with the reason shown in the debrief.
type ForbiddenItem struct {
	ID        string    `json:"id" yaml:"id,required"`
	Reason    Text      `json:"reason" yaml:"reason,required"`
	Phrasings Phrasings `json:"phrasings" yaml:"phrasings,required"`
}

// ChecklistItem is one element a typed reply should contain. It is met when the reply
// holds every concept it asks for: one of its phrasings, one phrasing of each AllOf
// group, and its Pattern; an element gives at least one of the three.
type ChecklistItem struct {
	ID        string    `json:"id" yaml:"id,required"`
	Label     Text      `json:"label" yaml:"label,required"`
	Phrasings Phrasings `json:"phrasings,omitempty" yaml:"phrasings"`
	// AllOf are further concept groups (synonyms in both languages), each of which
	// must be met too: "commit" and "time limit" (format 4).
	AllOf []Phrasings `json:"all_of,omitempty" yaml:"all_of"`
	// Pattern names a matcher the reply must contain, one of Patterns (format 4).
	Pattern string  `json:"pattern,omitempty" yaml:"pattern"`
	Effects Effects `json:"effects,omitempty" yaml:"effects"`
}

// concepts returns the phrasing groups the element needs, its own phrasings first.
func (item *ChecklistItem) concepts() []Phrasings {
	out := make([]Phrasings, 0, 1+len(item.AllOf))
	if len(item.Phrasings) > 0 {
		out = append(out, item.Phrasings)
	}
	return append(out, item.AllOf...)
}

// ReplyOrder is the script a typed reply should follow (format 4): the elements, in the
// order their first occurrences must come, and the bonus that order earns.
type ReplyOrder struct {
	Elements []string `json:"elements" yaml:"elements,required"`
	Effects  Effects  `json:"effects,omitempty" yaml:"effects"`
}

// MoodEnding ends the conversation early (format 4): when a reply leaves the
// customer's mood below Below, the attempt goes to Ending (the customer walks out or
// files a complaint) instead of the next turn.
type MoodEnding struct {
	Below  int    `json:"below" yaml:"below,required"`
	Ending string `json:"ending" yaml:"ending,required"`
}

// GatedText is what the customer says in a turn once a hidden need has been revealed
// (format 4); until then the turn's own text stands, so an undiscovered need is not
// volunteered.
type GatedText struct {
	Revealed string `json:"revealed" yaml:"revealed,required"`
	Customer Text   `json:"customer" yaml:"customer,required"`
}

// Ending closes an attempt.
type Ending struct {
	ID      string `json:"id" yaml:"id,required"`
	Kind    string `json:"kind" yaml:"kind,required"`
	Title   Text   `json:"title" yaml:"title,required"`
	Debrief Text   `json:"debrief" yaml:"debrief,required"`
}

// Format versions a scenario file may declare. Version 2 added red lines (a choice's
// critical, a typed turn's forbidden); version 3 customer classes with an assessment
// date and the "customer insists" path; version 4 concept groups, patterns and script
// order in typed turns, mood endings and gated customer texts; version 1 files are read as they always were.
const (
	FormatV1     = 1
	FormatV2     = 2
	FormatV3     = 3
	FormatV4     = 4
	LatestFormat = FormatV4
)

// FormatOrDefault returns the declared format version, 1 when absent.
func (s *Scenario) FormatOrDefault() int {
	if s.Format == 0 {
		return FormatV1
	}
	return s.Format
}

// CustomerText is what the customer says in the turn, given what the attempt has
// revealed so far.
func (t *Turn) CustomerText(revealed []string) Text {
	for _, g := range t.CustomerIf {
		if slices.Contains(revealed, g.Revealed) {
			return g.Customer
		}
	}
	return t.Customer
}

// IsCritical reports whether taking the choice crosses a red line.
func (c *Choice) IsCritical() bool { return len(c.Critical) > 0 }

// PassMarkOrDefault returns the scenario's pass mark, or the default 80.
func (s *Scenario) PassMarkOrDefault() int {
	if s.PassMark != nil {
		return *s.PassMark
	}
	return scoring.DefaultPassMark
}

// File returns the file name the scenario was parsed from ("" when built in code).
func (s *Scenario) File() string { return s.src.file }

// Line returns the line of a value in the file the scenario was parsed from, by its path
// (e.g. "turns[2].choices[0].next"), falling back to the nearest enclosing value; 0 when
// unknown.
func (s *Scenario) Line(path string) int { return s.src.line(path) }

// Turn returns the turn with the given id, or nil.
func (s *Scenario) Turn(id string) *Turn {
	for i := range s.Turns {
		if s.Turns[i].ID == id {
			return &s.Turns[i]
		}
	}
	return nil
}

// Ending returns the ending with the given id, or nil.
func (s *Scenario) Ending(id string) *Ending {
	for i := range s.Endings {
		if s.Endings[i].ID == id {
			return &s.Endings[i]
		}
	}
	return nil
}

// Product returns the product with the given id, or nil.
func (s *Scenario) Product(id string) *Product {
	for i := range s.Products {
		if s.Products[i].ID == id {
			return &s.Products[i]
		}
	}
	return nil
}

// HiddenNeed returns the hidden need with the given id, or nil.
func (s *Scenario) HiddenNeed(id string) *HiddenNeed {
	for i := range s.Persona.HiddenNeeds {
		if s.Persona.HiddenNeeds[i].ID == id {
			return &s.Persona.HiddenNeeds[i]
		}
	}
	return nil
}

// Choice returns the choice with the given id on the turn, or nil.
func (t *Turn) Choice(id string) *Choice {
	for i := range t.Choices {
		if t.Choices[i].ID == id {
			return &t.Choices[i]
		}
	}
	return nil
}

// source remembers where a parsed scenario came from, so the validator can point at lines.
type source struct {
	file  string
	lines *lineIndex      // path ("turns[2].choices[0].next") → line
	bad   map[string]bool // paths Parse already reported; Validate stays quiet on them
}

// line returns the line of path or of its nearest ancestor that has one.
func (src source) line(path string) int {
	for path != "" {
		if l, ok := src.lines.get(path); ok {
			return l
		}
		path = parentPath(path)
	}
	return 0
}

// parentPath drops the last segment: "a[1].b" → "a[1]" → "a" → "".
func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case '.':
			return p[:i]
		case '[':
			return p[:i]
		}
	}
	return ""
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func idx(base string, i int) string { return base + "[" + strconv.Itoa(i) + "]" }
