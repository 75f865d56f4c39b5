package server_test

import (
	"encoding/csv"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/authz"
)

// The three places that name permissions hold to each other: the p rules of
// policy.csv (what roles may do), the permissions the modules declare and
// their code checks, and the frontend menu (what a user is offered).
// A grant that no code checks, a check that no role can pass, a declared
// permission that nothing checks, and a menu entry with no permission behind
// it each fail here.
func TestPolicyCodeAndMenuAgree(t *testing.T) {
	w := newWorld(t)
	declared := map[string]string{} // "obj.act" → module
	for _, m := range w.env.App.Modules {
		for _, p := range m.Permissions {
			declared[p.String()] = m.Name
		}
	}

	granted := policyGrants(t)
	for perm, roles := range granted {
		if declared[perm] == "" {
			t.Errorf("policy.csv grants %s (to %v) but no module declares or checks it", perm, roles)
		}
	}
	for perm, mod := range declared {
		if len(granted[perm]) == 0 {
			t.Errorf("module %s checks %s but no role in policy.csv holds it", mod, perm)
		}
	}

	checked := checkedInCode(t)
	for perm, mod := range declared {
		if !checked[perm] {
			t.Errorf("module %s declares %s but no code outside its declaration and module.go uses it", mod, perm)
		}
	}

	for entry, perms := range menuPermissions(t) {
		for _, p := range perms {
			if len(granted[p]) == 0 || declared[p] == "" {
				t.Errorf("menu entry %s asks for %s, which no role holds or no module checks", entry, p)
			}
		}
	}
}

// policyGrants reads policy.csv: "obj.act" → roles.
func policyGrants(t *testing.T) map[string][]string {
	t.Helper()
	f, err := os.Open("../authz/policy.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment, r.FieldsPerRecord, r.TrimLeadingSpace = '#', -1, true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, rec := range recs {
		if len(rec) == 4 && rec[0] == "p" {
			k := authz.Permission{Obj: rec[2], Act: rec[3]}.String()
			out[k] = append(out[k], rec[1])
		}
	}
	if len(out) == 0 {
		t.Fatal("policy.csv: no p rules read")
	}
	return out
}

// checkedInCode finds every `var X = authz.Permission{Obj: "o", Act: "a"}`
// under app/ and reports "o.a" as checked when X is used in a file other
// than the one declaring it and the modules' module.go (which only list it).
func checkedInCode(t *testing.T) map[string]bool {
	t.Helper()
	type decl struct{ pkg, name, file, perm string }
	var decls []decl
	type file struct {
		path string
		f    *ast.File
	}
	var files []file
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files = append(files, file{path, f})
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, v := range vs.Values {
				cl, ok := v.(*ast.CompositeLit)
				if !ok || !isPermissionType(cl.Type) {
					continue
				}
				var obj, act string
				for _, e := range cl.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if lit, ok := kv.Value.(*ast.BasicLit); ok {
							switch kv.Key.(*ast.Ident).Name {
							case "Obj":
								obj = strings.Trim(lit.Value, `"`)
							case "Act":
								act = strings.Trim(lit.Value, `"`)
							}
						}
					}
				}
				decls = append(decls, decl{f.Name.Name, vs.Names[i].Name, path, obj + "." + act})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, d := range decls {
		for _, fl := range files {
			if fl.path == d.file || filepath.Base(fl.path) == "module.go" {
				continue
			}
			ast.Inspect(fl.f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.SelectorExpr:
					if id, ok := x.X.(*ast.Ident); ok && id.Name == d.pkg && x.Sel.Name == d.name {
						out[d.perm] = true
					}
					return false
				case *ast.Ident:
					if fl.f.Name.Name == d.pkg && x.Name == d.name {
						out[d.perm] = true
					}
				}
				return true
			})
		}
	}
	return out
}

func isPermissionType(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && id.Name == "authz" && x.Sel.Name == "Permission"
	case *ast.Ident:
		return x.Name == "Permission"
	}
	return false
}

var (
	menuEntry = regexp.MustCompile(`\{\s*key:\s*'([^']+)'[^}]*\}`)
	menuAnyOf = regexp.MustCompile(`anyOf:\s*\[([^\]]*)\]`)
	quoted    = regexp.MustCompile(`'([^']+)'`)
)

// openToAll are menu entries every signed-in user gets, with no permission.
var openToAll = map[string]bool{"home": true, "myReads": true}

// menuPermissions reads the frontend's menu: entry key → permissions named.
func menuPermissions(t *testing.T) map[string][]string {
	t.Helper()
	src, err := os.ReadFile("../../frontend/src/utils/menu.ts")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, m := range menuEntry.FindAllStringSubmatch(string(src), -1) {
		key := m[1]
		any := menuAnyOf.FindStringSubmatch(m[0])
		if any == nil {
			if !openToAll[key] {
				t.Errorf("menu entry %s has no permission behind it (anyOf), and is not one of those open to all", key)
			}
			continue
		}
		for _, q := range quoted.FindAllStringSubmatch(any[1], -1) {
			out[key] = append(out[key], q[1])
		}
	}
	if len(out) == 0 {
		t.Fatal("menu.ts: no entries read")
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("menu entries with permissions: %v", keys)
	return out
}
