package scenarios

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the loader. The seeds (testdata/*.yaml and
// testdata/fuzz/FuzzParse) run in every plain `go test`; `go test -fuzz=FuzzParse` explores.
// Whatever the input: no panic, every problem has a code and a message, and a scenario that
// comes out valid can be played to each of its endings.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, probs := Parse("fuzz.yaml", data)
		if s == nil && len(probs) == 0 {
			t.Fatal("no scenario and no problem")
		}
		if s != nil {
			probs = append(probs, Validate(s)...)
		}
		for _, p := range probs {
			if p.Code == "" || p.Message == "" || p.Localized(LocaleZH) == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
		}
		if _, err := json.Marshal(probs); err != nil {
			t.Fatal(err)
		}
		if len(probs) > 0 {
			return
		}
		for ending, moves := range PathsToEndings(s) {
			st, err := Play(s, moves)
			if err != nil || st.Ending != ending {
				t.Fatalf("playing to %s: %v, ended at %q", ending, err, st.Ending)
			}
			Debrief(s, st, LocaleEN)
		}
	})
}

// FuzzAnswer grades arbitrary typed replies: no panic, deterministic, and the saved state
// survives a JSON round trip unchanged.
func FuzzAnswer(f *testing.F) {
	for _, seed := range []string{"您的意思是", "IF I UNDERSTAND", "ＬＡＤＤＥＲ", "\xff\xfe", " ", "风险评估 ladder risk assessment"} {
		f.Add(seed)
	}
	s := mustLoad(f, "salary-deposit.yaml")
	atT2, _, err := Choose(s, Start(s), "a", 0)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, _, errA := Answer(s, atT2, text, 1)
		b, _, errB := Answer(s, atT2, text, 1)
		if (errA == nil) != (errB == nil) || jsonOf(t, a) != jsonOf(t, b) {
			t.Fatal("not deterministic")
		}
		if errA != nil {
			return
		}
		var back State
		if err := json.Unmarshal([]byte(jsonOf(t, a)), &back); err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, back) != jsonOf(t, a) {
			t.Fatalf("state changed in a JSON round trip:\n%s\n%s", jsonOf(t, a), jsonOf(t, back))
		}
	})
}
