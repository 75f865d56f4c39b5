package sso

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/httpctx"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"sso"}, Summary: summary,
		Errors: append([]int{401, 403}, errs...)}
}

// baseURL is this site's address as the browser reached it, from which the
// callback address the provider must know is made.
func baseURL(ctx context.Context) string {
	if c := httpctx.Fiber(ctx); c != nil {
		return c.BaseURL()
	}
	return ""
}

// Routes registers the settings (tenant.write at the head office), the
// connection test, and the sign-ins (open to everyone, like /auth/login).
func (s *Service) Routes(api huma.API) {
	type viewOut struct{ Body SSOSettings }
	huma.Register(api, op("get-sso-config", http.MethodGet, "/api/v1/sso/config", "The bank's single sign-on settings (secrets never returned)"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*viewOut, error) {
			v, err := s.Settings(ctx, p, baseURL(ctx))
			return &viewOut{v}, err
		}))
	huma.Register(api, op("put-sso-config", http.MethodPut, "/api/v1/sso/config", "Set the bank's single sign-on", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body SSOSettingsInput }) (*viewOut, error) {
			v, err := s.SetSettings(ctx, p, in.Body, baseURL(ctx))
			if err != nil {
				return nil, err
			}
			return &viewOut{v}, nil
		}))
	type probeIn struct {
		Body struct {
			Method string `json:"method" enum:"oidc,ldap"`
		}
	}
	huma.Register(api, op("test-sso-config", http.MethodPost, "/api/v1/sso/config/test", "Test the stored settings of one method (signs nobody in)", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *probeIn) (*struct{ Body SSOProbeResult }, error) {
			r, err := s.Probe(ctx, p, in.Body.Method)
			if err != nil {
				return nil, err
			}
			return &struct{ Body SSOProbeResult }{r}, nil
		}))
	s.signInRoutes(api)
}
