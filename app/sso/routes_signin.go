package sso

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gofiber/fiber/v2"

	"github.com/servicestar/servicestar/app/httpctx"
)

// SSOMethods is which sign-ins a bank offers besides its local passwords.
type SSOMethods struct {
	OIDC bool `json:"oidc"`
	LDAP bool `json:"ldap"`
}

type redirectOut struct {
	Status       int
	Location     string `header:"Location"`
	CacheControl string `header:"Cache-Control"`
}

func redirect(to string) *redirectOut {
	return &redirectOut{Status: http.StatusFound, Location: to, CacheControl: "no-store"}
}

// LDAPLoginPath is the directory sign-in; its body is /auth/login's, so
// the sign-in limiter and the CSRF exemption treat it the same way.
const LDAPLoginPath = "/api/v1/sso/ldap/login"

type ssoLDAPLoginBody struct {
	Tenant   string `json:"tenant" minLength:"1" maxLength:"64" doc:"bank code (tenant slug)"`
	Username string `json:"username" minLength:"1" maxLength:"100"`
	Password string `json:"password" minLength:"1" maxLength:"256"`
}

func (s *Service) signInRoutes(api huma.API) {
	type tenantIn struct {
		Tenant string `path:"tenant" maxLength:"64" doc:"bank code (tenant slug)"`
	}
	huma.Register(api, huma.Operation{OperationID: "sso-methods", Method: http.MethodGet, Path: "/api/v1/sso/{tenant}/methods", Tags: []string{"sso"},
		Summary: "Which sign-ins a bank offers (an unknown bank offers none)"},
		func(ctx context.Context, in *tenantIn) (*struct{ Body SSOMethods }, error) {
			m, err := s.Methods(ctx, in.Tenant)
			return &struct{ Body SSOMethods }{m}, err
		})

	huma.Register(api, huma.Operation{OperationID: "sso-oidc-start", Method: http.MethodGet, Path: "/api/v1/sso/{tenant}/oidc/start", Tags: []string{"sso"},
		Summary: "Start an OpenID Connect sign-in: redirects to the bank's provider (or back to /login with sso_error)", DefaultStatus: http.StatusFound},
		func(ctx context.Context, in *struct {
			Tenant string `path:"tenant" maxLength:"64"`
			Return string `query:"return" maxLength:"2000" doc:"a path on this site to open after signing in"`
		}) (*redirectOut, error) {
			c := httpctx.Fiber(ctx)
			to, flow, err := s.StartOIDC(ctx, in.Tenant, c.BaseURL(), in.Return)
			if err != nil {
				return s.refused(c, in.Tenant, err)
			}
			c.Cookie(&fiber.Cookie{Name: flowCookieName, Value: flow.encode(), Path: flowPath(in.Tenant), Expires: flow.Expires,
				HTTPOnly: true, Secure: s.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode})
			return redirect(to), nil
		})

	huma.Register(api, huma.Operation{OperationID: "sso-oidc-callback", Method: http.MethodGet, Path: "/api/v1/sso/{tenant}/oidc/callback", Tags: []string{"sso"},
		Summary: "Where the provider sends the browser back: verifies the ID token, starts the session, redirects", DefaultStatus: http.StatusFound},
		func(ctx context.Context, in *struct {
			Tenant string `path:"tenant" maxLength:"64"`
			Code   string `query:"code" maxLength:"4000"`
			State  string `query:"state" maxLength:"200"`
			Error  string `query:"error" maxLength:"200" doc:"set by a provider that refused"`
		}) (*redirectOut, error) {
			c := httpctx.Fiber(ctx)
			flow, ok := decodeFlow(c.Cookies(flowCookieName))
			// One use: whatever happens next, this flow is over.
			c.Cookie(&fiber.Cookie{Name: flowCookieName, Value: "", Path: flowPath(in.Tenant), Expires: time.Unix(0, 0),
				HTTPOnly: true, Secure: s.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode})
			if in.Error != "" {
				return s.refused(c, in.Tenant, refuse(RefusedProvider, errors.New("provider answered "+in.Error)))
			}
			to, err := s.FinishOIDC(ctx, in.Tenant, c.BaseURL(), in.Code, in.State, flow, ok)
			if err != nil {
				return s.refused(c, in.Tenant, err)
			}
			return redirect(to), nil
		})

	huma.Register(api, huma.Operation{OperationID: "sso-ldap-login", Method: http.MethodPost, Path: LDAPLoginPath, Tags: []string{"sso"},
		Summary: "Sign in to a bank with a directory (LDAP/AD) password", DefaultStatus: http.StatusNoContent, Errors: []int{401, 403, 422, 429, 503}},
		func(ctx context.Context, in *struct{ Body ssoLDAPLoginBody }) (*struct{}, error) {
			return nil, s.LDAPLogin(ctx, in.Body.Tenant, in.Body.Username, in.Body.Password)
		})
}

// refused sends the browser back to the sign-in page, which explains the
// code. Anything but a refusal is also logged as the server's fault.
func (s *Service) refused(c *fiber.Ctx, tenant string, err error) (*redirectOut, error) {
	code := "error"
	var r *refusal
	if errors.As(err, &r) {
		code = r.Code
		s.log().Info("sso sign-in refused", "tenant", tenant, "code", r.Code, "err", r.cause)
	} else {
		s.log().Error("sso sign-in", "tenant", tenant, "err", err)
	}
	return redirect("/login?" + url.Values{"sso_error": {code}, "tenant": {tenant}}.Encode()), nil
}

// Methods tells the sign-in page which buttons to show for a bank.
func (s *Service) Methods(ctx context.Context, slug string) (SSOMethods, error) {
	t, err := s.tenantBySlug(ctx, slug)
	if err != nil || t == nil {
		return SSOMethods{}, err
	}
	c, err := s.load(ctx, s.DB.R, t.ID)
	if err != nil {
		return SSOMethods{}, err
	}
	return SSOMethods{OIDC: c.OIDCEnabled, LDAP: c.LDAPEnabled}, nil
}
