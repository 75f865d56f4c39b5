package suggestions

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"suggestions"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

type suggestionOut struct{ Body *SuggestionDetail }

type suggestionIDIn struct {
	ID int64 `path:"id" minimum:"1"`
}

// Routes registers suggestions, their review, projects and bonuses.
func (s *Service) Routes(api huma.API) {
	huma.Register(api, op("submit-suggestion", http.MethodPost, "/api/v1/suggestions", "Submit an improvement suggestion", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body SuggestionIn }) (*suggestionOut, error) {
			d, err := s.Submit(ctx, p, in.Body)
			if err != nil {
				return nil, err
			}
			return &suggestionOut{d}, nil
		}))
	type suggestionListOut struct {
		Body struct {
			Items []SuggestionItem `json:"items"`
			Total int64            `json:"total"`
		}
	}
	huma.Register(api, op("list-suggestions", http.MethodGet, "/api/v1/suggestions", "My suggestions and those I review, newest first"),
		func(ctx context.Context, in *struct {
			State    string `query:"state" enum:"submitted,returned,rejected,adopted,"`
			Mine     bool   `query:"mine" doc:"only the ones I wrote"`
			Page     int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int    `query:"page_size" minimum:"1" maximum:"200" default:"50"`
		}) (*suggestionListOut, error) {
			p, err := access.Must(ctx)
			if err != nil {
				return nil, err
			}
			items, total, err := s.List(ctx, p, in.State, in.Mine, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			out := &suggestionListOut{}
			out.Body.Items, out.Body.Total = items, total
			return out, nil
		})
	huma.Register(api, op("get-suggestion", http.MethodGet, "/api/v1/suggestions/{id}", "A suggestion with its history and project"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *suggestionIDIn) (*suggestionOut, error) {
			d, err := s.Get(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &suggestionOut{d}, nil
		}))
	huma.Register(api, op("edit-suggestion", http.MethodPut, "/api/v1/suggestions/{id}", "Edit a returned suggestion and submit it again (its author)", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body SuggestionIn
		}) (*suggestionOut, error) {
			d, err := s.Edit(ctx, p, in.ID, in.Body)
			if err != nil {
				return nil, err
			}
			return &suggestionOut{d}, nil
		}))
	huma.Register(api, op("decide-suggestion", http.MethodPost, "/api/v1/suggestions/{id}/decision", "Return (with questions), reject (with a reason) or adopt a suggestion", 409, 422),
		func(ctx context.Context, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Decision string `json:"decision" enum:"return,reject,adopt"`
				Comment  string `json:"comment,omitempty" maxLength:"2000"`
			}
		}) (*suggestionOut, error) {
			p, err := access.Must(ctx)
			if err != nil {
				return nil, err
			}
			d, err := s.Decide(ctx, p, in.ID, in.Body.Decision, in.Body.Comment)
			if err != nil {
				return nil, err
			}
			return &suggestionOut{d}, nil
		})
	huma.Register(api, op("set-suggestion-project", http.MethodPut, "/api/v1/suggestions/{id}/project", "Set an adopted suggestion's bonus pool and shares", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body SuggestionProjectIn
		}) (*suggestionOut, error) {
			d, err := s.SetProject(ctx, p, in.ID, in.Body)
			if err != nil {
				return nil, err
			}
			return &suggestionOut{d}, nil
		}))
	type suggestionPayoutOut struct{ Body *SuggestionPayout }
	huma.Register(api, op("get-suggestion-payout", http.MethodGet, "/api/v1/suggestions/{id}/payout", "The payout to the cent: a preview until approved", 409),
		access.Signed(func(ctx context.Context, p *access.Principal, in *suggestionIDIn) (*suggestionPayoutOut, error) {
			v, err := s.Payout(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &suggestionPayoutOut{v}, nil
		}))
	huma.Register(api, op("approve-suggestion-payout", http.MethodPost, "/api/v1/suggestions/{id}/payout/approve", "Approve and record the payout", 409),
		access.Signed(func(ctx context.Context, p *access.Principal, in *suggestionIDIn) (*suggestionPayoutOut, error) {
			v, err := s.ApprovePayout(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &suggestionPayoutOut{v}, nil
		}))
	type myBonusesOut struct {
		Body struct {
			Items      []SuggestionBonus `json:"items"`
			TotalCents int64             `json:"total_cents"`
		}
	}
	huma.Register(api, op("list-my-bonuses", http.MethodGet, "/api/v1/me/bonuses", "The suggestion bonuses paid to me"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*myBonusesOut, error) {
			items, total, err := s.Bonuses(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &myBonusesOut{}
			out.Body.Items, out.Body.TotalCents = items, total
			return out, nil
		}))
}
