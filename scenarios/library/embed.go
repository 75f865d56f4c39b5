// Package library ships the built-in scenario pack, embedded in the binary. Every
// tenant's catalogue shows these scenarios.
package library

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"sync"

	"github.com/servicestar/servicestar/scenarios"
)

// The pattern is "*" rather than "*.yaml" because a pattern that matches no file stops the
// build, and this file always matches; Files keeps the YAML files only.
//
//go:embed *
var files embed.FS

// Files returns the names of the built-in scenario files, sorted.
func Files() []string {
	entries, _ := fs.ReadDir(files, ".") // an embed.FS root always reads
	var names []string
	for _, e := range entries {
		if ext := path.Ext(e.Name()); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

// Source returns the YAML of the built-in scenario with the given id, for download and
// for cloning into a tenant's draft.
func Source(id string) (file string, data []byte, ok bool) {
	all, _ := loadAll()
	for i, s := range all.list {
		if s.ID == id {
			return all.files[i], slices.Clone(all.data[i]), true
		}
	}
	return "", nil, false
}

// Builtin returns every built-in scenario, parsed and validated, in file order. The
// scenarios are shared and read-only. The error is a scenarios.Problems listing every
// problem of every file, plus duplicate ids across files; the scenarios that loaded
// cleanly are returned with it.
func Builtin() ([]*scenarios.Scenario, error) {
	all, err := loadAll()
	return slices.Clone(all.list), err
}

// ByID returns the built-in scenario with the given id.
func ByID(id string) (*scenarios.Scenario, bool) {
	all, _ := loadAll()
	for _, s := range all.list {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

type pack struct {
	list  []*scenarios.Scenario
	files []string
	data  [][]byte
}

// loadAll parses the pack once; it is fixed at build time.
var loadAll = sync.OnceValues(func() (pack, error) {
	var p pack
	var problems scenarios.Problems
	seen := map[string]string{}
	for _, name := range Files() {
		data, err := files.ReadFile(name)
		if err != nil {
			problems = append(problems, scenarios.Problem{File: name, Code: scenarios.CodeSyntax, Message: err.Error()})
			continue
		}
		s, probs := scenarios.Load(name, data)
		if len(probs) > 0 {
			problems = append(problems, probs...)
			continue
		}
		if first, dup := seen[s.ID]; dup {
			problems = append(problems, scenarios.Problem{File: name, Line: s.Line("id"), Path: "id",
				Code: scenarios.CodeDuplicateID, Message: "scenario id " + s.ID + " is also used by " + first})
			continue
		}
		seen[s.ID] = name
		p.list = append(p.list, s)
		p.files = append(p.files, name)
		p.data = append(p.data, data)
	}
	return p, problems.Err()
})
