package mfa

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// CodeBody is a code typed by the user: six digits from the app, or a recovery code.
type CodeBody struct {
	Code string `json:"code" minLength:"1" maxLength:"32"`
}

// RecoveryCodes are shown once, right after enrolment.
type RecoveryCodes struct {
	RecoveryCodes []string `json:"recovery_codes"`
}

type userIDPath struct {
	ID int64 `path:"id" minimum:"1" doc:"user id"`
}

// Routes registers the signed-in user's own factor and an admin's reset.
func (s *Service) Routes(api huma.API) {
	huma.Register(api, huma.Operation{OperationID: "my-mfa", Method: http.MethodGet, Path: "/api/v1/me/mfa", Tags: []string{"auth"},
		Summary: "My second factor", Errors: []int{401}},
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*struct{ Body *Status }, error) {
			st, err := s.StatusOf(ctx, p)
			if err != nil {
				return nil, err
			}
			return &struct{ Body *Status }{st}, nil
		}))
	huma.Register(api, huma.Operation{OperationID: "start-my-totp", Method: http.MethodPost, Path: "/api/v1/me/mfa/totp", Tags: []string{"auth"},
		Summary: "Start setting up an authenticator app", Errors: []int{401, 409}},
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*struct{ Body *Enrolment }, error) {
			e, err := s.Start(ctx, p.TenantID, p.UserID, p.TenantSlug+"/"+p.Username)
			if err != nil {
				return nil, err
			}
			return &struct{ Body *Enrolment }{e}, nil
		}))
	huma.Register(api, huma.Operation{OperationID: "confirm-my-totp", Method: http.MethodPost, Path: "/api/v1/me/mfa/totp/confirm", Tags: []string{"auth"},
		Summary: "Finish setting up an authenticator app with a code; answers the recovery codes, once", Errors: []int{401, 409, 422}},
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body CodeBody }) (*struct{ Body RecoveryCodes }, error) {
			codes, err := s.ConfirmOwn(ctx, p, in.Body.Code)
			if err != nil {
				return nil, err
			}
			return &struct{ Body RecoveryCodes }{RecoveryCodes{codes}}, nil
		}))
	huma.Register(api, huma.Operation{OperationID: "reset-user-mfa", Method: http.MethodDelete, Path: "/api/v1/users/{id}/mfa", Tags: []string{"users"},
		Summary: "Remove a user's second factor (a lost phone); ends their sessions", DefaultStatus: http.StatusNoContent, Errors: []int{401, 403, 404}},
		access.Signed(func(ctx context.Context, p *access.Principal, in *userIDPath) (*struct{}, error) {
			return nil, s.Reset(ctx, p, in.ID)
		}))
}
