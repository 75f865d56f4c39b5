package notify_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/notify"
)

// sentKinds are the values of the Notify… string constants and variables
// declared in the app's code: the kinds its areas push.
func sentKinds(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "Notify") || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					v, _ := strconv.Unquote(lit.Value)
					out = append(out, v)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// The table lists exactly the kinds the code declares, and the bell has a
// text for each in both languages (locales/notifications, key = kind with
// '.' as '_').
func TestEveryKindSentHasABellText(t *testing.T) {
	sent := sentKinds(t)
	if len(sent) < 10 {
		t.Fatalf("found only %d kinds in the code: %v", len(sent), sent)
	}
	table := slices.Sorted(slices.Values(notify.Kinds))
	if !slices.Equal(sent, table) {
		t.Fatalf("notify.Kinds is %v\nthe code declares %v", table, sent)
	}
	for _, lang := range []string{"zh-CN", "en"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "locales", "notifications", lang+".ts"))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range notify.Kinds {
			if key := "\n  " + strings.ReplaceAll(k, ".", "_") + ": '"; !strings.Contains(string(src), key) {
				t.Errorf("%s: no bell text for %s (want a line starting %q)", lang, k, strings.TrimSpace(key))
			}
		}
	}
}
