package auth

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/httpctx"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/session"
	"github.com/servicestar/servicestar/app/store"
)

type passwordBody struct {
	CurrentPassword string `json:"current_password" minLength:"1" maxLength:"256"`
	NewPassword     string `json:"new_password" minLength:"1" maxLength:"256"`
}

type operatorLoginBody struct {
	Username string `json:"username" minLength:"1" maxLength:"100"`
	Password string `json:"password" minLength:"1" maxLength:"256"`
}

// OperatorView is a signed-in platform operator.
type OperatorView struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
}

// Routes registers sign-in, sign-out, /me and the password change.
func (h *Handlers) Routes(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "login", Method: http.MethodPost, Path: "/api/v1/auth/login", Tags: []string{"auth"},
		Summary:     "Sign in to a bank",
		Description: "A user with a second factor, or whose bank requires one of their role, gets a 401 problem with mfa_step and mfa_token instead of a session: continue at /api/v1/auth/mfa/verify or /api/v1/auth/mfa/enrol.",
		Errors:      []int{401, 422, 429},
	}, func(ctx context.Context, in *struct{ Body loginBody }) (*meOutput, error) {
		u, err := h.Login.Password(ctx, in.Body.Tenant, in.Body.Username, in.Body.Password)
		if err != nil {
			return nil, err
		}
		if err := h.secondStep(ctx, u); err != nil {
			return nil, err
		}
		if err := h.Login.Succeeded(ctx, u); err != nil {
			return nil, err
		}
		return h.startSession(ctx, u)
	})

	huma.Register(api, huma.Operation{
		OperationID: "logout", Method: http.MethodPost, Path: "/api/v1/auth/logout", Tags: []string{"auth"},
		Summary: "Sign out", DefaultStatus: http.StatusNoContent,
	}, func(ctx context.Context, _ *struct{}) (*struct{}, error) {
		c := httpctx.Fiber(ctx)
		if tok := c.Cookies(h.Cookie); tok != "" {
			if err := h.Sessions.Delete(ctx, tok); err != nil {
				return nil, err
			}
		}
		h.clearCookies(c, h.Cookie)
		return nil, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "me", Method: http.MethodGet, Path: "/api/v1/me", Tags: []string{"auth"},
		Summary: "The signed-in user, tenant, branch, roles and permissions", Errors: []int{401},
	}, access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*meOutput, error) {
		me, err := h.BuildMe(ctx, p)
		if err != nil {
			return nil, err
		}
		return &meOutput{Body: *me}, nil
	}))

	huma.Register(api, huma.Operation{
		OperationID: "change-password", Method: http.MethodPost, Path: "/api/v1/me/password", Tags: []string{"auth"},
		Summary: "Change my password", DefaultStatus: http.StatusNoContent, Errors: []int{401, 422},
	}, access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body passwordBody }) (*struct{}, error) {
		return nil, h.changePassword(ctx, p, in.Body)
	}))

	h.platformRoutes(api)
	h.secondFactorRoutes(api)
}

// startSession signs u in: a new session (the previous cookie's ended),
// its cookies, and the user as /me shows them.
func (h *Handlers) startSession(ctx context.Context, u *org.User) (*meOutput, error) {
	c := httpctx.Fiber(ctx)
	tid := u.TenantID
	token, csrf, err := h.Sessions.Create(ctx, session.KindUser, &tid, u.ID, c.Cookies(h.Cookie))
	if err != nil {
		return nil, err
	}
	h.setCookies(c, h.Cookie, token, csrf)
	p, err := h.Sessions.User(ctx, token)
	if err != nil || p == nil {
		return nil, apperr.Internal()
	}
	c.Locals(access.LocalsKey, p)
	me, err := h.BuildMe(ctx, p)
	if err != nil {
		return nil, err
	}
	return &meOutput{Body: *me}, nil
}

