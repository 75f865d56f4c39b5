package kpi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

// op is the shape of a KPI route: tagged "kpi", and every one may answer
// 401, 403 and 404 besides the errors it names.
func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"kpi"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

type itemsOut[T any] struct {
	Body struct {
		Items []T `json:"items"`
	}
}

func items[T any](xs []T) *itemsOut[T] {
	out := &itemsOut[T]{}
	out.Body.Items = xs
	if out.Body.Items == nil {
		out.Body.Items = []T{}
	}
	return out
}

// Routes registers the KPI API: schemes, periods, recomputes, dashboards.
func (s *Service) Routes(api huma.API) {
	s.manageRoutes(api)
	s.dashboardRoutes(api)
}

func (s *Service) manageRoutes(api huma.API) {
	huma.Register(api, op("kpi-metrics", http.MethodGet, "/api/v1/kpi/metrics", "The metrics a KPI scheme may weigh"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*itemsOut[MetricView], error) {
			ms, err := s.Metrics(ctx, p)
			return items(ms), err
		}))
	huma.Register(api, op("kpi-list-schemes", http.MethodGet, "/api/v1/kpi/schemes", "Every KPI scheme version, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*itemsOut[SchemeView], error) {
			ss, err := s.ListSchemes(ctx, p)
			return items(ss), err
		}))
	huma.Register(api, op("kpi-create-scheme", http.MethodPost, "/api/v1/kpi/schemes", "Add a KPI scheme version applying from a month on", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body SchemeInput }) (*struct{ Body SchemeView }, error) {
			v, err := s.CreateScheme(ctx, p, in.Body)
			if err != nil {
				return nil, err
			}
			return &struct{ Body SchemeView }{*v}, nil
		}))
	huma.Register(api, op("kpi-list-periods", http.MethodGet, "/api/v1/kpi/periods", "The recent periods of a kind and whether each is closed"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Kind string `query:"kind" enum:"month,quarter,year" default:"month"`
		}) (*itemsOut[PeriodView], error) {
			ps, err := s.ListPeriods(ctx, p, kindOf(in.Kind))
			return items(ps), err
		}))
	// Fields, not an embedded struct: huma reads no parameters from one.
	type keyIn struct {
		Key string `path:"key" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026"`
	}
	huma.Register(api, op("kpi-close-period", http.MethodPost, "/api/v1/kpi/periods/{key}/close", "Compute a period one last time and freeze its results", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *keyIn) (*struct{ Body PeriodView }, error) {
			v, err := s.Close(ctx, p, in.Key)
			if err != nil {
				return nil, err
			}
			return &struct{ Body PeriodView }{*v}, nil
		}))
	huma.Register(api, op("kpi-reopen-period", http.MethodPost, "/api/v1/kpi/periods/{key}/reopen", "Reopen a closed period, with the reason", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Key  string `path:"key" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026"`
			Body struct {
				Reason string `json:"reason" minLength:"1" maxLength:"1000"`
			}
		}) (*struct{ Body PeriodView }, error) {
			v, err := s.Reopen(ctx, p, in.Key, in.Body.Reason)
			if err != nil {
				return nil, err
			}
			return &struct{ Body PeriodView }{*v}, nil
		}))
	type jobOut struct {
		Status int
		Body   struct {
			JobID int64 `json:"job_id"`
		}
	}
	huma.Register(api, op("kpi-recompute", http.MethodPost, "/api/v1/kpi/recompute", "Queue the recompute of an open period's results", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Body struct {
				Period string `json:"period" maxLength:"8"`
			}
		}) (*jobOut, error) {
			id, err := s.RequestRecompute(ctx, p, in.Body.Period)
			if err != nil {
				return nil, err
			}
			out := &jobOut{Status: http.StatusAccepted}
			out.Body.JobID = id
			return out, nil
		}))
}
