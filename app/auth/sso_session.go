package auth

import (
	"context"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/httpctx"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/session"
)

// StartSession starts for u the session a password sign-in starts, cookies
// and id rotation included, for a user a bank's identity system vouched for
// (package sso). The caller has checked that u is active.
//
// A bank whose sign-in policy says its identity provider does not stand for
// the second factor (sso_satisfies_mfa false) gets the step a right password
// gets instead: the answer is then a *SecondFactorNeeded and no session
// starts until the code (or the enrolment) is done.
func (h *Handlers) StartSession(ctx context.Context, u *org.User) error {
	c := httpctx.Fiber(ctx)
	if c == nil {
		return apperr.Internal()
	}
	if h.MFA != nil {
		st, err := h.MFA.StateOf(ctx, h.DB.R, u.TenantID, u.ID)
		if err != nil {
			return err
		}
		if !st.SSOSatisfiesMFA {
			if err := h.challenge(ctx, u, st); err != nil {
				return err
			}
		}
	}
	tid := u.TenantID
	token, csrf, err := h.Sessions.Create(ctx, session.KindUser, &tid, u.ID, c.Cookies(h.Cookie))
	if err != nil {
		return err
	}
	h.setCookies(c, h.Cookie, token, csrf)
	return nil
}
