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
	"github.com/servicestar/servicestar/app/authz"
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

type templateOut struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

// importTemplate is a template's header row as a CSV file, with the BOM
// that lets Excel read UTF-8 (Chinese headers otherwise come out garbled).
func importTemplate(name string, cols []column, lang string) *templateOut {
	l := apperr.English
	if lang == "zh-CN" {
		l = apperr.Chinese
	}
	body := "\ufeff" + strings.Join(templateHeader(cols, l), ",") + "\r\n"
	return &templateOut{ContentType: "text/csv; charset=utf-8", ContentDisposition: `attachment; filename="` + name + `-template.csv"`, Body: []byte(body)}
}

// The import paths are read as a stream (server lists them in
// web.Options.StreamedPaths): the multipart parser then keeps a large file in
// a temporary file instead of beside a buffered copy of the whole body, which
// held a 31 MB upload in memory three times over.
const (
	UsersImportPath    = "/api/v1/users/import"
	BranchesImportPath = "/api/v1/branches/import"
)

func (s *Service) importRoutes(api huma.API) {
	for _, r := range []struct {
		id, path, tag, name string
		cols                []column
		perm                authz.Permission
	}{
		{"import-users-template", "/api/v1/users/import/template", "users", "users", userColumns, PermUsersWrite},
		{"import-branches-template", "/api/v1/branches/import/template", "branches", "branches", branchColumns, PermBranchesWrite},
	} {
		huma.Register(api, op(r.id, http.MethodGet, r.path, r.tag, "The import template: a CSV header row in the language asked for"),
			access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
				Lang string `query:"lang" enum:"zh-CN,en" default:"zh-CN" doc:"language of the column headers"`
			}) (*templateOut, error) {
				if _, err := s.Guard.Scopes(ctx, p, r.perm); err != nil {
					return nil, err
				}
				return importTemplate(r.name, r.cols, in.Lang), nil
			}))
	}

	for _, r := range []struct {
		id, path, tag, summary string
		run                    func(context.Context, *access.Principal, string, []byte, bool) (*ImportReport, error)
	}{
		{"import-users", UsersImportPath, "users", "Import users from .csv or .xlsx (all or nothing)", s.ImportUsers},
		{"import-branches", BranchesImportPath, "branches", "Import branches from .csv or .xlsx (all or nothing)", s.ImportBranches},
	} {
		run := r.run
		o := op(r.id, http.MethodPost, r.path, r.tag, r.summary, 413, 422)
		o.MaxBodyBytes = 32 << 20
		huma.Register(api, o, access.Signed(func(ctx context.Context, p *access.Principal, in *importIn) (*importOut, error) {
			f := in.RawBody.Data().File
			data, err := readUpload(f.File, f.Size, 32<<20)
			if tooBig := (*apperr.Problem)(nil); errors.As(err, &tooBig) {
				return nil, err
			}
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
		}))
	}
}

// readUpload reads an uploaded file into one buffer of its declared size
// (io.ReadAll grows by doubling: up to twice the file, copied along the
// way). A file past limit — declared so, or found so while reading — is a
// 413: the path is streamed, so no earlier layer has refused it.
func readUpload(f io.Reader, size, limit int64) ([]byte, error) {
	tooLarge := &apperr.Problem{Status: http.StatusRequestEntityTooLarge, Detail: "the file is larger than {max} MB",
		DetailArgs: apperr.Args{"max": limit >> 20}}
	if size > limit {
		return nil, tooLarge
	}
	if size <= 0 {
		data, err := io.ReadAll(io.LimitReader(f, limit+1))
		if int64(len(data)) > limit {
			return nil, tooLarge
		}
		return data, err
	}
	data := make([]byte, size)
	n, err := io.ReadFull(f, data)
	if err == io.ErrUnexpectedEOF {
		err = nil // shorter than declared: what arrived is the file
	}
	return data[:n], err
}
