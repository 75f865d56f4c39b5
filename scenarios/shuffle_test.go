package scenarios

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestChoiceOrderIsFixedPerAttempt(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	turn := s.Turn("t1")
	if got := ChoiceOrder(turn, 0); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("seed 0 keeps the file's order, got %v", got)
	}
	st := StartShuffled(s, 12345)
	var resumed State
	if err := json.Unmarshal([]byte(jsonOf(t, st)), &resumed); err != nil {
		t.Fatal(err)
	}
	first := ChoiceOrder(turn, st.Seed)
	if again := ChoiceOrder(turn, resumed.Seed); !slices.Equal(first, again) {
		t.Errorf("resume shows %v, the attempt showed %v", again, first)
	}
	sorted := slices.Clone(first)
	slices.Sort(sorted)
	if !slices.Equal(sorted, []int{0, 1, 2}) {
		t.Errorf("not a permutation: %v", first)
	}
	// the file's first choice lands in every position across attempts
	where := map[int]int{}
	for seed := uint64(1); seed <= 300; seed++ {
		where[slices.Index(ChoiceOrder(turn, seed), 0)]++
	}
	for pos := range 3 {
		if where[pos] < 50 {
			t.Errorf("the first choice is shown at position %d in %d of 300 attempts", pos, where[pos])
		}
	}
	// the engine takes the choice by id whatever the order
	if next, _, err := Choose(s, st, "a", 0); err != nil || next.Seed != st.Seed {
		t.Errorf("choose: %v, seed %d", err, next.Seed)
	}
}

func TestWarningBestIsLongest(t *testing.T) {
	long := "text: {zh-CN: 这是一个很长很长的最佳回复, en: This is a long long best reply}"
	tell := func(id string) string {
		return turnY(id, "a>end, effects: {empathy: 10}", "b>end, effects: {empathy: -5}")
	}
	doc := mini(nil, turnY("t1", "a>t2, effects: {empathy: 10}", "b>t2"), tell("t2"))
	s := loadDoc(t, doc)
	if w := Warnings(s); len(w) != 0 {
		t.Errorf("equal lengths: %v", w)
	}
	// lengthen the best reply of both turns
	doc = mini(nil, turnY("t1", "a>t2, effects: {empathy: 10}", "b>t2"), tell("t2"))
	for range 2 {
		doc = replaceFirst(doc, "{id: a, text: {zh-CN: 好的, en: OK}", "{id: a, "+long)
	}
	s = loadDoc(t, doc)
	w := Warnings(s)
	if len(w) != 1 || w[0].Code != CodeBestIsLongest || w[0].Args["count"] != "2" || w[0].Args["total"] != "2" || w[0].Line == 0 {
		t.Errorf("warnings %v", w)
	}
}

func replaceFirst(s, old, new string) string {
	before, after, ok := strings.Cut(s, old)
	if !ok {
		panic("no " + old)
	}
	return before + new + after
}
