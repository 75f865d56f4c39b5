package auth

import (
	"context"
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/mfa"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

type stepBody struct {
	Token string `json:"token" minLength:"1" maxLength:"128" doc:"mfa_token of the sign-in's answer"`
}

type stepCodeBody struct {
	Token string `json:"token" minLength:"1" maxLength:"128" doc:"mfa_token of the sign-in's answer"`
	Code  string `json:"code" minLength:"1" maxLength:"32" doc:"six digits from the app, or a recovery code"`
}

// EnrolledSignIn is a sign-in completed by setting up a second factor: the
// user, and their recovery codes, shown this once.
type EnrolledSignIn struct {
	Me            Me       `json:"me"`
	RecoveryCodes []string `json:"recovery_codes"`
}

// secondFactorRoutes are the steps after a right password. They need no
// session (there is none yet): the step's token stands for the password.
func (h *Handlers) secondFactorRoutes(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "login-mfa-verify", Method: http.MethodPost, Path: "/api/v1/auth/mfa/verify", Tags: []string{"auth"},
		Summary: "Complete a sign-in with a code from the authenticator app or a recovery code", Errors: []int{401, 422},
	}, func(ctx context.Context, in *struct{ Body stepCodeBody }) (*meOutput, error) {
		u, err := h.passStep(ctx, in.Body.Token, mfa.PurposeVerify, func(tx *gorm.DB, u *org.User) error {
			ok, err := h.MFA.Check(tx, u.TenantID, u.ID, in.Body.Code)
			if err == nil && !ok {
				err = errWrongCode
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		return h.startSession(ctx, u)
	})

	huma.Register(api, huma.Operation{
		OperationID: "login-mfa-enrol", Method: http.MethodPost, Path: "/api/v1/auth/mfa/enrol", Tags: []string{"auth"},
		Summary: "Start setting up the second factor the bank requires, during sign-in", Errors: []int{401, 409, 422},
	}, func(ctx context.Context, in *struct{ Body stepBody }) (*struct{ Body *mfa.Enrolment }, error) {
		var u *org.User
		err := h.DB.Tx(ctx, func(tx *gorm.DB) error {
			var err error
			_, u, err = h.openStep(tx, in.Body.Token, mfa.PurposeEnrol)
			return err
		})
		if err != nil {
			return nil, err
		}
		var t org.Tenant
		if err := h.DB.R.WithContext(ctx).Where("id = ?", u.TenantID).Take(&t).Error; err != nil {
			return nil, err
		}
		e, err := h.MFA.Start(ctx, u.TenantID, u.ID, t.Slug+"/"+u.Username)
		if err != nil {
			return nil, err
		}
		return &struct{ Body *mfa.Enrolment }{e}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "login-mfa-enrol-confirm", Method: http.MethodPost, Path: "/api/v1/auth/mfa/enrol/confirm", Tags: []string{"auth"},
		Summary: "Finish setting up the second factor with a code and complete the sign-in; answers the recovery codes, once", Errors: []int{401, 409, 422},
	}, func(ctx context.Context, in *struct{ Body stepCodeBody }) (*struct{ Body EnrolledSignIn }, error) {
		var codes []string
		u, err := h.passStep(ctx, in.Body.Token, mfa.PurposeEnrol, func(tx *gorm.DB, u *org.User) error {
			var err error
			if codes, err = h.MFA.Confirm(ctx, tx, u.TenantID, u.ID, in.Body.Code); err != nil {
				return err
			}
			by := audit.Actor{TenantID: u.TenantID, UserID: &u.ID, Name: u.DisplayName}
			return audit.Record(ctx, tx, by, h.Sessions.Now(), "user.mfa_enrol", "user", itoa(int(u.ID)), nil, nil)
		})
		if err != nil {
			return nil, err
		}
		out, err := h.startSession(ctx, u)
		if err != nil {
			return nil, err
		}
		return &struct{ Body EnrolledSignIn }{EnrolledSignIn{Me: out.Body, RecoveryCodes: codes}}, nil
	})
}

// openStep finds the open step of token and its user, who must still be
// active and not locked out; anything else is errWrongCode.
func (h *Handlers) openStep(tx *gorm.DB, token, purpose string) (*mfa.Challenge, *org.User, error) {
	if h.MFA == nil {
		return nil, nil, errWrongCode
	}
	c, err := h.MFA.Pending(tx, token, purpose)
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		return nil, nil, errWrongCode
	}
	var u org.User
	if err := tx.Scopes(store.Tenant(c.TenantID)).Where("id = ?", c.UserID).Take(&u).Error; err != nil {
		return nil, nil, errWrongCode
	}
	if u.Status != org.StatusActive || h.Login.Locked(&u, h.Login.Now().UTC()) {
		return nil, nil, errWrongCode
	}
	return c, &u, nil
}

// passStep runs check on the open step of token in one transaction and
// closes the step when it passes. A failed check counts toward the same
// lockout as a wrong password, after the transaction (on SQLite the count
// needs the one writer the transaction holds).
func (h *Handlers) passStep(ctx context.Context, token, purpose string, check func(tx *gorm.DB, u *org.User) error) (*org.User, error) {
	var u *org.User
	var failed bool
	err := h.DB.Tx(ctx, func(tx *gorm.DB) error {
		c, user, err := h.openStep(tx, token, purpose)
		if err != nil {
			return err
		}
		u = user
		if err := check(tx, u); err != nil {
			failed = isWrongCode(err)
			return err
		}
		return h.MFA.Close(tx, c)
	})
	if failed {
		if ferr := h.Login.Failed(ctx, u); ferr != nil {
			return nil, ferr
		}
	}
	if err != nil {
		return nil, err
	}
	return u, h.Login.Succeeded(ctx, u)
}

// isWrongCode tells a code that did not match from a fault of the server.
func isWrongCode(err error) bool {
	var p interface{ GetStatus() int }
	return errors.As(err, &p) && (p.GetStatus() == http.StatusUnauthorized || p.GetStatus() == http.StatusUnprocessableEntity)
}
