package scenarios

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func crlf(doc string) string { return strings.ReplaceAll(doc, "\n", "\r\n") }

// A file saved on Windows reads exactly like the same file with LF line endings:
// the same scenario, the same line for every value, the same problems on the same lines.
func TestWindowsLineEndingsReadAlike(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "salary-deposit.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lf := mustLoad(t, "salary-deposit.yaml")
	win, probs := Load("salary-deposit.yaml", []byte(crlf(string(data))))
	if len(probs) > 0 {
		t.Fatalf("CR LF copy: %v", probs)
	}
	a, _ := json.Marshal(lf)
	b, _ := json.Marshal(win)
	if string(a) != string(b) {
		t.Errorf("CR LF copy reads as a different scenario")
	}
	for _, path := range []string{"title", "turns[0]", "turns[2].choices[1].next", "turns[8].customer"} {
		if lf.Line(path) == 0 || lf.Line(path) != win.Line(path) {
			t.Errorf("%s: line %d with CR LF, %d with LF", path, win.Line(path), lf.Line(path))
		}
	}

	ok := turnY("t1", "a>end")
	blankThenUnknown := mini(nil, strings.Replace(ok, "    choices:\n", "\n    mod: 3  # <-\n    choices:\n", 1))
	// A literal block leaves the fast reader: goccy/go-yaml reads it, blank lines included.
	blockThenTypo := mini([]string{"summary: {zh-CN: 摘要, en: Summary}", "summary:\n  zh-CN: |\n    第一行\n\n    第三行\n  en: Summary\n\ndifficuty: 1  # <-"}, ok)
	for name, doc := range map[string]string{"blank line, then unknown field": blankThenUnknown, "literal block, then a typo": blockThenTypo} {
		_, lfProbs := Load("f.yaml", []byte(doc))
		_, winProbs := Load("f.yaml", []byte(crlf(doc)))
		if len(lfProbs) == 0 || lfProbs[0].Line != markerLine(doc) {
			t.Fatalf("%s: LF problems %v, want one on line %d", name, lfProbs, markerLine(doc))
		}
		if !slices.Equal(lfProbs.Codes(), winProbs.Codes()) || lfProbs[0].Line != winProbs[0].Line {
			t.Errorf("%s: CR LF gave %v, LF %v", name, winProbs, lfProbs)
		}
	}
}
