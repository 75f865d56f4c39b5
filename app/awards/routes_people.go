package awards

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

type grantsOut struct {
	Body struct {
		Items []AwardGrantView `json:"items"`
	}
}

func grantsBody(items []AwardGrantView) *grantsOut {
	out := &grantsOut{}
	out.Body.Items = items
	return out
}

// peopleRoutes registers nominations, the honour roll, badges and certificates.
func (s *Service) peopleRoutes(api huma.API) {
	type nominationOut struct{ Body NominationView }
	huma.Register(api, op("create-nomination", http.MethodPost, "/api/v1/nominations", "Nominate someone in your subtree", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body NominationIn }) (*nominationOut, error) {
			n, err := s.Nominate(ctx, p, in.Body)
			if err != nil {
				return nil, err
			}
			return &nominationOut{*n}, nil
		}))
	type nominationsOut struct {
		Body struct {
			Items []NominationView `json:"items"`
		}
	}
	huma.Register(api, op("list-nominations", http.MethodGet, "/api/v1/nominations", "Nominations you may decide, made or received", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			State string `query:"state" enum:"pending,approved,rejected,"`
		}) (*nominationsOut, error) {
			items, err := s.Nominations(ctx, p, in.State)
			if err != nil {
				return nil, err
			}
			out := &nominationsOut{}
			out.Body.Items = items
			return out, nil
		}))
	huma.Register(api, op("decide-nomination", http.MethodPost, "/api/v1/nominations/{id}/decision", "Approve or turn down the step you approve", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Approve bool   `json:"approve"`
				Comment string `json:"comment,omitempty" maxLength:"2000" doc:"required when turning it down"`
			}
		}) (*nominationOut, error) {
			n, err := s.DecideNomination(ctx, p, in.ID, in.Body.Approve, in.Body.Comment)
			if err != nil {
				return nil, err
			}
			return &nominationOut{*n}, nil
		}))
	huma.Register(api, op("honour-roll", http.MethodGet, "/api/v1/honour-roll", "Grants of a period, in a branch's subtree", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			PeriodKey string `query:"period_key" maxLength:"8"`
			BranchID  int64  `query:"branch_id" minimum:"0"`
		}) (*grantsOut, error) {
			items, err := s.HonourRoll(ctx, p, in.PeriodKey, in.BranchID)
			if err != nil {
				return nil, err
			}
			return grantsBody(items), nil
		}))
	huma.Register(api, op("my-badges", http.MethodGet, "/api/v1/me/badges", "The awards you hold"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*grantsOut, error) {
			items, err := s.MyBadges(ctx, p)
			if err != nil {
				return nil, err
			}
			return grantsBody(items), nil
		}))
	huma.Register(api, op("user-badges", http.MethodGet, "/api/v1/users/{id}/badges", "The awards someone holds"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*grantsOut, error) {
			items, err := s.UserBadges(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return grantsBody(items), nil
		}))
	type certOut struct{ Body AwardCertificate }
	huma.Register(api, op("award-certificate", http.MethodGet, "/api/v1/grants/{id}/certificate", "What a grant's printable certificate shows"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*certOut, error) {
			c, err := s.CertificateOf(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &certOut{*c}, nil
		}))
}
