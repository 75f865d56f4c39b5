package org

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
)

// importProblem is the 422 of a failed import: a problem document that also
// carries the row-by-row report, so the client shows exactly what to fix.
type importProblem struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	*ImportReport
}

func (e *importProblem) Error() string  { return e.Detail }
func (e *importProblem) GetStatus() int { return e.Status }

// ContentType makes huma send it as problem+json.
func (e *importProblem) ContentType(string) string { return "application/problem+json" }

type importForm struct {
	File huma.FormFile `form:"file" contentType:"text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/octet-stream,text/plain" required:"true" doc:".csv (UTF-8) or .xlsx"`
}

type importIn struct {
	DryRun  bool `query:"dry_run" doc:"check every row and report, change nothing"`
	RawBody huma.MultipartFormFiles[importForm]
}

type importOut struct{ Body *ImportReport }

func (s *Service) importRoutes(api huma.API) {
	for _, r := range []struct {
		id, path, tag, summary string
		run                    func(context.Context, *access.Principal, string, []byte, bool) (*ImportReport, error)
	}{
		{"import-users", "/api/v1/users/import", "users", "Import users from .csv or .xlsx (all or nothing)", s.ImportUsers},
		{"import-branches", "/api/v1/branches/import", "branches", "Import branches from .csv or .xlsx (all or nothing)", s.ImportBranches},
	} {
		run := r.run
		o := op(r.id, http.MethodPost, r.path, r.tag, r.summary, 413, 422)
		o.MaxBodyBytes = 32 << 20
		huma.Register(api, o, func(ctx context.Context, in *importIn) (*importOut, error) {
			p, err := access.Must(ctx)
			if err != nil {
				return nil, err
			}
			f := in.RawBody.Data().File
			data, err := io.ReadAll(io.LimitReader(f, 32<<20))
			if err != nil {
				return nil, apperr.Invalid(apperr.Field{Location: "body.file", Message: "could not be read"})
			}
			name := strings.TrimSpace(f.Filename)
			rep, err := run(ctx, p, name, data, in.DryRun)
			var failed *ImportFailed
			if errors.As(err, &failed) {
				return nil, &importProblem{Title: "Unprocessable Entity", Status: http.StatusUnprocessableEntity,
					Detail: "some rows have errors; nothing was changed", ImportReport: failed.Report}
			}
			if err != nil {
				return nil, err
			}
			return &importOut{rep}, nil
		})
	}
}
