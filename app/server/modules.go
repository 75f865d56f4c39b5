package server

import (
	"fmt"
	"sort"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/module"
)

// registerRoutes adds each module's messages to the catalogue, lets it
// register its routes, and notes which
// operations each one added, so the authorization matrix can demand rows
// per module. Two modules with one name are a wiring mistake.
func registerRoutes(api huma.API, mods []module.Module) (map[string][]string, error) {
	out := map[string][]string{}
	seen := Operations(api)
	for _, m := range mods {
		if _, dup := out[m.Name]; dup {
			return nil, fmt.Errorf("server: two modules named %q", m.Name)
		}
		out[m.Name] = []string{}
		if err := apperr.Add(m.Name, m.Messages); err != nil {
			return nil, err
		}
		if m.Routes == nil {
			continue
		}
		m.Routes(api)
		for op := range Operations(api) {
			if !seen[op] {
				seen[op] = true
				out[m.Name] = append(out[m.Name], op)
			}
		}
		sort.Strings(out[m.Name])
	}
	return out, nil
}

// Operations lists "METHOD /path" of every operation registered so far.
func Operations(api huma.API) map[string]bool {
	out := map[string]bool{}
	for path, item := range api.OpenAPI().Paths {
		for method, op := range map[string]*huma.Operation{"GET": item.Get, "POST": item.Post, "PUT": item.Put, "PATCH": item.Patch,
			"DELETE": item.Delete, "HEAD": item.Head, "OPTIONS": item.Options, "TRACE": item.Trace} {
			if op != nil {
				out[method+" "+path] = true
			}
		}
	}
	return out
}
