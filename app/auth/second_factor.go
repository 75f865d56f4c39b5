package auth

import (
	"context"
	"net/http"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/mfa"
	"github.com/servicestar/servicestar/app/org"
)

// SecondFactorNeeded answers a right password whose sign-in needs a second
// factor: a 401 problem (no session yet) carrying the step to take and the
// short-lived token that takes it. It is given only after the right
// password, so it tells nothing a prober does not already know.
type SecondFactorNeeded struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Step   string `json:"mfa_step" enum:"verify,enrol" doc:"verify: type a code; enrol: the bank requires a second factor, set one up"`
	Token  string `json:"mfa_token" doc:"send with the code to /api/v1/auth/mfa/*; valid for 5 minutes"`
}

func (e *SecondFactorNeeded) Error() string { return e.Detail }

// SecondFactor is the step and its token, for a sign-in that cannot answer
// with a problem (an OpenID Connect callback redirects instead).
func (e *SecondFactorNeeded) SecondFactor() (step, token string) { return e.Step, e.Token }
func (e *SecondFactorNeeded) GetStatus() int                     { return e.Status }

// ContentType makes huma send it as problem+json.
func (e *SecondFactorNeeded) ContentType(string) string { return "application/problem+json" }

// Localize is the problem in lang.
func (e *SecondFactorNeeded) Localize(lang apperr.Lang) any {
	out := *e
	out.Title, out.Detail = apperr.Say(lang, e.Title, nil), apperr.Say(lang, e.Detail, nil)
	return &out
}

// errWrongCode is the one answer of a second-factor step that fails: a
// wrong, reused or expired code, an unknown or expired token, a locked or
// disabled account.
var errWrongCode = apperr.Unauthorized("wrong or expired code")

// secondStep opens the step a right password leads to, or answers nil when
// the user signs in with the password alone.
func (h *Handlers) secondStep(ctx context.Context, u *org.User) error {
	if h.MFA == nil {
		return nil
	}
	st, err := h.MFA.StateOf(ctx, h.DB.R, u.TenantID, u.ID)
	if err != nil {
		return err
	}
	return h.challenge(ctx, u, st)
}

// challenge opens the step st calls for: a code when u has a factor, an
// enrolment when the bank requires one; nil when neither.
func (h *Handlers) challenge(ctx context.Context, u *org.User, st mfa.State) error {
	purpose, detail := mfa.PurposeVerify, "enter the code from your authenticator app"
	switch {
	case st.Enrolled:
	case st.Required:
		purpose, detail = mfa.PurposeEnrol, "your bank requires a second factor; set one up to continue"
	default:
		return nil
	}
	token, err := h.MFA.NewChallenge(ctx, u.TenantID, u.ID, purpose)
	if err != nil {
		return err
	}
	return &SecondFactorNeeded{Title: http.StatusText(http.StatusUnauthorized), Status: http.StatusUnauthorized, Detail: detail, Step: purpose, Token: token}
}
