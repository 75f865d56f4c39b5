package server_test

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/servicestar/servicestar/scenarios/library"
)

// libraryRows cover HR's scenario library. It is tenant-wide (no branch
// object), so only the permission decides; the library's own tests prove a
// tenant never reaches another's scenarios by key.
func libraryRows() []row {
	base := "/api/v1/training/library"
	const builtin = "green-loan-enquiry"
	manage := func(method, path string, run func(x *cell) resp) row {
		return row{method: method, path: path, access: perm, perm: "training.manage", ok: 200, run: run}
	}
	_, src, _ := library.Source(builtin)
	fresh := func(x *cell) string { return fmt.Sprintf("matrix-copy-%d", x.w.next()) }
	return []row{
		{method: "GET", path: "/api/v1/training/scenario-schema", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/scenario-schema", nil) }},
		manage("GET", base, func(x *cell) resp { return x.do("GET", base, nil) }),
		manage("POST", base, func(x *cell) resp {
			yaml := strings.Replace(string(src), "id: "+builtin, "id: "+fresh(x), 1)
			req := httptest.NewRequest("POST", base, bytes.NewReader([]byte(yaml)))
			req.Header.Set("Content-Type", "application/yaml")
			return sendReq(x.t, x.w.env, x.client, req)
		}),
		manage("POST", base+"/{key}/clone", func(x *cell) resp {
			return x.do("POST", base+"/"+builtin+"/clone", map[string]string{"new_key": fresh(x)})
		}),
		// Publish and retire act on a scenario made for the cell, through
		// HR's own session, so each caller meets a scenario in the right state.
		manage("POST", base+"/{key}/publish", func(x *cell) resp {
			key := x.w.libraryDraft(x)
			return x.do("POST", base+"/"+key+"/publish", nil)
		}),
		manage("POST", base+"/{key}/retire", func(x *cell) resp {
			key := x.w.libraryDraft(x)
			if r := x.w.asHR(x).do("POST", base+"/"+key+"/publish", nil); r.Status != 200 {
				x.t.Fatalf("publish for the retire cell: %s", r)
			}
			return x.do("POST", base+"/"+key+"/retire", nil)
		}),
		manage("PUT", base+"/{key}/hidden", func(x *cell) resp {
			return x.do("PUT", base+"/"+builtin+"/hidden", map[string]bool{"hidden": false})
		}),
		manage("GET", base+"/{key}/versions", func(x *cell) resp {
			return x.do("GET", base+"/social-media-post-xinghai/versions", nil)
		}),
		manage("GET", base+"/{key}/source", func(x *cell) resp { return x.do("GET", base+"/"+builtin+"/source", nil) }),
		manage("POST", base+"/{key}/preview", func(x *cell) resp {
			return x.do("POST", base+"/"+builtin+"/preview", map[string]any{"moves": []any{}})
		}),
	}
}

// asHR is a cell seen through demo's HR session, for setting up objects.
func (w *world) asHR(x *cell) *cell {
	hr := *x
	for _, c := range callers {
		if c.name == "hr" {
			hr.client = sessionOf(x.t, w.env, c, false)
		}
	}
	return &hr
}

// libraryDraft is a fresh draft in demo's library, uploaded by HR (a
// built-in file under a new id: an unchanged clone could not be published).
func (w *world) libraryDraft(x *cell) string {
	key := fmt.Sprintf("matrix-draft-%d", w.next())
	_, src, _ := library.Source(builtinForDrafts)
	req := httptest.NewRequest("POST", "/api/v1/training/library", bytes.NewReader([]byte(strings.Replace(string(src), "id: "+builtinForDrafts, "id: "+key, 1))))
	req.Header.Set("Content-Type", "application/yaml")
	hr := w.asHR(x)
	if r := sendReq(x.t, w.env, hr.client, req); r.Status != 200 {
		x.t.Fatalf("upload for the cell: %s", r)
	}
	return key
}

const builtinForDrafts = "ecny-introduction"
