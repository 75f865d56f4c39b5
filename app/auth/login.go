package auth

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/store"
)

// Login checks credentials and applies the account lockout.
type Login struct {
	DB               *store.DB
	Now              func() time.Time
	LockoutThreshold int
	LockoutDuration  time.Duration
}

// ErrBadCredentials is the one answer for an unknown tenant, unknown user,
// disabled user or wrong password, so none can be told from the others.
var ErrBadCredentials = apperr.Unauthorized("wrong bank code, username or password")

// User checks a tenant user's credentials and, when they are right, clears
// the count of failed attempts: the sign-in is complete.
func (l *Login) User(ctx context.Context, tenantSlug, username, pw string) (*org.User, error) {
	u, err := l.Password(ctx, tenantSlug, username, pw)
	if err != nil {
		return nil, err
	}
	return u, l.Succeeded(ctx, u)
}

// Password checks a tenant user's credentials and leaves the count of
// failed attempts alone: a right password followed by a wrong second factor
// must not start the count again, or the password would buy endless guesses
// at the code.
func (l *Login) Password(ctx context.Context, tenantSlug, username, pw string) (*org.User, error) {
	var t org.Tenant
	err := l.DB.R.WithContext(ctx).Where("slug = ?", strings.TrimSpace(tenantSlug)).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		password.CheckNobody(pw)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, err
	}
	var u org.User
	err = l.DB.R.WithContext(ctx).Scopes(store.Tenant(t.ID)).Where("username = ?", strings.TrimSpace(username)).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		password.CheckNobody(pw)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, err
	}
	now := l.Now().UTC()
	// A locked account answers exactly as a wrong password does (and spends
	// the same hashing time): a distinct answer would tell a prober which
	// usernames exist. The right password is refused all the same.
	if l.Locked(&u, now) {
		password.CheckNobody(pw)
		return nil, ErrBadCredentials
	}
	if !password.Check(pw, u.PasswordHash) {
		if err := l.Failed(ctx, &u); err != nil {
			return nil, err
		}
		return nil, ErrBadCredentials
	}
	if u.Status != org.StatusActive {
		return nil, ErrBadCredentials
	}
	return &u, nil
}

// Locked reports whether u is locked out at now.
func (l *Login) Locked(u *org.User, now time.Time) bool {
	return u.LockedUntil != nil && now.Before(*u.LockedUntil)
}

// Succeeded clears the count of failed attempts of a completed sign-in.
func (l *Login) Succeeded(ctx context.Context, u *org.User) error {
	if u.FailedLogins == 0 && u.LockedUntil == nil {
		return nil
	}
	return l.DB.W.WithContext(ctx).Model(u).Scopes(store.Tenant(u.TenantID)).
		Updates(map[string]any{"failed_logins": 0, "locked_until": nil}).Error
}

// policy is the bank's lockout over the server's.
func (l *Login) policy(ctx context.Context, tenantID int64) (org.SignInPolicy, error) {
	return org.LoadSignInPolicy(ctx, l.DB.R, tenantID, org.PolicyDefaults{LockoutThreshold: l.LockoutThreshold, LockoutDuration: l.LockoutDuration})
}

// Failed counts a failed attempt (a wrong password or second-factor code)
// and locks the account at the bank's threshold. The count is moved in
// the database, so attempts on two instances add up.
func (l *Login) Failed(ctx context.Context, u *org.User) error {
	pol, err := l.policy(ctx, u.TenantID)
	if err != nil {
		return err
	}
	return l.DB.Tx(ctx, func(tx *gorm.DB) error {
		var n int
		err := tx.Raw("UPDATE users SET failed_logins = failed_logins + 1 WHERE tenant_id = ? AND id = ? RETURNING failed_logins", u.TenantID, u.ID).Scan(&n).Error
		if err != nil || n < pol.LockoutThreshold {
			return err
		}
		until := l.Now().UTC().Add(pol.LockoutDuration())
		return tx.Model(u).Scopes(store.Tenant(u.TenantID)).Updates(map[string]any{"failed_logins": 0, "locked_until": until}).Error
	})
}

// Operator checks a platform operator's credentials.
func (l *Login) Operator(ctx context.Context, username, pw string) (int64, error) {
	var o struct {
		ID           int64
		PasswordHash string
	}
	res := l.DB.R.WithContext(ctx).Raw("SELECT id, password_hash FROM platform_operators WHERE username = ?", strings.TrimSpace(username)).Scan(&o)
	if res.Error != nil {
		return 0, res.Error
	}
	if res.RowsAffected == 0 {
		password.CheckNobody(pw)
		return 0, apperr.Unauthorized("wrong username or password")
	}
	if !password.Check(pw, o.PasswordHash) {
		return 0, apperr.Unauthorized("wrong username or password")
	}
	return o.ID, nil
}
