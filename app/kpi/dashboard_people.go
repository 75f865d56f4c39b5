package kpi

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// Me is the caller's own scorecard of a period.
func (s *Service) Me(ctx context.Context, p *access.Principal, key string) (*Scorecard, error) {
	if err := s.Guard.Can(ctx, p, PermSelf); err != nil {
		return nil, err
	}
	per, err := s.periodOr(ctx, p.TenantID, key, "query.period")
	if err != nil {
		return nil, err
	}
	u, err := s.user(ctx, p.TenantID, p.UserID)
	if err != nil {
		return nil, err
	}
	r, err := s.result(ctx, p.TenantID, p.UserID, per.Key)
	if err != nil {
		return nil, err
	}
	return s.scorecard(ctx, p.TenantID, *u, per, r)
}

// MyTrend is the caller's composite over the recent periods of a kind.
func (s *Service) MyTrend(ctx context.Context, p *access.Principal, kind string) ([]TrendPoint, error) {
	if err := s.Guard.Can(ctx, p, PermSelf); err != nil {
		return nil, err
	}
	cur, err := s.current(ctx, p.TenantID, kind)
	if err != nil {
		return nil, err
	}
	return s.trend(ctx, p.TenantID, p.UserID, cur.Previous(periodsShown[kind]), nil)
}

// Person is the scorecard of someone in the caller's subtrees: where their
// result counted that period, or (with no result) their home branch.
// Anyone else answers 404, as a missing person does.
func (s *Service) Person(ctx context.Context, p *access.Principal, id int64, key string) (*Scorecard, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermReview)
	if err != nil {
		return nil, err
	}
	per, err := s.periodOr(ctx, p.TenantID, key, "query.period")
	if err != nil {
		return nil, err
	}
	u, home, err := s.personInTenant(ctx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	r, err := s.result(ctx, p.TenantID, id, per.Key)
	if err != nil {
		return nil, err
	}
	path := home
	if r != nil {
		path = r.BranchPath
	}
	if !covered(scopes, path) {
		return nil, apperr.NotFound("person")
	}
	return s.scorecard(ctx, p.TenantID, *u, per, r)
}

// PersonTrend is someone's composite over recent periods, showing only the
// periods whose result counted inside the caller's subtrees (a person who
// moved in shows nothing of their time elsewhere). Someone with no result
// in scope and a home branch outside it answers 404.
func (s *Service) PersonTrend(ctx context.Context, p *access.Principal, id int64, kind string) ([]TrendPoint, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermReview)
	if err != nil {
		return nil, err
	}
	_, home, err := s.personInTenant(ctx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	cur, err := s.current(ctx, p.TenantID, kind)
	if err != nil {
		return nil, err
	}
	pts, err := s.trend(ctx, p.TenantID, id, cur.Previous(periodsShown[kind]), func(path string) bool { return covered(scopes, path) })
	if err != nil {
		return nil, err
	}
	if !covered(scopes, home) {
		any := false
		for _, pt := range pts {
			any = any || pt.Composite != nil || pt.Ratings > 0
		}
		if !any {
			return nil, apperr.NotFound("person")
		}
	}
	return pts, nil
}

func (s *Service) user(ctx context.Context, tenantID, id int64) (*org.User, error) {
	var u org.User
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("person")
	}
	return &u, err
}

// personInTenant loads a user of the tenant and their home branch's path.
func (s *Service) personInTenant(ctx context.Context, tenantID, id int64) (*org.User, string, error) {
	u, err := s.user(ctx, tenantID, id)
	if err != nil {
		return nil, "", err
	}
	var path string
	err = s.DB.R.WithContext(ctx).Model(&org.Branch{}).Scopes(store.Tenant(tenantID)).Where("id = ?", u.BranchID).Pluck("path", &path).Error
	return u, path, err
}

func covered(scopes []string, path string) bool {
	for _, sc := range scopes {
		if path != "" && authz.Covers(sc, path) {
			return true
		}
	}
	return false
}

// kindOf defaults a trend's kind to months.
func kindOf(kind string) string {
	if kind == "" {
		return scoring.Month
	}
	return kind
}
