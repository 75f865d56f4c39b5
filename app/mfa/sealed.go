package mfa

import (
	"context"
	"strconv"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// A TOTP secret is sealed (app/auth/secretbox) for its bank and user: a copy
// of the database alone does not give the seeds away, and a row moved to
// another user does not open, so no code is good for it.
const placeTOTP = "mfa_totp.secret"

func (s *Service) seal(secret string, tenantID, userID int64) (string, error) {
	return s.Box.Seal(secret, placeTOTP, strconv.FormatInt(tenantID, 10), strconv.FormatInt(userID, 10))
}

// open is the row's secret, or "" when it does not open: then no code
// matches (fail closed), and the admin's reset lets the user enrol again.
func (s *Service) open(row TOTP) string {
	plain, err := s.Box.Open(row.Secret, placeTOTP, strconv.FormatInt(row.TenantID, 10), strconv.FormatInt(row.UserID, 10))
	if err != nil {
		return ""
	}
	return plain
}

// SealStored seals the secrets an older version stored in plaintext; run at
// start, before any sign-in reads them. Sealed rows are left as they are.
func (s *Service) SealStored(ctx context.Context) error {
	return s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var banks []int64
		if err := tx.WithContext(ctx).Model(&org.Tenant{}).Pluck("id", &banks).Error; err != nil {
			return err
		}
		for _, id := range banks {
			var rows []TOTP
			if err := tx.Scopes(store.Tenant(id)).Where("secret NOT LIKE 'v1:%'").Find(&rows).Error; err != nil {
				return err
			}
			for _, r := range rows {
				sealed, err := s.seal(r.Secret, r.TenantID, r.UserID)
				if err != nil {
					return err
				}
				if err := tx.Model(&TOTP{}).Scopes(store.Tenant(id)).Where("user_id = ?", r.UserID).Update("secret", sealed).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
}
