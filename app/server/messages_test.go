package server_test

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/testkit"
)

// untranslated names the messages under app/ that are not a literal the
// test can look up, each with why that is right. Keys are "file: expr".
var untranslated = map[string]string{
	// A scenario engine error's text: the engine owns it, and
	// engine_test.go keeps each in the catalogue.
	"training/attempts/preview.go: msg": "an engine error, or the literal above it",
	// Parameters whose callers pass literals, checked at the call.
	"org/import.go: msg":         "fileProblem's text",
	"org/import_users.go: msg":   "bad's text",
	"access/principal.go: what":  "Guard.Require's object name",
	"kpi/schemes.go: pr.Message": "scoring.Validate's templates, each in kpi's catalogue",
	// feedback's row messages are constants of records_in.go, each in its catalogue.
	"feedback/importjob.go: msgFileHasErrors": "a constant of the catalogue",
	"feedback/ingest.go: msgBadSource":        "a constant of the catalogue",
	"feedback/setup.go: msgBadSource":         "a constant of the catalogue",
	"feedback/upload.go: msgBadSource":        "a constant of the catalogue",
	"feedback/ingest.go: b.msg":               "an issue's template, a constant of records_in.go",
	"feedback/results.go: b.msg":              "an issue's template, a constant of records_in.go",
	// Texts passed on, or being translated.
	"org/import.go: f.Message":                                "fieldRowProblem passes a Field's template on",
	"org/import.go: apperr.Say(apperr.English, msg, args)":    "rowProblem keeps the English text",
	"org/import_localize.go: apperr.Say(lang, e.Detail, nil)": "the translation itself",
	// Fiber's own texts (e.g. "Method Not Allowed"; titles it shares are in
	// the catalogue), and the unknown-route answer, which names the route.
	"web/problem.go: detail": "Fiber's error text",
	"web/app.go: \"no such API route: \" + c.Method() + \" \" + c.Path()": "app.go is being changed elsewhere",
}

// Every message a service or the web layer writes into a problem is in the
// catalogue: field messages, constructor texts, not-found objects. huma's
// own constructors are not used for our texts (they bypass the catalogue).
func TestEveryMessageUsedIsInTheCatalogue(t *testing.T) {
	testkit.New(t) // wiring adds every module\'s catalogue
	fset := token.NewFileSet()
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		check := func(e ast.Expr, suffix string) {
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				if !apperr.Known(s + suffix) {
					t.Errorf("%s: %q is in no catalogue (its area's messages.go, or apperr's catalogue_zh.go for shared texts)", fset.Position(lit.Pos()), s+suffix)
				}
				return
			}
			key := rel + ": " + exprText(fset, e)
			if _, ok := untranslated[key]; !ok {
				t.Errorf("%s: message %s is not a literal; use a catalogue template with Args, or list %q in untranslated", fset.Position(e.Pos()), exprText(fset, e), key)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if key := textKey(n.Type); key != "" {
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok && identName(kv.Key) == key {
							check(kv.Value, "")
						}
					}
				}
			case *ast.CallExpr:
				switch name := callName(n.Fun); {
				case name == "Conflict" || name == "Unauthorized" || name == "TooMany" || name == "fileProblem":
					check(n.Args[0], "")
				case name == "rowProblem" || name == "bad": // an import row's problem: (field, msg, args)
					check(n.Args[1], "")
				case name == "Abort" && len(n.Args) == 2: // jobs.Abort(template, args)
					check(n.Args[0], "")
				case name == "NotFound":
					check(n.Args[0], " not found")
				case name == "Require" && len(n.Args) == 6:
					check(n.Args[5], " not found")
				case name == "writeProblem":
					check(n.Args[2], "")
				case strings.HasPrefix(name, "huma.NewError") || strings.HasPrefix(name, "huma.Error"):
					for _, a := range n.Args {
						if isStringLit(a) {
							t.Errorf("%s: %s with a literal text bypasses the catalogue; use apperr", fset.Position(n.Pos()), name)
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// textKey names the field that holds a catalogue text in a literal of the
// type e: a Field's or RowProblem's Message, an import problem's Detail.
func textKey(e ast.Expr) string {
	name := identName(e)
	if sel, ok := e.(*ast.SelectorExpr); ok && identName(sel.X) == "apperr" {
		name = sel.Sel.Name
	}
	switch name {
	case "Field", "RowProblem":
		return "Message"
	case "importProblem":
		return "Detail"
	}
	return ""
}

func isStringLit(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.STRING
}

// callName is "f" for f(…), "pkg.F" for huma calls, and the method or
// function name otherwise (apperr.Conflict → "Conflict", g.Require → "Require").
func callName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if identName(f.X) == "huma" {
			return "huma." + f.Sel.Name
		}
		return f.Sel.Name
	}
	return ""
}

func identName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func exprText(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	_ = printer.Fprint(&b, fset, e)
	return b.String()
}
