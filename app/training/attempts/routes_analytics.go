package attempts

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
)

func (s *Service) analyticsRoutes(api huma.API) {
	type overviewOut struct {
		Body struct {
			Items []ScenarioSummary `json:"items"`
		}
	}
	huma.Register(api, training.Op("training-analytics-overview", http.MethodGet, "/api/v1/training/analytics", "Attempts, pass rate and average score of every scenario taken in my branches"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*overviewOut, error) {
			items, err := s.AnalyticsOverview(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &overviewOut{}
			out.Body.Items = items
			return out, nil
		}))

	type analyticsIn struct {
		Key     string `path:"key" minLength:"1" maxLength:"100"`
		Version int    `query:"version" minimum:"0" doc:"0: the newest version with attempts"`
	}
	huma.Register(api, training.Op("training-scenario-analytics", http.MethodGet, "/api/v1/training/analytics/{key}", "How often each reply is taken at each turn, endings, pass rate, scores and the most common violations, in my branches"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *analyticsIn) (*struct{ Body Analytics }, error) {
			a, err := s.ScenarioAnalytics(ctx, p, in.Key, in.Version)
			if err != nil {
				return nil, err
			}
			return &struct{ Body Analytics }{*a}, nil
		}))

	type csvOut struct {
		ContentType        string `header:"Content-Type"`
		ContentDisposition string `header:"Content-Disposition"`
		Body               []byte
	}
	huma.Register(api, training.Op("training-scenario-analytics-csv", http.MethodGet, "/api/v1/training/analytics/{key}/export", "The same analytics as a CSV file"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *analyticsIn) (*csvOut, error) {
			a, err := s.ScenarioAnalytics(ctx, p, in.Key, in.Version)
			if err != nil {
				return nil, err
			}
			name := a.ScenarioKey + "-v" + strconv.Itoa(a.Version) + "-analytics.csv"
			return &csvOut{ContentType: "text/csv; charset=utf-8", ContentDisposition: `attachment; filename="` + name + `"`, Body: AnalyticsCSV(a)}, nil
		}))
}
