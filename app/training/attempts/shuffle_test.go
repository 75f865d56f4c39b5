package attempts_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// The choices come in an order fixed per attempt: a reload shows the same order, and
// attempts differ, so the best reply is not always first.
func TestChoiceOrderIsFixedPerAttempt(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1")
	type view struct {
		Turn struct {
			Choices []struct{ ID string }
		}
	}
	ids := func(v view) []string {
		var out []string
		for _, c := range v.Turn.Choices {
			out = append(out, c.ID)
		}
		return out
	}
	firsts := map[string]bool{}
	for range 16 {
		a := start(t, emp, "conservative-wants-high-yield")
		path := fmt.Sprintf("/api/v1/training/attempts/%d", a.ID)
		shown := ids(testkit.JSON[view](t, mustGet(t, emp, path)))
		if again := ids(testkit.JSON[view](t, mustGet(t, emp, path))); !slices.Equal(shown, again) {
			t.Fatalf("a reload shows %v, the attempt showed %v", again, shown)
		}
		if len(shown) < 2 {
			t.Fatalf("choices %v", shown)
		}
		firsts[shown[0]] = true
	}
	if len(firsts) < 2 {
		t.Errorf("sixteen attempts all showed %v first", firsts)
	}
}
