package careers

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// person is a user with where they sit.
type person struct {
	ID          int64
	DisplayName string
	BranchID    int64
	BranchName  string
	BranchPath  string
}

// CareerPerson names a person in a view.
type CareerPerson struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	BranchID   int64  `json:"branch_id"`
	BranchName string `json:"branch_name"`
}

func (p person) ref() CareerPerson {
	return CareerPerson{ID: p.ID, Name: p.DisplayName, BranchID: p.BranchID, BranchName: p.BranchName}
}

func (s *Service) personByID(ctx context.Context, db *gorm.DB, tenantID, id int64) (*person, error) {
	var out []person
	err := db.WithContext(ctx).Model(&org.User{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN branches b ON b.tenant_id = users.tenant_id AND b.id = users.branch_id").
		Select("users.id, users.display_name, users.branch_id, b.name AS branch_name, b.path AS branch_path").
		Where("users.id = ?", id).Limit(1).Scan(&out).Error
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, apperr.NotFound("user")
	}
	return &out[0], nil
}

// readable loads a person p may read the career of: themself, a manager's
// subtree, HR. Anyone else's answers like a missing user.
func (s *Service) readable(ctx context.Context, p *access.Principal, id int64) (*person, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermReview, PermManage); err != nil {
		return nil, err
	}
	who, err := s.personByID(ctx, s.DB.R, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	for _, perm := range []authz.Permission{PermReview, PermManage} {
		ok, err := s.Guard.Allows(ctx, p, who.BranchPath, perm)
		if err != nil {
			return nil, err
		}
		if ok {
			return who, nil
		}
	}
	return nil, apperr.NotFound("user")
}

// manageable loads a person HR may place, promote or date.
func (s *Service) manageable(ctx context.Context, tx *gorm.DB, p *access.Principal, id int64) (*person, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	who, err := s.personByID(ctx, tx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, who.BranchPath, PermManage, "user"); err != nil {
		return nil, err
	}
	return who, nil
}

func (s *Service) profile(ctx context.Context, db *gorm.DB, tenantID, userID int64) (*Profile, error) {
	var ps []Profile
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("user_id = ?", userID).Limit(1).Find(&ps).Error; err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, nil
	}
	return &ps[0], nil
}

func (s *Service) location(ctx context.Context, tenantID int64) (*time.Location, error) {
	var t org.Tenant
	if err := s.DB.R.WithContext(ctx).Where("id = ?", tenantID).Take(&t).Error; err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("careers: tenant %d time zone %q: %w", tenantID, t.TimeZone, err)
	}
	return loc, nil
}
