package scenarios

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestPathsToEndingsReachEveryEnding(t *testing.T) {
	for _, name := range []string{"salary-deposit.yaml", "lost-card.yaml"} {
		t.Run(name, func(t *testing.T) {
			s := mustLoad(t, name)
			paths := PathsToEndings(s)
			if len(paths) != len(s.Endings) {
				t.Fatalf("paths to %d endings, want %d: %v", len(paths), len(s.Endings), paths)
			}
			for ending, moves := range paths {
				st, err := Play(s, moves)
				if err != nil {
					t.Fatalf("%s: %v", ending, err)
				}
				if !st.Finished || st.Ending != ending {
					t.Errorf("%s: ended at %q (finished %v)", ending, st.Ending, st.Finished)
				}
			}
			if !reflect.DeepEqual(paths, PathsToEndings(s)) {
				t.Error("PathsToEndings is not stable")
			}
		})
	}
}

func TestPathsToEndingsPreferNoViolation(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	paths := PathsToEndings(s)
	want := map[string][]Move{
		"end-resolved":  {{Choice: "c"}, {Choice: "a"}},
		"end-left":      {{Choice: "c"}, {Choice: "d"}},
		"end-complaint": {{Choice: "c"}, {Choice: "c", Confirm: true}},
	}
	if !reflect.DeepEqual(paths, want) {
		t.Fatalf("paths = %+v", paths)
	}
}

func TestPathsThroughFreeText(t *testing.T) {
	doc := mini(nil, turnY("t1", "a>t2"), freeTextTurn("t2", "end", "{zh-CN: [您的意思是, 您希望], en: [if I understand]}"))
	s, probs := Load("ft.yaml", []byte(doc))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	moves := PathsToEndings(s)["end"]
	if len(moves) != 2 || moves[1].Text != "关于这一点，您的意思是，我会跟进到底。" {
		t.Fatalf("moves = %+v", moves)
	}
	st, err := Play(s, moves)
	if err != nil || !slices.Equal(st.Steps[1].Hits, []string{"restate"}) {
		t.Fatalf("play: %v %+v", err, st)
	}
}

func TestPlayRejectsAMissingOrExtraConfirm(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	if _, err := Play(s, []Move{{Choice: "b"}}); err == nil || !strings.Contains(err.Error(), "checkpoint") {
		t.Errorf("missing confirm: %v", err)
	}
	if _, err := Play(s, []Move{{Choice: "a", Confirm: true}}); err == nil {
		t.Error("confirm without a checkpoint passed")
	}
}
