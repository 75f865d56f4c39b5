package attempts_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Going back at the suitability warning is counted per turn and product in
// the scenario's analytics (with the ratings), and attempts with one are
// counted, finished or not.
func TestAggregateCountsNearMisses(t *testing.T) {
	s, _ := library.ByID("conservative-wants-high-yield")
	wentBack := func(choice string) scenarios.State {
		t.Helper()
		st, _, err := scenarios.Choose(s, scenarios.Start(s), choice, 1000)
		if err != nil || st.Pending == nil {
			t.Fatalf("t1 %s: %v, pending %v", choice, err, st.Pending)
		}
		if st, err = scenarios.Back(s, st); err != nil {
			t.Fatal(err)
		}
		return st
	}
	a := attempts.Aggregate(s, []scenarios.State{wentBack("b"), wentBack("b"), scenarios.Start(s)})
	if a.WithNearMiss != 2 || len(a.NearMisses) != 1 {
		t.Fatalf("with near miss %d, near misses %+v", a.WithNearMiss, a.NearMisses)
	}
	n := a.NearMisses[0]
	if n.Turn != "t1" || n.ProductID != "ne-equity-fund" || n.CustomerClass != "C2" || n.ProductRisk != "R4" || n.Count != 2 || n.ProductName[scenarios.LocaleZH] == "" {
		t.Fatalf("near miss %+v", n)
	}
	if len(a.Violations) != 0 {
		t.Fatalf("a near miss counted as a violation: %+v", a.Violations)
	}
}
