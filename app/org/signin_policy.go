package org

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
)

// SignInPolicyRow is a bank's own sign-in rules; a NULL column keeps the
// server's default (SS_MIN_PASSWORD_LENGTH, SS_LOCKOUT_*), so a bank that
// never opened the settings page follows the operator's configuration.
type SignInPolicyRow struct {
	TenantID          int64 `gorm:"primaryKey"`
	MinPasswordLength *int
	LockoutThreshold  *int
	LockoutMinutes    *int
	MFARoles          string `gorm:"column:mfa_roles"` // comma-separated role names
	SSOSatisfiesMFA   *bool  `gorm:"column:sso_satisfies_mfa"`
	UpdatedAt         time.Time
}

// TableName is the migration's name for the table.
func (SignInPolicyRow) TableName() string { return "sign_in_policies" }

// SignInPolicy is the policy in force for a bank.
type SignInPolicy struct {
	MinPasswordLength int      `json:"min_password_length" doc:"shortest password a user may choose"`
	LockoutThreshold  int      `json:"lockout_threshold" doc:"failed sign-ins (passwords or second-factor codes) in a row that lock the account"`
	LockoutMinutes    int      `json:"lockout_minutes" doc:"how long a locked account stays locked"`
	MFARoles          []string `json:"mfa_roles" doc:"roles whose holders must sign in with a second factor"`
	SSOSatisfiesMFA   bool     `json:"sso_satisfies_mfa" doc:"a sign-in through the bank's identity provider (OIDC or LDAP) counts as the second factor: the provider enforces its own. When false, SSO sign-ins take the same second-factor step as passwords"`
}

// LockoutDuration is LockoutMinutes as a duration.
func (p SignInPolicy) LockoutDuration() time.Duration {
	return time.Duration(p.LockoutMinutes) * time.Minute
}

// RequiresMFA reports whether any of roles is one the bank requires a second factor for.
func (p SignInPolicy) RequiresMFA(roles []string) bool {
	for _, r := range roles {
		if slices.Contains(p.MFARoles, r) {
			return true
		}
	}
	return false
}

// Bounds of the settings a bank may choose: below them an account is easy
// to guess or to lock out for good, above them useless to anyone.
const (
	MinPasswordLengthFloor = 8
	MinPasswordLengthCeil  = 64
	LockoutThresholdMin    = 3
	LockoutThresholdMax    = 20
	LockoutMinutesMin      = 1
	LockoutMinutesMax      = 1440
)

// PolicyDefaults are the server's defaults a bank's NULL columns keep.
type PolicyDefaults struct {
	MinPasswordLength int
	LockoutThreshold  int
	LockoutDuration   time.Duration
}

// LoadSignInPolicy reads a bank's policy over the defaults; a bank with no
// row has the defaults and requires no second factor.
func LoadSignInPolicy(ctx context.Context, db *gorm.DB, tenantID int64, d PolicyDefaults) (SignInPolicy, error) {
	out := SignInPolicy{MinPasswordLength: d.MinPasswordLength, LockoutThreshold: d.LockoutThreshold,
		LockoutMinutes: int(d.LockoutDuration / time.Minute), MFARoles: []string{}, SSOSatisfiesMFA: true}
	if out.LockoutMinutes < 1 {
		out.LockoutMinutes = 1
	}
	var rows []SignInPolicyRow
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Limit(1).Find(&rows).Error; err != nil {
		return out, err
	}
	if len(rows) == 0 {
		return out, nil
	}
	r := rows[0]
	if r.MinPasswordLength != nil {
		out.MinPasswordLength = *r.MinPasswordLength
	}
	if r.LockoutThreshold != nil {
		out.LockoutThreshold = *r.LockoutThreshold
	}
	if r.LockoutMinutes != nil {
		out.LockoutMinutes = *r.LockoutMinutes
	}
	if r.SSOSatisfiesMFA != nil {
		out.SSOSatisfiesMFA = *r.SSOSatisfiesMFA
	}
	for _, role := range strings.Split(r.MFARoles, ",") {
		if role = strings.TrimSpace(role); role != "" {
			out.MFARoles = append(out.MFARoles, role)
		}
	}
	return out, nil
}

