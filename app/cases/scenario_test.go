package cases

import (
	"testing"

	"github.com/servicestar/servicestar/scenarios"
)

// A scenario made from any case, of every customer type and business line,
// is valid as it is; HR edits it from there.
func TestScenarioFromEveryDemoCaseValidates(t *testing.T) {
	all := append(append([]demoCase{}, demoCases...), demoDrafts...)
	for i, dc := range all {
		c := Case{ID: int64(100 + i)}
		in := dc.in
		c.apply(&in)
		for _, ct := range CustomerTypes {
			c.CustomerType = ct.Code
			data := ScenarioYAML(&c)
			sc, problems := scenarios.Load(ScenarioKey(c.ID)+".yaml", data)
			if len(problems) > 0 {
				t.Fatalf("case %d (%s): %v\n%s", i, ct.Code, problems, data)
			}
			if sc.ID != ScenarioKey(c.ID) || sc.Persona.Age == 0 {
				t.Errorf("case %d: %+v", i, sc)
			}
		}
	}
	for _, bl := range BusinessLines {
		c := Case{ID: 1, Title: "t", BusinessLine: bl.Code, CustomerType: "elderly", Situation: "s", Actions: "a", Outcome: "o", Lesson: "l"}
		if _, problems := scenarios.Load("case-1.yaml", ScenarioYAML(&c)); len(problems) > 0 {
			t.Errorf("%s: %v", bl.Code, problems)
		}
	}
}
