package kpi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/export"
	"github.com/servicestar/servicestar/app/readlog"
)

type periodIn struct {
	Period string `query:"period" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026; the current month when left out"`
}

type trendOut struct {
	Body struct {
		Points []TrendPoint `json:"points"`
	}
}

func trend(pts []TrendPoint, err error) (*trendOut, error) {
	if err != nil {
		return nil, err
	}
	out := &trendOut{}
	out.Body.Points = pts
	return out, nil
}

func (s *Service) dashboardRoutes(api huma.API) {
	huma.Register(api, op("kpi-me", http.MethodGet, "/api/v1/kpi/me", "My scorecard of a period", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *periodIn) (*struct{ Body Scorecard }, error) {
			sc, err := s.Me(ctx, p, in.Period)
			if err != nil {
				return nil, err
			}
			return &struct{ Body Scorecard }{*sc}, nil
		}))
	huma.Register(api, op("kpi-me-trend", http.MethodGet, "/api/v1/kpi/me/trend", "My composite over the last 12 months (8 quarters, 3 years)"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Kind string `query:"kind" enum:"month,quarter,year" default:"month"`
		}) (*trendOut, error) {
			return trend(s.MyTrend(ctx, p, kindOf(in.Kind)))
		}))
	huma.Register(api, op("kpi-branch", http.MethodGet, "/api/v1/kpi/branches/{id}", "A branch subtree's KPI summary: metrics, children, distribution, best and worst people", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID     int64  `path:"id" minimum:"1"`
			Period string `query:"period" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026; the current month when left out"`
		}) (*struct{ Body BranchSummary }, error) {
			b, err := s.Branch(ctx, p, in.ID, in.Period)
			if err != nil {
				return nil, err
			}
			return &struct{ Body BranchSummary }{*b}, nil
		}))
	huma.Register(api, op("kpi-branch-people", http.MethodGet, "/api/v1/kpi/branches/{id}/people", "A page of a subtree's people, ranked", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID       int64  `path:"id" minimum:"1"`
			Period   string `query:"period" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026; the current month when left out"`
			Sort     string `query:"sort" maxLength:"80" doc:"composite (default), ratings, or a metric key (sorts by its score)"`
			Order    string `query:"order" enum:"desc,asc" default:"desc"`
			Page     int    `query:"page" minimum:"1" maximum:"100000" default:"1"`
			PageSize int    `query:"page_size" minimum:"1" maximum:"200" default:"20"`
		}) (*struct{ Body PeoplePage }, error) {
			pg, err := s.People(ctx, p, in.ID, PeopleQuery{Period: in.Period, Sort: in.Sort, Order: in.Order, Page: in.Page, PageSize: in.PageSize})
			if err != nil {
				return nil, err
			}
			// A ranking shows each person's results: each one shown is a look.
			ids := make([]int64, len(pg.Items))
			for i, r := range pg.Items {
				ids[i] = r.Person.ID
			}
			s.Reads.RecordMany(p, ids, readlog.KPI, "ranking:"+in.Period)
			return &struct{ Body PeoplePage }{*pg}, nil
		}))
	huma.Register(api, op("kpi-branch-trend", http.MethodGet, "/api/v1/kpi/branches/{id}/trend", "A subtree's composite over recent periods"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64  `path:"id" minimum:"1"`
			Kind string `query:"kind" enum:"month,quarter,year" default:"month"`
		}) (*trendOut, error) {
			return trend(s.BranchTrend(ctx, p, in.ID, kindOf(in.Kind)))
		}))
	huma.Register(api, op("kpi-person", http.MethodGet, "/api/v1/kpi/people/{id}", "The scorecard of a person in my subtree", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID     int64  `path:"id" minimum:"1"`
			Period string `query:"period" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026; the current month when left out"`
		}) (*struct{ Body Scorecard }, error) {
			sc, err := s.Person(ctx, p, in.ID, in.Period)
			if err != nil {
				return nil, err
			}
			s.Reads.Record(p, in.ID, readlog.KPI, sc.Period)
			return &struct{ Body Scorecard }{*sc}, nil
		}))
	huma.Register(api, op("kpi-person-trend", http.MethodGet, "/api/v1/kpi/people/{id}/trend", "A person's composite over recent periods, as far as it counted in my subtree"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64  `path:"id" minimum:"1"`
			Kind string `query:"kind" enum:"month,quarter,year" default:"month"`
		}) (*trendOut, error) {
			pts, err := s.PersonTrend(ctx, p, in.ID, kindOf(in.Kind))
			if err == nil {
				s.Reads.Record(p, in.ID, readlog.KPI, "trend:"+in.Kind)
			}
			return trend(pts, err)
		}))
	huma.Register(api, op("kpi-branch-export", http.MethodGet, "/api/v1/kpi/branches/{id}/export", "A subtree's ranking as a CSV or .xlsx file", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID     int64  `path:"id" minimum:"1"`
			Period string `query:"period" maxLength:"8" doc:"2026-11, 2026-Q4 or 2026; the current month when left out"`
			Format string `query:"format" enum:"csv,xlsx" default:"csv"`
		}) (*export.File, error) {
			return export.Write(in.Format, "KPI", func(w export.Sheet) (string, error) {
				return s.Export(ctx, p, in.ID, in.Period, w)
			})
		}))
}
