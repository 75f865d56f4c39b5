package mfa

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
)

// challengeTTL is how long the step after the password stays open: time to
// unlock a phone and type a code, not to leave a half sign-in lying about.
const challengeTTL = 5 * time.Minute

// NewChallenge opens the step after a right password and returns its token,
// "<tenant id>.<random>": the tenant part finds the row the way every
// tenant row is found; the random part is stored only as a hash. Expired
// steps of the bank are deleted here, on this write.
func (s *Service) NewChallenge(ctx context.Context, tenantID, userID int64, purpose string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := strconv.FormatInt(tenantID, 10) + "." + base64.RawURLEncoding.EncodeToString(b)
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Scopes(store.Tenant(tenantID)).Where("expires_at < ?", now).Delete(&Challenge{}).Error; err != nil {
			return err
		}
		return tx.Create(&Challenge{TenantID: tenantID, TokenHash: hashToken(token), UserID: userID, Purpose: purpose, ExpiresAt: now.Add(challengeTTL)}).Error
	})
	return token, err
}

func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Pending finds the open step of token for purpose inside tx, or nil when
// the token is unknown, expired or for another step.
func (s *Service) Pending(tx *gorm.DB, token, purpose string) (*Challenge, error) {
	tenant, _, ok := strings.Cut(token, ".")
	tenantID, err := strconv.ParseInt(tenant, 10, 64)
	if !ok || err != nil || tenantID <= 0 {
		return nil, nil
	}
	var rows []Challenge
	err = tx.Scopes(store.Tenant(tenantID)).Where("token_hash = ? AND purpose = ? AND expires_at >= ?", hashToken(token), purpose, s.Now().UTC()).
		Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// Close ends a step, once it has led to a session.
func (s *Service) Close(tx *gorm.DB, c *Challenge) error {
	return tx.Scopes(store.Tenant(c.TenantID)).Where("token_hash = ?", c.TokenHash).Delete(&Challenge{}).Error
}
