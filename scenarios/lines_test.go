package scenarios

import (
	"sync"
	"testing"
)

// A loaded scenario is shared between requests, and its line map is built on the first
// lookup: lookups from many goroutines at once must agree (run with -race).
func TestLinesConcurrentLookups(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Go(func() { got[i] = s.Line("turns[2].choices[1].next") })
	}
	wg.Wait()
	for _, l := range got {
		if l == 0 || l != got[0] {
			t.Fatalf("lines %v", got)
		}
	}
}

// A repeated path keeps its last line, as the map the index replaced did.
func TestLineIndexLastWins(t *testing.T) {
	var x lineIndex
	x.add("a", 1)
	x.add("a", 2)
	if l, _ := x.get("a"); l != 2 {
		t.Fatalf("get = %d", l)
	}
	if l, _ := x.lastLine("a"); l != 2 {
		t.Fatalf("lastLine = %d", l)
	}
	var none *lineIndex
	if _, ok := none.get("a"); ok {
		t.Fatal("a nil index has lines")
	}
}