func (s *Service) policyDefaults() PolicyDefaults {
	return PolicyDefaults{MinPasswordLength: s.MinPasswordLength, LockoutThreshold: s.LockoutThreshold, LockoutDuration: s.LockoutDuration}
}

// SignInPolicy is the policy of the principal's bank (tenant.write).
func (s *Service) SignInPolicy(ctx context.Context, p *access.Principal) (SignInPolicy, error) {
	if err := s.requireTenantWrite(ctx, p); err != nil {
		return SignInPolicy{}, err
	}
	return LoadSignInPolicy(ctx, s.DB.R, p.TenantID, s.policyDefaults())
}

func (s *Service) requireTenantWrite(ctx context.Context, p *access.Principal) error {
	if err := s.Guard.Can(ctx, p, PermTenantWrite); err != nil {
		return err
	}
	root, err := rootBranch(ctx, s.DB.R, p.TenantID)
	if err != nil {
		return err
	}
	return s.Guard.Require(ctx, p, root.Path, PermTenantWrite, "tenant")
}

// validatePolicy names every field outside its bounds.
func validatePolicy(in SignInPolicy) []apperr.Field {
	var bad []apperr.Field
	between := func(loc string, v, lo, hi int) {
		if v < lo || v > hi {
			bad = append(bad, apperr.Field{Location: loc, Message: "between {min} and {max}", Args: apperr.Args{"min": lo, "max": hi}, Value: v})
		}
	}
	between("body.min_password_length", in.MinPasswordLength, MinPasswordLengthFloor, MinPasswordLengthCeil)
	between("body.lockout_threshold", in.LockoutThreshold, LockoutThresholdMin, LockoutThresholdMax)
	between("body.lockout_minutes", in.LockoutMinutes, LockoutMinutesMin, LockoutMinutesMax)
	for i, r := range in.MFARoles {
		if !authz.ValidRole(r) {
			bad = append(bad, apperr.Field{Location: "body.mfa_roles[" + itoa(int64(i)) + "]", Message: "one of employee, manager, hr, tenant_admin, auditor", Value: r})
		}
	}
	return bad
}

// SetSignInPolicy replaces the bank's policy, audited. Users already
// signed in keep their sessions; the rules apply from their next sign-in.
func (s *Service) SetSignInPolicy(ctx context.Context, p *access.Principal, in SignInPolicy) (SignInPolicy, error) {
	if err := s.requireTenantWrite(ctx, p); err != nil {
		return SignInPolicy{}, err
	}
	if bad := validatePolicy(in); len(bad) > 0 {
		return SignInPolicy{}, apperr.Invalid(bad...)
	}
	roles := []string{}
	for _, r := range authz.Roles { // stored in the one display order, without repeats
		if slices.Contains(in.MFARoles, r) {
			roles = append(roles, r)
		}
	}
	in.MFARoles = roles
	var out SignInPolicy
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		before, err := LoadSignInPolicy(ctx, tx, p.TenantID, s.policyDefaults())
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		row := SignInPolicyRow{TenantID: p.TenantID, MinPasswordLength: &in.MinPasswordLength, LockoutThreshold: &in.LockoutThreshold,
			LockoutMinutes: &in.LockoutMinutes, MFARoles: strings.Join(roles, ","), SSOSatisfiesMFA: &in.SSOSatisfiesMFA, UpdatedAt: now}
		err = tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "tenant_id"}}, UpdateAll: true}).Create(&row).Error
		if err != nil {
			return err
		}
		out = in
		return audit.Record(ctx, tx, audit.By(p), now, "tenant.sign_in_policy", "tenant", itoa(p.TenantID), before, in)
	})
	return out, err
}
