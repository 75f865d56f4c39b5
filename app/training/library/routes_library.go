package library

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/scenarios"
)

// LibraryPath is the {key} of a library route.
type LibraryPath struct {
	Key string `path:"key" minLength:"1" maxLength:"100"`
}

type entryOut struct{ Body LibraryEntry }

// VersionView is a published version in the library's history.
type VersionView struct {
	Version         int    `json:"version"`
	PublishedBy     int64  `json:"published_by"`
	PublishedByName string `json:"published_by_name"`
	PublishedAt     string `json:"published_at" format:"date-time"`
}

// libraryOp wraps op for the HR library routes, which are tenant-wide.
func libraryOp(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"training library"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

// withEntry is the common shape of the routes that change one entry.
func withEntry(f func(ctx context.Context, p *access.Principal) (*LibraryEntry, error)) func(context.Context) (*entryOut, error) {
	return func(ctx context.Context) (*entryOut, error) {
		p, err := access.Must(ctx)
		if err != nil {
			return nil, err
		}
		e, err := f(ctx, p)
		if err != nil {
			return nil, err
		}
		return &entryOut{*e}, nil
	}
}

// Routes registers the library and the scenario file checks.
func (s *Service) Routes(api huma.API) {
	s.validateRoutes(api)
	type listOut struct {
		Body struct {
			Items []LibraryEntry `json:"items"`
		}
	}
	huma.Register(api, libraryOp("list-library", http.MethodGet, "/api/v1/training/library", "The tenant's scenario library: built-in (and whether hidden) and its own"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			FactsStale bool `query:"facts_stale" doc:"only scenarios whose facts were last checked more than a year ago, or never"`
		}) (*listOut, error) {
			items, err := s.Library(ctx, p, in.FactsStale)
			if err != nil {
				return nil, err
			}
			out := &listOut{}
			out.Body.Items = items
			return out, nil
		}))

	up := libraryOp("upload-scenario", http.MethodPost, "/api/v1/training/library", "Upload a scenario YAML file as the draft of the scenario its id names (validated; nothing stored when invalid)", 413, 422)
	up.MaxBodyBytes = scenarios.MaxFileSize
	huma.Register(api, up, func(ctx context.Context, in *struct {
		Locale  string `query:"locale" enum:"zh-CN,en," doc:"language of the problem messages"`
		RawBody []byte `contentType:"application/yaml"`
	}) (*entryOut, error) {
		return withEntry(func(ctx context.Context, p *access.Principal) (*LibraryEntry, error) {
			return s.SaveDraft(ctx, p, "upload.yaml", in.RawBody, in.Locale)
		})(ctx)
	})

	huma.Register(api, libraryOp("clone-scenario", http.MethodPost, "/api/v1/training/library/{key}/clone", "Copy a scenario into a new draft under a new id, version 1", 422),
		func(ctx context.Context, in *struct {
			LibraryPath
			Locale string `query:"locale" enum:"zh-CN,en,"`
			Body   struct {
				NewKey string `json:"new_key" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$" minLength:"3" maxLength:"100" doc:"kebab-case id of the copy"`
			}
		}) (*entryOut, error) {
			return withEntry(func(ctx context.Context, p *access.Principal) (*LibraryEntry, error) {
				return s.Clone(ctx, p, in.Key, in.Body.NewKey, in.Locale)
			})(ctx)
		})

	huma.Register(api, libraryOp("publish-scenario", http.MethodPost, "/api/v1/training/library/{key}/publish", "Publish the draft as a new immutable version", 409),
		func(ctx context.Context, in *LibraryPath) (*entryOut, error) {
			return withEntry(func(ctx context.Context, p *access.Principal) (*LibraryEntry, error) {
				return s.Publish(ctx, p, in.Key)
			})(ctx)
		})

	huma.Register(api, libraryOp("retire-scenario", http.MethodPost, "/api/v1/training/library/{key}/retire", "Take a published scenario out of the catalogue (attempts begun can finish)", 409),
		func(ctx context.Context, in *LibraryPath) (*entryOut, error) {
			return withEntry(func(ctx context.Context, p *access.Principal) (*LibraryEntry, error) { return s.Retire(ctx, p, in.Key) })(ctx)
		})

	huma.Register(api, libraryOp("hide-builtin-scenario", http.MethodPut, "/api/v1/training/library/{key}/hidden", "Hide a built-in scenario from the tenant's catalogue, or show it again"),
		func(ctx context.Context, in *struct {
			LibraryPath
			Body struct {
				Hidden bool `json:"hidden"`
			}
		}) (*entryOut, error) {
			return withEntry(func(ctx context.Context, p *access.Principal) (*LibraryEntry, error) {
				return s.SetHidden(ctx, p, in.Key, in.Body.Hidden)
			})(ctx)
		})

	type versionsOut struct {
		Body struct {
			Items []VersionView `json:"items"`
		}
	}
	huma.Register(api, libraryOp("list-scenario-versions", http.MethodGet, "/api/v1/training/library/{key}/versions", "Published versions, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *LibraryPath) (*versionsOut, error) {
			vs, err := s.Versions(ctx, p, in.Key)
			if err != nil {
				return nil, err
			}
			out := &versionsOut{}
			out.Body.Items = make([]VersionView, len(vs))
			for i, v := range vs {
				out.Body.Items[i] = VersionView{Version: v.Version, PublishedBy: v.PublishedBy, PublishedByName: v.PublishedByName,
					PublishedAt: v.PublishedAt.UTC().Format("2006-01-02T15:04:05Z")}
			}
			return out, nil
		}))

	type sourceOut struct {
		ContentType        string `header:"Content-Type"`
		ContentDisposition string `header:"Content-Disposition"`
		Body               []byte
	}
	huma.Register(api, libraryOp("download-scenario", http.MethodGet, "/api/v1/training/library/{key}/source", "Download a scenario's YAML"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			LibraryPath
			Version string `query:"version" maxLength:"10" doc:"draft, a version number, or empty for the newest"`
		}) (*sourceOut, error) {
			data, err := s.Source(ctx, p, in.Key, in.Version)
			if err != nil {
				return nil, err
			}
			return &sourceOut{ContentType: "application/yaml; charset=utf-8",
				ContentDisposition: `attachment; filename="` + in.Key + `.yaml"`, Body: data}, nil
		}))
}
