package kpi

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// location is the tenant's time zone, in which months begin.
func (s *Service) location(ctx context.Context, tenantID int64) (*time.Location, error) {
	var t org.Tenant
	if err := s.DB.R.WithContext(ctx).Where("id = ?", tenantID).Take(&t).Error; err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("kpi: tenant %d time zone %q: %w", tenantID, t.TimeZone, err)
	}
	return loc, nil
}

// span is the instants [from, to) a period covers in loc.
func span(p scoring.Period, loc *time.Location) (time.Time, time.Time) {
	at := func(m int) time.Time { return time.Date(m/100, time.Month(m%100), 1, 0, 0, 0, 0, loc) }
	return at(p.FirstMonth), at(scoring.AddMonths(p.LastMonth, 1))
}

// schemes reads every scheme version of the tenant, for Choose.
func (s *Service) schemes(ctx context.Context, tenantID int64) ([]scoring.Scheme, error) {
	var rows []Scheme
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]scoring.Scheme, 0, len(rows))
	for _, r := range rows {
		sc, err := r.scoring()
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

func (r Scheme) scoring() (scoring.Scheme, error) {
	sc := scoring.Scheme{ID: r.ID, Role: r.Role, ValidFrom: r.ValidFrom, PriorWeight: r.PriorWeight, MinSample: r.MinSample}
	if err := json.Unmarshal(r.Metrics, &sc.Metrics); err != nil {
		return sc, fmt.Errorf("kpi: scheme %d metrics: %w", r.ID, err)
	}
	return sc, nil
}

// rolePrecedence orders a person's roles for choosing their scheme: a
// manager (also an employee) is measured as a manager.
var rolePrecedence = []string{authz.Manager, authz.HR, authz.TenantAdmin, authz.Employee}

func precedence(role string) int {
	if i := slices.Index(rolePrecedence, role); i >= 0 {
		return i
	}
	return len(rolePrecedence)
}

// gather reads a period's inputs.
func (s *Service) gather(ctx context.Context, tenantID int64, p scoring.Period) (inputs, error) {
	in := inputs{TenantID: tenantID, Period: p, People: map[int64]person{}, Business: map[string]feedback.BusinessMetric{}}
	loc, err := s.location(ctx, tenantID)
	if err != nil {
		return in, err
	}
	if in.Schemes, err = s.schemes(ctx, tenantID); err != nil {
		return in, err
	}
	db := s.DB.R.WithContext(ctx)
	if err := db.Scopes(store.Tenant(tenantID)).Order("path").Find(&in.Branches).Error; err != nil {
		return in, err
	}
	var users []org.User
	if err := db.Scopes(store.Tenant(tenantID)).Select("id, branch_id, status").Find(&users).Error; err != nil {
		return in, err
	}
	grants, err := authz.TenantGrants(db, tenantID)
	if err != nil {
		return in, err
	}
	for _, u := range users {
		pr := person{ID: u.ID, BranchID: u.BranchID}
		for _, g := range grants[u.ID] {
			pr.Roles = append(pr.Roles, g.Role)
			if g.Role == authz.Employee {
				pr.Employee = true
				pr.Staff = u.Status == org.StatusActive
			}
		}
		slices.SortStableFunc(pr.Roles, func(a, b string) int { return precedence(a) - precedence(b) })
		in.People[u.ID] = pr
	}
	if in.Rollups, err = s.Feedback.Rollups(ctx, tenantID, p.FirstMonth, p.LastMonth); err != nil {
		return in, err
	}
	if in.Results, err = s.Feedback.Results(ctx, tenantID, p.FirstMonth, p.LastMonth); err != nil {
		return in, err
	}
	ms, err := s.Feedback.Metrics(ctx, tenantID)
	if err != nil {
		return in, err
	}
	for _, m := range ms {
		in.Business[m.Code] = m
	}
	from, to := span(p, loc)
	if s.Scores != nil {
		if in.Best, err = s.Scores.BestTotals(ctx, tenantID, from, to); err != nil {
			return in, err
		}
	}
	if s.Done != nil {
		if in.Due, err = s.Done.DueMemberships(ctx, tenantID, from, to); err != nil {
			return in, err
		}
	}
	if s.Cases != nil {
		if in.Attended, err = s.Cases.Attendance(ctx, tenantID, from, to); err != nil {
			return in, err
		}
	}
	return in, nil
}
