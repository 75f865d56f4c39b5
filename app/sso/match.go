package sso

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// errUnknownCode: the identity system vouched for someone whose employee
// code no active user of the bank has. Sign-in never creates a user.
var errUnknownCode = errors.New("no active user with this employee code")

// tenantBySlug finds a bank by its code; nil when there is none.
func (s *Service) tenantBySlug(ctx context.Context, slug string) (*org.Tenant, error) {
	var ts []org.Tenant
	if err := s.DB.R.WithContext(ctx).Where("slug = ?", strings.TrimSpace(slug)).Limit(1).Find(&ts).Error; err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, nil
	}
	return &ts[0], nil
}

// signIn finds the bank's active user with code and starts their session,
// recording either outcome in the bank's audit log (how, and which code).
func (s *Service) signIn(ctx context.Context, tenantID int64, method, code string) (*org.User, error) {
	code = strings.TrimSpace(code)
	var u org.User
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).
		Where("employee_code = ? AND status = ?", code, org.StatusActive).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && code == "") {
		if err := s.record(ctx, tenantID, method+".refused", "employee_code", code, map[string]string{"reason": "no active user has this employee code"}); err != nil {
			return nil, err
		}
		return nil, errUnknownCode
	}
	if err != nil {
		return nil, err
	}
	if err := s.Sessions.StartSession(ctx, &u); err != nil {
		var step SecondFactor
		if errors.As(err, &step) {
			// Vouched for, but the bank wants its own second factor too.
			if rerr := s.record(ctx, tenantID, method+".second_factor", "user", strconv.FormatInt(u.ID, 10), map[string]string{"employee_code": code}); rerr != nil {
				return nil, rerr
			}
		}
		return nil, err
	}
	if err := s.record(ctx, tenantID, method+".login", "user", strconv.FormatInt(u.ID, 10), map[string]string{"employee_code": code}); err != nil {
		return nil, err
	}
	return &u, nil
}

func (s *Service) record(ctx context.Context, tenantID int64, action, targetType, targetID string, after any) error {
	return s.DB.Tx(ctx, func(tx *gorm.DB) error {
		return audit.Record(ctx, tx, audit.System(tenantID, "sso"), s.Now(), action, targetType, targetID, nil, after)
	})
}
