package cases

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func (s *Service) workflowRoutes(api huma.API) {
	huma.Register(api, op("submit-case", http.MethodPost, "/api/v1/cases/{id}/submit", "Send one's case to review", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *idIn) (*detailOut, error) {
			d, err := s.Submit(ctx, p, in.ID)
			return out(d, err)
		}))
	huma.Register(api, op("approve-case", http.MethodPost, "/api/v1/cases/{id}/approve", "Publish a submitted case (a manager of the author's branch, or HR)", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Comment  string     `json:"comment,omitempty" maxLength:"2000"`
				ReviewBy *time.Time `json:"review_by,omitempty" doc:"when the case is due for re-verification; a year from now when left out"`
			}
		}) (*detailOut, error) {
			d, err := s.Approve(ctx, p, in.ID, in.Body.Comment, in.Body.ReviewBy)
			return out(d, err)
		}))
	huma.Register(api, op("return-case", http.MethodPost, "/api/v1/cases/{id}/return", "Send a submitted case back to its author with a comment", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Comment string `json:"comment" maxLength:"2000"`
			}
		}) (*detailOut, error) {
			d, err := s.Return(ctx, p, in.ID, in.Body.Comment)
			return out(d, err)
		}))
	huma.Register(api, op("feature-case", http.MethodPost, "/api/v1/cases/{id}/feature", "Mark or unmark a published case as a service-star case (HR)", 409),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Featured bool `json:"featured"`
			}
		}) (*detailOut, error) {
			d, err := s.Feature(ctx, p, in.ID, in.Body.Featured)
			return out(d, err)
		}))
	huma.Register(api, op("archive-case", http.MethodPost, "/api/v1/cases/{id}/archive", "Take a published case out of the library (HR)", 409),
		access.Signed(func(ctx context.Context, p *access.Principal, in *idIn) (*detailOut, error) {
			d, err := s.Archive(ctx, p, in.ID)
			return out(d, err)
		}))
	huma.Register(api, op("reverify-case", http.MethodPost, "/api/v1/cases/{id}/reverify", "Confirm a published case until a new review-by date (HR)", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				ReviewBy time.Time `json:"review_by"`
			}
		}) (*detailOut, error) {
			d, err := s.Reverify(ctx, p, in.ID, in.Body.ReviewBy)
			return out(d, err)
		}))
	huma.Register(api, op("case-visibility", http.MethodPut, "/api/v1/cases/{id}/visibility", "Open a published case to the bank or restrict it to a subtree", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body Visibility
		}) (*detailOut, error) {
			d, err := s.SetVisibility(ctx, p, in.ID, in.Body)
			return out(d, err)
		}))
	type ratingOut struct{ Body RatingOut }
	huma.Register(api, op("rate-case", http.MethodPut, "/api/v1/cases/{id}/rating", "Rate a published case 1–5 (again: change the rating)", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Stars int `json:"stars"`
			}
		}) (*ratingOut, error) {
			r, err := s.Rate(ctx, p, in.ID, in.Body.Stars)
			if err != nil {
				return nil, err
			}
			return &ratingOut{*r}, nil
		}))
	view := op("view-case", http.MethodPost, "/api/v1/cases/{id}/views", "Count one opening of a published case", 409)
	view.DefaultStatus = http.StatusNoContent
	huma.Register(api, view,
		access.Signed(func(ctx context.Context, p *access.Principal, in *idIn) (*struct{}, error) {
			return nil, s.View(ctx, p, in.ID)
		}))
	type scenarioOut struct {
		Body struct {
			ScenarioKey string `json:"scenario_key"`
		}
	}
	huma.Register(api, op("case-to-scenario", http.MethodPost, "/api/v1/cases/{id}/to-scenario", "Make a draft scenario from a published case (HR)", 409, 422, 503),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID     int64  `path:"id" minimum:"1"`
			Locale string `query:"locale" enum:"zh-CN,en," doc:"language of the scenario validator's problems"`
		}) (*scenarioOut, error) {
			key, err := s.ToScenario(ctx, p, in.ID, in.Locale)
			if err != nil {
				return nil, err
			}
			o := &scenarioOut{}
			o.Body.ScenarioKey = key
			return o, nil
		}))
}

func out(d *Detail, err error) (*detailOut, error) {
	if err != nil {
		return nil, err
	}
	return &detailOut{*d}, nil
}

func (s *Service) revisionRoutes(api huma.API) {
	type revisionsOut struct {
		Body struct {
			Items []RevisionItem `json:"items"`
		}
	}
	huma.Register(api, op("case-revisions", http.MethodGet, "/api/v1/cases/{id}/revisions", "Every save of a case, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *idIn) (*revisionsOut, error) {
			items, err := s.Revisions(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			o := &revisionsOut{}
			o.Body.Items = items
			return o, nil
		}))
	huma.Register(api, op("case-revision", http.MethodGet, "/api/v1/cases/{id}/revisions/{rev}", "A case as it was at one save"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID  int64 `path:"id" minimum:"1"`
			Rev int   `path:"rev" minimum:"1"`
		}) (*struct{ Body RevisionView }, error) {
			r, err := s.RevisionOf(ctx, p, in.ID, in.Rev)
			if err != nil {
				return nil, err
			}
			return &struct{ Body RevisionView }{*r}, nil
		}))
	type diffOut struct {
		Body struct {
			Fields []FieldDiff `json:"fields"`
		}
	}
	huma.Register(api, op("case-diff", http.MethodGet, "/api/v1/cases/{id}/diff", "What changed between two saves, field by field", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			From int   `query:"from" minimum:"0" doc:"the older revision; 1 when left out"`
			To   int   `query:"to" minimum:"0" doc:"the newer revision; the current one when left out"`
		}) (*diffOut, error) {
			fs, err := s.Diff(ctx, p, in.ID, in.From, in.To)
			if err != nil {
				return nil, err
			}
			o := &diffOut{}
			o.Body.Fields = fs
			return o, nil
		}))
}
