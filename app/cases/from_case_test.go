package cases

import (
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/scenarios"
)

// A scenario made from a case is format 3: the customer has a class C1–C5
// and the date of the assessment (the day the case was published), not the
// old risk_tolerance, so the suitability rules of format 3 apply to it.
func TestScenarioFromCaseWritesCustomerClass(t *testing.T) {
	published := time.Date(2026, 11, 20, 16, 30, 0, 0, time.UTC)
	want := map[string]scenarios.Class{"elderly": "C1", "individual": "C3", "high_net_worth": "C4", "young": "C2"}
	for ct, class := range want {
		c := Case{ID: 7, Title: "t", BusinessLine: "wealth", CustomerType: ct, Situation: "s", Actions: "a", Outcome: "o", Lesson: "l",
			PublishedAt: &published, UpdatedAt: published.Add(48 * time.Hour)}
		data := ScenarioYAML(&c)
		if strings.Contains(string(data), "risk_tolerance") {
			t.Fatalf("%s: still writes risk_tolerance:\n%s", ct, data)
		}
		sc, problems := scenarios.Load("case-7.yaml", data)
		if len(problems) > 0 {
			t.Fatalf("%s: %v\n%s", ct, problems, data)
		}
		if sc.Format != scenarios.FormatV3 || sc.Persona.RiskClass != class || sc.Persona.RiskTolerance != "" {
			t.Errorf("%s: format %d, class %q, tolerance %q; want format 3, %s", ct, sc.Format, sc.Persona.RiskClass, sc.Persona.RiskTolerance, class)
		}
		if sc.Persona.AssessedOn != "2026-11-20" || sc.FactsCheckedOn != "2026-11-20" {
			t.Errorf("%s: assessed on %q, facts checked on %q; want the publication day 2026-11-20", ct, sc.Persona.AssessedOn, sc.FactsCheckedOn)
		}
	}
	// A draft never published: the day of its last edit.
	edited := time.Date(2026, 10, 2, 9, 0, 0, 0, time.UTC)
	c := Case{ID: 8, Title: "t", BusinessLine: "retail", CustomerType: "elderly", Situation: "s", Actions: "a", Outcome: "o", Lesson: "l", UpdatedAt: edited}
	sc, problems := scenarios.Load("case-8.yaml", ScenarioYAML(&c))
	if len(problems) > 0 || sc.Persona.AssessedOn != "2026-10-02" {
		t.Errorf("unpublished: %v, assessed on %q", problems, sc.Persona.AssessedOn)
	}
}
