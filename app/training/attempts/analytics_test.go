package attempts_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// playEngine plays choices (and confirms a warning when one stops a turn).
func playEngine(t *testing.T, s *scenarios.Scenario, choices ...string) scenarios.State {
	t.Helper()
	st := scenarios.Start(s)
	for _, c := range choices {
		next, _, err := scenarios.Choose(s, st, c, 1000)
		if err != nil {
			t.Fatalf("choose %s: %v", c, err)
		}
		if next.Pending != nil {
			if next, _, err = scenarios.Confirm(s, next); err != nil {
				t.Fatal(err)
			}
		}
		st = next
	}
	return st
}

func TestAggregateCountsRepliesViolationsAndEndings(t *testing.T) {
	s, _ := library.ByID(trapScenarioID)
	safe, trap := firstTrap(t, s)
	first := s.Turn(s.Start)
	var paths []scenarios.State
	for _, m := range scenarios.PathsToEndings(s) {
		var choices []string
		for _, mv := range m {
			choices = append(choices, mv.Choice)
		}
		paths = append(paths, playEngine(t, s, choices...))
	}
	violating := playEngine(t, s, append(append([]string{}, safe...), trap)...)
	states := append(paths, violating, scenarios.Start(s)) // one just begun
	a := attempts.Aggregate(s, states)
	again := attempts.Aggregate(s, states)
	finished, begun := 0, 0
	for _, st := range states {
		if st.Finished {
			finished++
		}
		if len(st.Steps) > 0 {
			begun++
		}
	}
	if a.Attempts != len(states) || a.Finished != finished || finished < len(paths) {
		t.Fatalf("attempts %d finished %d, want %d and %d", a.Attempts, a.Finished, len(states), finished)
	}
	if a.PassRate == nil || a.AvgTotal == nil || len(a.Dimensions) == 0 {
		t.Fatalf("no scores: %+v", a)
	}
	// Every begun attempt answers the first turn once (no path comes back to
	// it): the counts add up to the answers.
	var start attempts.TurnStat
	for _, ts := range a.Turns {
		if ts.ID == first.ID {
			start = ts
		}
	}
	sum := 0
	for _, c := range start.Choices {
		sum += c.Count
	}
	if start.Answers != begun || sum != start.Answers {
		t.Fatalf("start turn: %d answers, choices sum to %d, want %d", start.Answers, sum, begun)
	}
	if len(a.Violations) == 0 || a.Violations[0].Count < 1 || a.Violations[0].ProductName[scenarios.LocaleZH] == "" {
		t.Fatalf("violations: %+v", a.Violations)
	}
	reached := 0
	for _, e := range a.Endings {
		reached += e.Count
	}
	if reached != a.Finished {
		t.Fatalf("endings count %d of %d finished", reached, a.Finished)
	}
	if csvA, csvB := attempts.AnalyticsCSV(&a), attempts.AnalyticsCSV(&again); string(csvA) != string(csvB) {
		t.Fatal("the same attempts gave different analytics")
	}
}

const trapScenarioID = "conservative-wants-high-yield"

func TestAnalyticsAPIFollowsTheViewersBranches(t *testing.T) {
	env := testkit.New(t)
	s, _ := library.ByID(trapScenarioID)
	safe, trap := firstTrap(t, s)
	north := env.Login("demo", "emp.north.1")
	a := start(t, north, s.ID)
	for _, c := range append(safe, trap) {
		act(t, north, a.ID, "choose", map[string]any{"choice_id": c})
	}
	if st, _, raw := act(t, north, a.ID, "confirm", nil); st != 200 {
		t.Fatalf("confirm: %d %s", st, raw)
	}
	south := env.Login("demo", "emp.south.1")
	start(t, south, s.ID)
	start(t, south, s.ID)

	get := func(c *testkit.Client) attempts.Analytics {
		return testkit.JSON[attempts.Analytics](t, mustGet(t, c, "/api/v1/training/analytics/"+s.ID))
	}
	if got := get(env.Login("demo", "mgr.north")); got.Attempts != 1 || len(got.Violations) != 1 || got.Version != s.Version {
		t.Fatalf("north manager: %d attempts, %d violations", got.Attempts, len(got.Violations))
	}
	hr := env.Login("demo", "hr")
	if got := get(hr); got.Attempts != 3 || got.AllAttempts != 3 || got.Sampled {
		t.Fatalf("hr: %d of %d attempts (sampled %v), want 3 of 3", got.Attempts, got.AllAttempts, got.Sampled)
	}
	// Past the limit, the newest attempts are read and the answer says so.
	env.App.Attempts.AnalyticsLimit = 2
	if got := get(hr); got.Attempts != 2 || got.AllAttempts != 3 || !got.Sampled {
		t.Fatalf("hr past the limit: %d of %d attempts (sampled %v), want 2 of 3, sampled", got.Attempts, got.AllAttempts, got.Sampled)
	}
	env.App.Attempts.AnalyticsLimit = 0
	overview := mustGet(t, hr, "/api/v1/training/analytics")
	if !strings.Contains(overview, `"scenario_key":"`+s.ID+`","title":{`) || !strings.Contains(overview, `"last_taken":"2026-`) {
		t.Fatalf("overview: %s", overview)
	}
	csv := mustGet(t, env.Login("demo", "auditor"), "/api/v1/training/analytics/"+s.ID+"/export")
	if !strings.HasPrefix(csv, "\ufeffsection,turn,item,text_zh,text_en,count,percent\n") || !strings.Contains(csv, "\nviolation,") ||
		!strings.Contains(csv, "\nchoice,"+s.Start+",") {
		t.Fatalf("csv:\n%.600s", csv)
	}
	if st, _ := north.Do("GET", "/api/v1/training/analytics/"+s.ID, nil); st != 403 {
		t.Fatalf("employee reads analytics: %d, want 403", st)
	}
	if st, _ := hr.Do("GET", "/api/v1/training/analytics/no-such-scenario", nil); st != 404 {
		t.Fatalf("missing scenario: %d, want 404", st)
	}
}
