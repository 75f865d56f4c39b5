// Package mfa is the second factor of a sign-in: TOTP (RFC 6238) secrets,
// one-time recovery codes, and the short step between a right password and
// the code that completes it. Package auth drives the sign-in; this package
// keeps the factors and answers whether a code is good.
package mfa

import "time"

// TOTP is a user's authenticator secret. ConfirmedAt is nil while the user
// has been shown the secret but has not yet proved it with a code. The
// secret is never sent again after enrolment.
type TOTP struct {
	TenantID    int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID      int64 `gorm:"primaryKey;autoIncrement:false"`
	Secret      string
	ConfirmedAt *time.Time
	// LastStep is the 30-second step of the last code accepted: a code of
	// that step or an earlier one is refused, so an overheard code is spent.
	LastStep  int64
	CreatedAt time.Time
}

// TableName is the migration's name for the table.
func (TOTP) TableName() string { return "mfa_totp" }

// RecoveryCode is one hashed one-time code, for a lost phone.
type RecoveryCode struct {
	TenantID int64
	ID       int64 `gorm:"primaryKey"`
	UserID   int64
	CodeHash string
	UsedAt   *time.Time
}

// TableName is the migration's name for the table.
func (RecoveryCode) TableName() string { return "mfa_recovery_codes" }

// Challenge is the pending step of a sign-in whose password was right.
type Challenge struct {
	TenantID  int64  `gorm:"primaryKey;autoIncrement:false"`
	TokenHash string `gorm:"primaryKey"`
	UserID    int64
	Purpose   string // PurposeVerify or PurposeEnrol
	ExpiresAt time.Time
}

// TableName is the migration's name for the table.
func (Challenge) TableName() string { return "mfa_challenges" }

// What a pending step asks for.
const (
	PurposeVerify = "verify" // a code from the user's factor
	PurposeEnrol  = "enrol"  // the bank requires a factor the user has not set up
)

// Models lists the package's tenant-owned models, for the isolation test.
func Models() []any { return []any{&TOTP{}, &RecoveryCode{}, &Challenge{}} }
