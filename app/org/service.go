package org

import (
	"context"
	"errors"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/store"
)

// Service runs the org use cases: authorize, change, audit, in one transaction.
type Service struct {
	// Reads records looks at other people's data (nil records nothing).
	Reads             *readlog.Recorder
	DB                *store.DB
	Guard             access.Guard
	Now               func() time.Time
	MinPasswordLength int
	Operator          OperatorFrom
	// The server's lockout, which a bank's sign-in policy may change.
	LockoutThreshold int
	LockoutDuration  time.Duration

	// Placed, when set, runs inside the transaction that creates users,
	// moves them to another branch, changes their roles or imports them,
	// with their ids: training adds them to the open assignments whose
	// audience now takes them in.
	Placed func(ctx context.Context, tx *gorm.DB, tenantID int64, userIDs []int64) error
}

// placed calls Placed, if set, for users whose branch or roles changed in tx.
func (s *Service) placed(ctx context.Context, tx *gorm.DB, tenantID int64, userIDs ...int64) error {
	if s.Placed == nil || len(userIDs) == 0 {
		return nil
	}
	return s.Placed(ctx, tx, tenantID, userIDs)
}

// bumpPolicy moves the tenant's policy version inside tx, so every instance
// reloads its grants on the next request that reads the session.
func bumpPolicy(tx *gorm.DB, tenantID int64) error {
	return tx.Model(&Tenant{}).Where("id = ?", tenantID).
		UpdateColumn("policy_version", gorm.Expr("policy_version + 1")).Error
}

// branchByID loads a branch of the tenant, or a 404.
func branchByID(ctx context.Context, db *gorm.DB, tenantID, id int64) (*Branch, error) {
	var b Branch
	err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&b).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("branch")
	}
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// userByID loads a user of the tenant, or a 404.
func userByID(ctx context.Context, db *gorm.DB, tenantID, id int64) (*User, error) {
	var u User
	err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("user")
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// rootBranch returns the tenant's head office.
func rootBranch(ctx context.Context, db *gorm.DB, tenantID int64) (*Branch, error) {
	var b Branch
	err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("parent_id IS NULL").Take(&b).Error
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// coveredByAny reports whether one of the scopes reaches path.
func coveredByAny(scopes []string, path string) bool {
	for _, sc := range scopes {
		if authz.Covers(sc, path) {
			return true
		}
	}
	return false
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