func (h *Handlers) changePassword(ctx context.Context, p *access.Principal, in passwordBody) error {
	var bad []apperr.Field
	pol, err := org.LoadSignInPolicy(ctx, h.DB.R, p.TenantID, org.PolicyDefaults{MinPasswordLength: h.MinPasswordLength,
		LockoutThreshold: h.Login.LockoutThreshold, LockoutDuration: h.Login.LockoutDuration})
	if err != nil {
		return err
	}
	if len([]rune(in.NewPassword)) < pol.MinPasswordLength {
		bad = append(bad, apperr.Field{Location: "body.new_password", Message: "at least {min} characters", Args: apperr.Args{"min": pol.MinPasswordLength}})
	}
	if in.NewPassword == in.CurrentPassword {
		bad = append(bad, apperr.Field{Location: "body.new_password", Message: "must differ from the current password"})
	}
	var u org.User
	if err := h.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", p.UserID).Take(&u).Error; err != nil {
		return err
	}
	if !password.Check(in.CurrentPassword, u.PasswordHash) {
		bad = append(bad, apperr.Field{Location: "body.current_password", Message: "wrong password"})
	}
	if len(bad) > 0 {
		return apperr.Invalid(bad...)
	}
	hash, err := password.Hash(in.NewPassword)
	if err != nil {
		return err
	}
	return h.DB.Tx(ctx, func(tx *gorm.DB) error {
		err := tx.Model(&u).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"password_hash": hash, "must_change_password": false, "updated_at": h.Sessions.Now().UTC()}).Error
		if err != nil {
			return err
		}
		// End the user's other sessions: a changed password locks out whoever else had it.
		if err := session.EndOthers(tx, p.TenantID, p.UserID, p.SessionHash); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), h.Sessions.Now(), "user.change_password", "user", itoa(int(p.UserID)), nil, nil)
	})
}

func (h *Handlers) platformRoutes(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "platform-login", Method: http.MethodPost, Path: "/api/v1/platform/auth/login", Tags: []string{"platform"},
		Summary: "Sign in as platform operator", Errors: []int{401, 422, 429},
	}, func(ctx context.Context, in *struct{ Body operatorLoginBody }) (*struct{ Body OperatorView }, error) {
		c := httpctx.Fiber(ctx)
		id, err := h.Login.Operator(ctx, in.Body.Username, in.Body.Password)
		if err != nil {
			return nil, err
		}
		token, csrf, err := h.Sessions.Create(ctx, session.KindPlatform, nil, id, c.Cookies(h.PlatformCookie))
		if err != nil {
			return nil, err
		}
		h.setCookies(c, h.PlatformCookie, token, csrf)
		return &struct{ Body OperatorView }{OperatorView{ID: id, Username: strings.TrimSpace(in.Body.Username)}}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "platform-logout", Method: http.MethodPost, Path: "/api/v1/platform/auth/logout", Tags: []string{"platform"},
		Summary: "Sign out the platform operator", DefaultStatus: http.StatusNoContent,
	}, func(ctx context.Context, _ *struct{}) (*struct{}, error) {
		c := httpctx.Fiber(ctx)
		if tok := c.Cookies(h.PlatformCookie); tok != "" {
			if err := h.Sessions.Delete(ctx, tok); err != nil {
				return nil, err
			}
		}
		h.clearCookies(c, h.PlatformCookie)
		return nil, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "platform-me", Method: http.MethodGet, Path: "/api/v1/platform/me", Tags: []string{"platform"},
		Summary: "The signed-in platform operator", Errors: []int{401},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body OperatorView }, error) {
		op, err := MustOperator(ctx)
		if err != nil {
			return nil, err
		}
		return &struct{ Body OperatorView }{OperatorView{ID: op.ID, Username: op.Username}}, nil
	})
}

// MustOperator returns the platform operator of ctx or a 401.
func MustOperator(ctx context.Context) (*session.Operator, error) {
	if op, ok := ctx.Value(session.OperatorKey).(*session.Operator); ok && op != nil {
		return op, nil
	}
	return nil, apperr.Unauthorized("sign in as platform operator first")
}

func itoa(n int) string { return strconv.Itoa(n) }
