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
}

func Card(s *scenarios.Scenario) ScenarioCard {
	return ScenarioCard{ID: s.ID, Version: s.Version, Title: s.Title, Summary: s.Summary, Category: s.Category,
		BusinessLine: s.BusinessLine, Difficulty: s.Difficulty, EstimatedMinutes: s.EstimatedMinutes, PassMark: s.PassMarkOrDefault()}
}

// PersonaView is the persona card: everything but the hidden needs.
type PersonaView struct {
	Name          scenarios.Text `json:"name"`
	Age           int            `json:"age"`
	Occupation    scenarios.Text `json:"occupation"`
	Assets        scenarios.Text `json:"assets"`
	Goals         scenarios.Text `json:"goals"`
	RiskTolerance string         `json:"risk_tolerance"`
	InitialMood   int            `json:"initial_mood"`
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
}

func Detail(s *scenarios.Scenario) ScenarioDetail {
	d := ScenarioDetail{ScenarioCard: Card(s), Products: []ProductView{}, Dimensions: s.Dimensions(),
		Persona: PersonaView{Name: s.Persona.Name, Age: s.Persona.Age, Occupation: s.Persona.Occupation, Assets: s.Persona.Assets,
			Goals: s.Persona.Goals, RiskTolerance: string(s.Persona.RiskTolerance), InitialMood: s.Persona.InitialMood}}
	for _, p := range s.Products {
		d.Products = append(d.Products, ProductView{ID: p.ID, Name: p.Name, Kind: p.Kind, Risk: string(p.Risk), SuitabilityChecked: p.SuitabilityChecked()})
	}
	return d
}

// Round1 rounds a percentage or score to one decimal for display.
func Round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }
