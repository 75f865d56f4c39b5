package mfa

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/session"
	"github.com/servicestar/servicestar/app/store"
)

// Status is a user's own view of their second factor.
type Status struct {
	Enrolled          bool       `json:"enrolled"`
	EnrolledAt        *time.Time `json:"enrolled_at,omitempty"`
	Required          bool       `json:"required" doc:"the bank requires a second factor of one of my roles"`
	RecoveryCodesLeft int        `json:"recovery_codes_left"`
}

// StatusOf is the principal's own second factor.
func (s *Service) StatusOf(ctx context.Context, p *access.Principal) (*Status, error) {
	st, err := s.StateOf(ctx, s.DB.R, p.TenantID, p.UserID)
	if err != nil {
		return nil, err
	}
	out := &Status{Enrolled: st.Enrolled, Required: st.Required}
	if !st.Enrolled {
		return out, nil
	}
	var row TOTP
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("user_id = ?", p.UserID).Take(&row).Error; err != nil {
		return nil, err
	}
	out.EnrolledAt = row.ConfirmedAt
	var n int64
	err = s.DB.R.WithContext(ctx).Model(&RecoveryCode{}).Scopes(store.Tenant(p.TenantID)).
		Where("user_id = ? AND used_at IS NULL", p.UserID).Count(&n).Error
	out.RecoveryCodesLeft = int(n)
	return out, err
}

// ConfirmOwn confirms the principal's own enrolment, audited.
func (s *Service) ConfirmOwn(ctx context.Context, p *access.Principal, code string) ([]string, error) {
	var codes []string
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var err error
		if codes, err = s.Confirm(ctx, tx, p.TenantID, p.UserID, code); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), s.Now(), "user.mfa_enrol", "user", itoa(p.UserID), nil, nil)
	})
	return codes, err
}

// Reset removes a user's second factor and recovery codes (a lost phone),
// ending their sessions: users.write at the user's branch, audited. A bank
// that requires a factor of the user's role takes them to enrolment at
// their next sign-in.
func (s *Service) Reset(ctx context.Context, p *access.Principal, userID int64) error {
	return s.Org.ChangeUser(ctx, p, userID, "user.reset_mfa", func(tx *gorm.DB, u *org.User) error {
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("user_id = ?", u.ID).Delete(&TOTP{}).Error; err != nil {
			return err
		}
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("user_id = ?", u.ID).Delete(&RecoveryCode{}).Error; err != nil {
			return err
		}
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("user_id = ?", u.ID).Delete(&Challenge{}).Error; err != nil {
			return err
		}
		return session.EndUser(tx, p.TenantID, u.ID)
	})
}
