package jobs

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Handlers serve a bank's jobs to those who may read them (jobs/read:
// HR, tenant admins, auditors).
type Handlers struct {
	DB    *store.DB
	Guard access.Guard
}

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"jobs"}, Summary: summary, Errors: errs}
}

// Routes registers GET /api/v1/jobs and GET /api/v1/jobs/{id}.
func (h *Handlers) Routes(api huma.API) {
	type listOut struct{ Body JobRunPage }
	huma.Register(api, op("list-jobs", http.MethodGet, "/api/v1/jobs", "The bank's recent background jobs, newest first, with state, progress and error", 401, 403),
		func(ctx context.Context, in *struct {
			Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*listOut, error) {
			p, err := h.caller(ctx)
			if err != nil {
				return nil, err
			}
			page, err := List(ctx, h.DB, p.TenantID, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			out := &listOut{Body: JobRunPage{Items: make([]JobRun, len(page.Items)), Total: page.Total}}
			for i, r := range page.Items {
				out.Body.Items[i] = viewOf(r)
			}
			return out, nil
		})

	type oneOut struct{ Body JobRun }
	huma.Register(api, op("get-job", http.MethodGet, "/api/v1/jobs/{id}", "One background job of the bank", 401, 403, 404),
		func(ctx context.Context, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*oneOut, error) {
			p, err := h.caller(ctx)
			if err != nil {
				return nil, err
			}
			r, err := Get(ctx, h.DB, p.TenantID, in.ID)
			if err != nil {
				return nil, err
			}
			return &oneOut{Body: viewOf(r)}, nil
		})
}

// caller is the signed-in principal, if it may read the bank's jobs.
func (h *Handlers) caller(ctx context.Context) (*access.Principal, error) {
	p, err := access.Must(ctx)
	if err != nil {
		return nil, err
	}
	return p, h.Guard.Can(ctx, p, PermRead)
}
