package feedback

import (
	"math/rand/v2"
	"testing"
)

// The set answers exactly, through its growth, for hashes that are alike
// in their high bits (one slot range) and for 0, which marks an empty slot.
func TestHashSetAnswersExactlyAsItGrows(t *testing.T) {
	var s hashSet
	if s.has(42) {
		t.Fatal("an empty set has 42")
	}
	want := map[uint64]bool{}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 100_000 {
		h := r.Uint64()
		if i%4 == 0 {
			h = uint64(i) // small values: all in the first slots
		}
		if got := s.add(h); got != want[h] {
			t.Fatalf("add(%d) = %v, want %v", h, got, want[h])
		}
		want[h] = true
		if !s.add(h) {
			t.Fatalf("add(%d) again said it was new", h)
		}
	}
	if s.n != len(want) {
		t.Fatalf("%d hashes held, want %d", s.n, len(want))
	}
	for h := range want {
		if !s.has(h) {
			t.Fatalf("lost %d", h)
		}
	}
	for range 100_000 {
		if h := r.Uint64(); s.has(h) != want[h] {
			t.Fatalf("has(%d) = %v", h, !want[h])
		}
	}
	if 4*s.n > 3*len(s.slots) || 2*s.n < len(s.slots)/2 {
		t.Errorf("%d hashes in %d slots", s.n, len(s.slots))
	}
}

// Two reports in row order merge in row order, the first's problem first
// on a shared row, cut at the limit.
func TestMergeByRowKeepsRowOrder(t *testing.T) {
	a := []FileError{{Row: 2, Code: "a"}, {Row: 5, Code: "a"}, {Row: 9, Code: "a"}}
	b := []FileError{{Row: 3, Code: "b"}, {Row: 5, Code: "b"}, {Row: 12, Code: "b"}}
	got := ""
	for _, e := range mergeByRow(a, b, 5) {
		got += " " + e.Code + string(rune('0'+e.Row%10))
	}
	if want := " a2 b3 a5 b5 a9"; got != want {
		t.Errorf("merged%s, want%s", got, want)
	}
	if n := len(mergeByRow(a, nil, 10)); n != 3 {
		t.Errorf("%d merged from 3 and none", n)
	}
}
