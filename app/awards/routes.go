package awards

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"awards"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

type typesOut struct {
	Body struct {
		Items []AwardTypeView `json:"items"`
	}
}

type typeOut struct{ Body AwardTypeView }

// Routes registers award types, evaluations and rounds (routes.go),
// nominations and the honour roll (routes_people.go).
func (s *Service) Routes(api huma.API) {
	huma.Register(api, op("list-award-types", http.MethodGet, "/api/v1/award-types", "Award types of the bank"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*typesOut, error) {
			items, err := s.Types(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &typesOut{}
			out.Body.Items = items
			return out, nil
		}))
	type iconsOut struct {
		Body struct {
			Items []BadgeIcon `json:"items"`
		}
	}
	huma.Register(api, op("list-award-badges", http.MethodGet, "/api/v1/award-types/badges", "The built-in badge icons an award type may show"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*iconsOut, error) {
			if _, err := s.Guard.ScopesAny(ctx, p, PermView, PermNominate, PermManage); err != nil {
				return nil, err
			}
			out := &iconsOut{}
			out.Body.Items = BadgeIcons
			return out, nil
		}))
	type inputsOut struct {
		Body struct {
			Items []AwardRuleInput `json:"items"`
		}
	}
	huma.Register(api, op("list-award-rule-inputs", http.MethodGet, "/api/v1/award-types/metrics", "The metrics and facts a rule may use"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*inputsOut, error) {
			items, err := s.RuleInputs(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &inputsOut{}
			out.Body.Items = items
			return out, nil
		}))
	huma.Register(api, op("create-award-type", http.MethodPost, "/api/v1/award-types", "Define an award type", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body AwardTypeIn }) (*typeOut, error) {
			t, err := s.SaveType(ctx, p, 0, in.Body)
			if err != nil {
				return nil, err
			}
			return &typeOut{*t}, nil
		}))
	huma.Register(api, op("update-award-type", http.MethodPut, "/api/v1/award-types/{id}", "Change an award type", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body AwardTypeIn
		}) (*typeOut, error) {
			t, err := s.SaveType(ctx, p, in.ID, in.Body)
			if err != nil {
				return nil, err
			}
			return &typeOut{*t}, nil
		}))

	type roundOut struct{ Body AwardRoundView }
	huma.Register(api, op("evaluate-award-type", http.MethodPost, "/api/v1/award-types/{id}/evaluate",
		"Evaluate a rule-based award over a closed KPI period: its round of candidates (inline; an evaluated period answers its round)", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				PeriodKey string `json:"period_key" maxLength:"8"`
			}
		}) (*roundOut, error) {
			r, err := s.Evaluate(ctx, p, in.ID, in.Body.PeriodKey)
			if err != nil {
				return nil, err
			}
			return &roundOut{*r}, nil
		}))
	type roundsOut struct {
		Body struct {
			Items []AwardRoundView `json:"items"`
		}
	}
	huma.Register(api, op("list-award-rounds", http.MethodGet, "/api/v1/award-rounds", "Rounds of candidates, of a period or the latest 200", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			PeriodKey string `query:"period_key" maxLength:"8"`
		}) (*roundsOut, error) {
			items, err := s.Rounds(ctx, p, in.PeriodKey)
			if err != nil {
				return nil, err
			}
			out := &roundsOut{}
			out.Body.Items = items
			return out, nil
		}))
	huma.Register(api, op("decide-award-candidate", http.MethodPost, "/api/v1/award-rounds/{id}/candidates/{employee_id}", "Approve or drop a candidate", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID         int64 `path:"id" minimum:"1"`
			EmployeeID int64 `path:"employee_id" minimum:"1"`
			Body       struct {
				Decision string `json:"decision" enum:"approve,drop"`
			}
		}) (*roundOut, error) {
			r, err := s.Decide(ctx, p, in.ID, in.EmployeeID, in.Body.Decision)
			if err != nil {
				return nil, err
			}
			return &roundOut{*r}, nil
		}))
	huma.Register(api, op("grant-award-round", http.MethodPost, "/api/v1/award-rounds/{id}/grant", "Grant the approved candidates (quota checked again)", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*roundOut, error) {
			r, err := s.GrantRound(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &roundOut{*r}, nil
		}))
	s.peopleRoutes(api)
}
