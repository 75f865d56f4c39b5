package training

import "github.com/servicestar/servicestar/scenarios"

// ScenarioCard is a catalogue entry: what the library, the catalogue and
// the inbox show of a scenario.
type ScenarioCard struct {
	ID               string         `json:"id"`
	Version          int            `json:"version"`
	Title            scenarios.Text `json:"title"`
	Summary          scenarios.Text `json:"summary"`
	Category         string         `json:"category"`
	BusinessLine     string         `json:"business_line"`
	Difficulty       int            `json:"difficulty"`
	EstimatedMinutes int            `json:"estimated_minutes"`
	PassMark         int            `json:"pass_mark"`
	// Role, Channel and FactsCheckedOn come with format 3 files ("" before).
	Role           string `json:"role,omitempty"`
	Channel        string `json:"channel,omitempty"`
	FactsCheckedOn string `json:"facts_checked_on,omitempty"`
}

func Card(s *scenarios.Scenario) ScenarioCard {
	return ScenarioCard{ID: s.ID, Version: s.Version, Title: s.Title, Summary: s.Summary, Category: s.Category,
		BusinessLine: s.BusinessLine, Difficulty: s.Difficulty, EstimatedMinutes: s.EstimatedMinutes, PassMark: s.PassMarkOrDefault(),
		Role: s.Role, Channel: s.Channel, FactsCheckedOn: s.FactsCheckedOn}
}

// PersonaView is the persona card: everything but the hidden needs.
type PersonaView struct {
	Name          scenarios.Text `json:"name"`
	Age           int            `json:"age"`
	Occupation    scenarios.Text `json:"occupation"`
	Assets        scenarios.Text `json:"assets"`
	Goals         scenarios.Text `json:"goals"`
	RiskTolerance string         `json:"risk_tolerance"`
	// RiskClass is the customer's class C1..C5 (format 1 and 2 files: read from the
	// risk tolerance); AssessedOn the day of the assessment, when the file gives one.
	RiskClass   string `json:"risk_class"`
	AssessedOn  string `json:"assessed_on,omitempty"`
	InitialMood int    `json:"initial_mood"`
}

// ProductView is one product on the shelf.
type ProductView struct {
	ID                 string         `json:"id"`
	Name               scenarios.Text `json:"name"`
	Kind               string         `json:"kind"`
	Risk               string         `json:"risk"`
	SuitabilityChecked bool           `json:"suitability_checked"`
}

// ScenarioDetail is what an employee sees before and during an attempt.
type ScenarioDetail struct {
	ScenarioCard
	Persona    PersonaView   `json:"persona"`
	Products   []ProductView `json:"products"`
	Dimensions []string      `json:"dimensions"`
	// ShelfHint true: the shelf marks which products fit the customer's class (the
	// scenario's shelf_hint "fit", for beginners); otherwise it shows ratings only.
	ShelfHint bool `json:"shelf_hint"`
}

func Detail(s *scenarios.Scenario) ScenarioDetail {
	d := ScenarioDetail{ScenarioCard: Card(s), Products: []ProductView{}, Dimensions: s.Dimensions(), ShelfHint: s.ShelfHint == scenarios.ShelfHintFit,
		Persona: PersonaView{Name: s.Persona.Name, Age: s.Persona.Age, Occupation: s.Persona.Occupation, Assets: s.Persona.Assets,
			Goals: s.Persona.Goals, RiskTolerance: string(s.Persona.RiskTolerance), InitialMood: s.Persona.InitialMood,
			RiskClass: string(s.Persona.Class()), AssessedOn: s.Persona.AssessedOn}}
	for _, p := range s.Products {
		d.Products = append(d.Products, ProductView{ID: p.ID, Name: p.Name, Kind: p.Kind, Risk: string(p.Risk), SuitabilityChecked: p.SuitabilityChecked()})
	}
	return d
}

// Round1 rounds a percentage or score to one decimal for display.
func Round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }
