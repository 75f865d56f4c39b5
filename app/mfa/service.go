package mfa

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/auth/secretbox"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// Service keeps the second factors of a bank's users.
type Service struct {
	DB       *store.DB
	Guard    access.Guard
	Now      func() time.Time
	Org      *org.Service // the user writes an admin's reset goes through
	Defaults org.PolicyDefaults
	Issuer   string         // shown by the authenticator app beside the account
	Box      *secretbox.Box // seals the TOTP secrets at rest
}

// State is what a sign-in must ask of a user after the password.
type State struct {
	Enrolled bool // a confirmed TOTP factor
	Required bool // a role of the user is one the bank requires a factor for
	// SSOSatisfiesMFA: the bank lets a sign-in through its identity
	// provider stand for the second factor (its sign-in policy).
	SSOSatisfiesMFA bool
}

// StateOf reads a user's factor and whether the bank requires one.
func (s *Service) StateOf(ctx context.Context, db *gorm.DB, tenantID, userID int64) (State, error) {
	var st State
	var n int64
	err := db.WithContext(ctx).Model(&TOTP{}).Scopes(store.Tenant(tenantID)).
		Where("user_id = ? AND confirmed_at IS NOT NULL", userID).Count(&n).Error
	if err != nil {
		return st, err
	}
	st.Enrolled = n > 0
	pol, err := org.LoadSignInPolicy(ctx, db, tenantID, s.Defaults)
	st.SSOSatisfiesMFA = pol.SSOSatisfiesMFA
	if err != nil || len(pol.MFARoles) == 0 {
		return st, err
	}
	grants, err := authz.GrantsOf(db.WithContext(ctx), tenantID, []int64{userID})
	if err != nil {
		return st, err
	}
	var roles []string
	for _, g := range grants[userID] {
		roles = append(roles, g.Role)
	}
	st.Required = pol.RequiresMFA(roles)
	return st, nil
}
