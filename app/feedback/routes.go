package feedback

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"feedback"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

// pageIn is a page of a list. Operations that take more parameters spell
// these two out: huma reads no parameters from an embedded struct.
type pageIn struct {
	Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
	PageSize int `query:"page_size" minimum:"1" maximum:"200" default:"50"`
}

type countsOut struct{ Body Counts }

// Routes registers settings, sources, metrics, ingest, records and appeals.
func (s *Service) Routes(api huma.API) {
	type settingsOut struct{ Body Settings }
	huma.Register(api, op("get-feedback-settings", http.MethodGet, "/api/v1/feedback/settings", "The bank's feedback settings (the appeal window)"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*settingsOut, error) {
			set, err := s.Settings(ctx, p.TenantID)
			return &settingsOut{set}, err
		}))
	huma.Register(api, op("put-feedback-settings", http.MethodPut, "/api/v1/feedback/settings", "Set the appeal window", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Body struct {
				AppealWindowDays int `json:"appeal_window_days" doc:"1–365"`
			}
		}) (*settingsOut, error) {
			set, err := s.SetSettings(ctx, p, in.Body.AppealWindowDays)
			if err != nil {
				return nil, err
			}
			return &settingsOut{set}, nil
		}))

	type sourcesOut struct {
		Body struct {
			Items []Source `json:"items"`
		}
	}
	huma.Register(api, op("list-feedback-sources", http.MethodGet, "/api/v1/feedback/sources", "Sources with their column mapping and encoding"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*sourcesOut, error) {
			items, err := s.Sources(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &sourcesOut{}
			out.Body.Items = items
			return out, nil
		}))
	type sourceOut struct{ Body Source }
	huma.Register(api, op("create-feedback-source", http.MethodPost, "/api/v1/feedback/sources", "Add a source", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body SourceIn }) (*sourceOut, error) {
			src, err := s.SaveSource(ctx, p, 0, in.Body)
			if err != nil {
				return nil, err
			}
			return &sourceOut{*src}, nil
		}))
	huma.Register(api, op("update-feedback-source", http.MethodPut, "/api/v1/feedback/sources/{id}", "Change a source", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body SourceIn
		}) (*sourceOut, error) {
			src, err := s.SaveSource(ctx, p, in.ID, in.Body)
			if err != nil {
				return nil, err
			}
			return &sourceOut{*src}, nil
		}))

	type metricsOut struct {
		Body struct {
			Items []BusinessMetric `json:"items"`
		}
	}
	huma.Register(api, op("list-business-metrics", http.MethodGet, "/api/v1/feedback/metrics", "Business metrics HR defined"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*metricsOut, error) {
			items, err := s.Metrics(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &metricsOut{}
			out.Body.Items = items
			return out, nil
		}))
	huma.Register(api, op("create-business-metric", http.MethodPost, "/api/v1/feedback/metrics", "Define a business metric", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body MetricIn }) (*struct{ Body BusinessMetric }, error) {
			m, err := s.DefineMetric(ctx, p, in.Body)
			if err != nil {
				return nil, err
			}
			return &struct{ Body BusinessMetric }{*m}, nil
		}))

	batch := op("ingest-feedback", http.MethodPost, "/api/v1/feedback/records/batch", "Store up to 10,000 records: all, or none when any is bad", 413, 422)
	batch.MaxBodyBytes = 16 << 20
	huma.Register(api, batch, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		Body struct {
			Source  string     `json:"source" maxLength:"64"`
			Records []RecordIn `json:"records" minItems:"1" maxItems:"10000"`
		}
	}) (*countsOut, error) {
		n, err := s.IngestRecords(ctx, p, in.Body.Source, in.Body.Records)
		if err != nil {
			return nil, err
		}
		return &countsOut{n}, nil
	}))
	results := op("ingest-business-results", http.MethodPost, "/api/v1/feedback/results/batch", "Store up to 10,000 business results: all, or none when any is bad", 413, 422)
	results.MaxBodyBytes = 8 << 20
	huma.Register(api, results, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		Body struct {
			Source  string     `json:"source" maxLength:"64"`
			Results []ResultIn `json:"results" minItems:"1" maxItems:"10000"`
		}
	}) (*countsOut, error) {
		n, err := s.IngestResults(ctx, p, in.Body.Source, in.Body.Results)
		if err != nil {
			return nil, err
		}
		return &countsOut{n}, nil
	}))

	s.recordRoutes(api)
	s.importRoutes(api)
}
