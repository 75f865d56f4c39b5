package mfa

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"image/png"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// period is RFC 6238's default step, the one every authenticator app uses.
const period = 30

// skew accepts the step before and after the server's: a phone's clock a
// few seconds off, or a code typed as it changed.
const skew = 1

// Enrolment is what a user needs to set up an authenticator app: the key to
// type, the otpauth URI, and the same URI as a QR code (a PNG data URL).
type Enrolment struct {
	Secret string `json:"secret" doc:"base32 key, for typing into the app by hand"`
	URI    string `json:"uri" doc:"otpauth:// URI"`
	QR     string `json:"qr" doc:"the URI as a QR code, a data:image/png URL"`
}

// ErrAlreadyEnrolled refuses a second enrolment: an admin resets the first.
var ErrAlreadyEnrolled = apperr.Conflict("a second factor is already set up; an administrator can reset it")

// errWrongCode is the one answer for any code that does not complete the step.
var errWrongCode = apperr.Invalid(apperr.Field{Location: "body.code", Message: "wrong or expired code"})

// Start gives a user a new secret to confirm; an unconfirmed earlier one is
// replaced. account is how the app labels it (bank code and user name).
func (s *Service) Start(ctx context.Context, tenantID, userID int64, account string) (*Enrolment, error) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: s.Issuer, AccountName: account, Period: period})
	if err != nil {
		return nil, err
	}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var have []TOTP
		if err := tx.Scopes(store.Tenant(tenantID)).Where("user_id = ?", userID).Find(&have).Error; err != nil {
			return err
		}
		if len(have) > 0 && have[0].ConfirmedAt != nil {
			return ErrAlreadyEnrolled
		}
		sealed, err := s.seal(key.Secret(), tenantID, userID)
		if err != nil {
			return err
		}
		row := TOTP{TenantID: tenantID, UserID: userID, Secret: sealed, CreatedAt: s.Now().UTC()}
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "tenant_id"}, {Name: "user_id"}},
			DoUpdates: clause.AssignmentColumns([]string{"secret", "created_at", "last_step"})}).Create(&row).Error
	})
	if err != nil {
		return nil, err
	}
	qr, err := qrDataURL(key)
	if err != nil {
		return nil, err
	}
	return &Enrolment{Secret: key.Secret(), URI: key.URL(), QR: qr}, nil
}

func qrDataURL(key *otp.Key) (string, error) {
	img, err := key.Image(240, 240)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// Confirm proves a started enrolment with a code and returns the user's
// new recovery codes (shown once; only their hashes are kept).
func (s *Service) Confirm(ctx context.Context, tx *gorm.DB, tenantID, userID int64, code string) ([]string, error) {
	var row TOTP
	err := tx.Scopes(store.Tenant(tenantID)).Where("user_id = ?", userID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Invalid(apperr.Field{Location: "body.code", Message: "start the set-up first"})
	}
	if err != nil {
		return nil, err
	}
	if row.ConfirmedAt != nil {
		return nil, ErrAlreadyEnrolled
	}
	now := s.Now().UTC()
	step, ok := matchStep(s.open(row), code, now)
	if !ok {
		return nil, errWrongCode
	}
	err = tx.Model(&TOTP{}).Scopes(store.Tenant(tenantID)).Where("user_id = ?", userID).
		Updates(map[string]any{"confirmed_at": now, "last_step": step}).Error
	if err != nil {
		return nil, err
	}
	return s.newRecoveryCodes(tx, tenantID, userID)
}

// matchStep finds the step within skew whose code is code.
func matchStep(secret, code string, at time.Time) (int64, bool) {
	if len(code) != 6 || secret == "" {
		return 0, false
	}
	now := at.Unix() / period
	for d := int64(-skew); d <= skew; d++ {
		want, err := totp.GenerateCodeCustom(secret, time.Unix((now+d)*period, 0), totp.ValidateOpts{Period: period, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return now + d, true
		}
	}
	return 0, false
}

// checkTOTP accepts a code of the user's confirmed factor once: the step it
// belongs to must come after the last one used, and moving the mark is
// conditional, so two instances given the same code accept it once.
func (s *Service) checkTOTP(tx *gorm.DB, tenantID, userID int64, code string, at time.Time) (bool, error) {
	var rows []TOTP
	err := tx.Scopes(store.Tenant(tenantID)).Where("user_id = ? AND confirmed_at IS NOT NULL", userID).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return false, err
	}
	step, ok := matchStep(s.open(rows[0]), code, at)
	if !ok || step <= rows[0].LastStep {
		return false, nil
	}
	res := tx.Model(&TOTP{}).Scopes(store.Tenant(tenantID)).Where("user_id = ? AND last_step < ?", userID, step).Update("last_step", step)
	return res.RowsAffected == 1, res.Error
}
