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
func (h *Handlers) StartSession(ctx context.Context, u *org.User) error {
	c := httpctx.Fiber(ctx)
	if c == nil {
		return apperr.Internal()
	}
	tid := u.TenantID
	token, csrf, err := h.Sessions.Create(ctx, session.KindUser, &tid, u.ID, c.Cookies(h.Cookie))
	if err != nil {
		return err
	}
	h.setCookies(c, h.Cookie, token, csrf)
	return nil
}
