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

// User checks a tenant user's credentials.
func (l *Login) User(ctx context.Context, tenantSlug, username, pw string) (*org.User, error) {
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
	if u.LockedUntil != nil && now.Before(*u.LockedUntil) {
		password.CheckNobody(pw)
		return nil, ErrBadCredentials
	}
	if !password.Check(pw, u.PasswordHash) {
		return nil, l.fail(ctx, &u, now)
	}
	if u.Status != org.StatusActive {
		return nil, ErrBadCredentials
	}
	if u.FailedLogins > 0 || u.LockedUntil != nil {
		err := l.DB.W.WithContext(ctx).Model(&u).Scopes(store.Tenant(t.ID)).
			Updates(map[string]any{"failed_logins": 0, "locked_until": nil}).Error
		if err != nil {
			return nil, err
		}
	}
	return &u, nil
}

// fail counts a failed attempt and locks the account at the threshold.
func (l *Login) fail(ctx context.Context, u *org.User, now time.Time) error {
	n := u.FailedLogins + 1
	upd := map[string]any{"failed_logins": n}
	if n >= l.LockoutThreshold {
		until := now.Add(l.LockoutDuration)
		upd = map[string]any{"failed_logins": 0, "locked_until": until}
	}
	if err := l.DB.W.WithContext(ctx).Model(u).Scopes(store.Tenant(u.TenantID)).Updates(upd).Error; err != nil {
		return err
	}
	return ErrBadCredentials
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
