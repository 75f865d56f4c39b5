package org

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

type policyOut struct{ Body SignInPolicy }

// signInPolicyBody is SignInPolicy as a client sends it (every field, so a
// save states the whole policy and nothing is left to a default by accident).
type signInPolicyBody struct {
	MinPasswordLength int      `json:"min_password_length"`
	LockoutThreshold  int      `json:"lockout_threshold"`
	LockoutMinutes    int      `json:"lockout_minutes"`
	MFARoles          []string `json:"mfa_roles" maxItems:"5"`
	// Optional so a client that predates it keeps the bank's setting (true when never set).
	SSOSatisfiesMFA *bool `json:"sso_satisfies_mfa,omitempty" doc:"a sign-in through the bank's identity provider counts as the second factor (default true)"`
}

func (s *Service) signInPolicyRoutes(api huma.API) {
	huma.Register(api, op("get-sign-in-policy", http.MethodGet, "/api/v1/tenant/sign-in-policy", "tenant", "My bank's password, lockout and second-factor rules"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*policyOut, error) {
			pol, err := s.SignInPolicy(ctx, p)
			if err != nil {
				return nil, err
			}
			return &policyOut{pol}, nil
		}))
	huma.Register(api, op("put-sign-in-policy", http.MethodPut, "/api/v1/tenant/sign-in-policy", "tenant", "Change my bank's password, lockout and second-factor rules", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body signInPolicyBody }) (*policyOut, error) {
			roles := in.Body.MFARoles
			if roles == nil {
				roles = []string{}
			}
			sso := in.Body.SSOSatisfiesMFA
			if sso == nil {
				cur, err := s.SignInPolicy(ctx, p)
				if err != nil {
					return nil, err
				}
				sso = &cur.SSOSatisfiesMFA
			}
			pol, err := s.SetSignInPolicy(ctx, p, SignInPolicy{MinPasswordLength: in.Body.MinPasswordLength,
				LockoutThreshold: in.Body.LockoutThreshold, LockoutMinutes: in.Body.LockoutMinutes, MFARoles: roles, SSOSatisfiesMFA: *sso})
			if err != nil {
				return nil, err
			}
			return &policyOut{pol}, nil
		}))
}
