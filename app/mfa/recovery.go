package mfa

import (
	"crypto/rand"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/store"
)

// recoveryCount is how many one-time codes a user gets.
const recoveryCount = 10

// recoveryAlphabet leaves out 0/o, 1/l/i: codes are read off paper.
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// newRecoveryCodes replaces the user's codes with ten new ones: 10
// characters of a 31-letter alphabet (about 50 bits) each, shown as
// "xxxxx-xxxxx". They are hashed like passwords.
func (s *Service) newRecoveryCodes(tx *gorm.DB, tenantID, userID int64) ([]string, error) {
	if err := tx.Scopes(store.Tenant(tenantID)).Where("user_id = ?", userID).Delete(&RecoveryCode{}).Error; err != nil {
		return nil, err
	}
	codes := make([]string, recoveryCount)
	rows := make([]RecoveryCode, recoveryCount)
	for i := range codes {
		b := make([]byte, 10)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		for j := range b {
			b[j] = recoveryAlphabet[int(b[j])%len(recoveryAlphabet)]
		}
		codes[i] = string(b[:5]) + "-" + string(b[5:])
		hash, err := password.Hash(string(b))
		if err != nil {
			return nil, err
		}
		rows[i] = RecoveryCode{TenantID: tenantID, UserID: userID, CodeHash: hash}
	}
	return codes, tx.Create(&rows).Error
}

// normalRecovery is a recovery code as typed, without case, spaces or dashes.
func normalRecovery(code string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(code)))
}

// useRecovery spends one unused recovery code that matches, once.
func (s *Service) useRecovery(tx *gorm.DB, tenantID, userID int64, code string, at time.Time) (bool, error) {
	code = normalRecovery(code)
	if len(code) != 10 {
		return false, nil
	}
	var rows []RecoveryCode
	if err := tx.Scopes(store.Tenant(tenantID)).Where("user_id = ? AND used_at IS NULL", userID).Find(&rows).Error; err != nil {
		return false, err
	}
	for _, r := range rows {
		if !password.Check(code, r.CodeHash) {
			continue
		}
		res := tx.Model(&RecoveryCode{}).Scopes(store.Tenant(tenantID)).Where("id = ? AND used_at IS NULL", r.ID).Update("used_at", at.UTC())
		return res.RowsAffected == 1, res.Error
	}
	return false, nil
}

// Check reports whether code completes a sign-in of the user: a TOTP code
// not used before, or an unused recovery code (spent by this check).
func (s *Service) Check(tx *gorm.DB, tenantID, userID int64, code string) (bool, error) {
	now := s.Now().UTC()
	code = strings.TrimSpace(code)
	if len(code) == 6 {
		return s.checkTOTP(tx, tenantID, userID, code, now)
	}
	return s.useRecovery(tx, tenantID, userID, code, now)
}
