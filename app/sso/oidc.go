package sso

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// refusal is why an OpenID Connect sign-in ended without a session; its
// Code goes to the sign-in page (/login?sso_error=code), which explains it.
type refusal struct {
	Code  string
	cause error // for the server log only: it may name the provider's reasons
}

func (r *refusal) Error() string { return r.Code + ": " + fmt.Sprint(r.cause) }

func refuse(code string, cause error) error { return &refusal{Code: code, cause: cause} }

// Refusal codes the sign-in page knows.
const (
	RefusedDisabled = "disabled"     // the bank has no OpenID Connect sign-in
	RefusedProvider = "provider"     // the provider could not be reached or refused
	RefusedExpired  = "expired"      // no matching flow cookie: start again
	RefusedToken    = "token"        // the ID token failed verification
	RefusedUnknown  = "unknown_user" // no active user has the employee code
)

// oidcClient is the bank's provider (discovered) and OAuth2 client.
func (s *Service) oidcClient(ctx context.Context, slug, base string) (context.Context, *Config, *oidc.Provider, *oauth2.Config, error) {
	t, err := s.tenantBySlug(ctx, slug)
	if err != nil {
		return ctx, nil, nil, nil, err
	}
	if t == nil {
		return ctx, nil, nil, nil, refuse(RefusedDisabled, errors.New("no such bank"))
	}
	c, err := s.load(ctx, s.DB.R, t.ID)
	if err != nil {
		return ctx, nil, nil, nil, err
	}
	if !c.OIDCEnabled {
		return ctx, nil, nil, nil, refuse(RefusedDisabled, errors.New("oidc not enabled"))
	}
	pctx := oidc.ClientContext(ctx, s.httpClient())
	// Discovery also checks that the document names exactly this issuer.
	p, err := oidc.NewProvider(pctx, c.OIDCIssuer)
	if err != nil {
		return ctx, nil, nil, nil, refuse(RefusedProvider, err)
	}
	oc := &oauth2.Config{ClientID: c.OIDCClientID, ClientSecret: c.OIDCClientSecret, Endpoint: p.Endpoint(),
		RedirectURL: redirectURL(base, t.Slug), Scopes: []string{oidc.ScopeOpenID, "profile"}}
	return pctx, &c, p, oc, nil
}

// StartOIDC begins a sign-in at the bank's provider: the address to send
// the browser to, and the flow cookie to set beside it.
func (s *Service) StartOIDC(ctx context.Context, slug, base, returnTo string) (authURL string, flow flowCookie, err error) {
	_, _, _, oc, err := s.oidcClient(ctx, slug, base)
	if err != nil {
		return "", flowCookie{}, err
	}
	flow = flowCookie{State: randomString(), Nonce: randomString(), Verifier: oauth2.GenerateVerifier(),
		Return: localPath(returnTo), Expires: time.Now().Add(flowLifetime)}
	return oc.AuthCodeURL(flow.State, oidc.Nonce(flow.Nonce), oauth2.S256ChallengeOption(flow.Verifier)), flow, nil
}

// FinishOIDC completes a sign-in: the state must be the flow cookie's, the
// code is exchanged with the PKCE verifier, and the ID token must be signed
// by the provider, issued by the configured issuer, for this client
// (audience), unexpired and carry the flow's nonce. The employee code claim
// then names the user, whose session starts.
func (s *Service) FinishOIDC(ctx context.Context, slug, base, code, state string, flow flowCookie, ok bool) (returnTo string, err error) {
	if !ok || state == "" || !same(state, flow.State) || time.Now().After(flow.Expires) {
		return "", refuse(RefusedExpired, errors.New("state does not match the flow cookie"))
	}
	pctx, c, p, oc, err := s.oidcClient(ctx, slug, base)
	if err != nil {
		return "", err
	}
	tok, err := oc.Exchange(pctx, code, oauth2.VerifierOption(flow.Verifier))
	if err != nil {
		return "", refuse(RefusedProvider, err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return "", refuse(RefusedToken, errors.New("no id_token in the token response"))
	}
	idt, err := p.Verifier(&oidc.Config{ClientID: c.OIDCClientID}).Verify(pctx, raw)
	if err != nil {
		return "", refuse(RefusedToken, err)
	}
	if !same(idt.Nonce, flow.Nonce) {
		return "", refuse(RefusedToken, errors.New("nonce does not match the flow cookie"))
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return "", refuse(RefusedToken, err)
	}
	empCode := claimString(claims[c.OIDCCodeClaim])
	if _, err := s.signIn(ctx, c.TenantID, "sso.oidc", empCode); err != nil {
		if errors.Is(err, errUnknownCode) {
			return "", refuse(RefusedUnknown, err)
		}
		var step SecondFactor
		if errors.As(err, &step) {
			return secondFactorPage(slug, flow.Return, step), nil
		}
		return "", err
	}
	return flow.Return, nil
}

// secondFactorPage is the sign-in page at the second-factor step. The step
// rides in the fragment: it never reaches a server log or a Referer, and
// the page drops it from the address once read. The token is good for one
// step of five minutes and is worthless without the user's code.
func secondFactorPage(slug, returnTo string, step SecondFactor) string {
	kind, token := step.SecondFactor()
	q := url.Values{"tenant": {slug}}
	if returnTo != "" && returnTo != "/" {
		q.Set("redirect", returnTo)
	}
	return "/login?" + q.Encode() + "#" + url.Values{"mfa_step": {kind}, "mfa_token": {token}}.Encode()
}

// claimString reads a claim that may arrive as a string or a number.
func claimString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return fmt.Sprintf("%.0f", x)
	}
	return ""
}
