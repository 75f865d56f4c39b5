package kpi

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// PeopleQuery is a page of a subtree's ranking.
type PeopleQuery struct {
	Period   string
	Sort     string // "composite" (default), "ratings", or a metric key (by score)
	Order    string // "desc" (default) or "asc"
	Page     int
	PageSize int
	all      bool // every person on one page (the export)
}

// PeoplePage is one page of a subtree's people, the rankable first.
type PeoplePage struct {
	Items    []PersonRow `json:"items"`
	Total    int64       `json:"total"`
	Page     int         `json:"page"`
	PageSize int         `json:"page_size"`
}

// People ranks a subtree's people. Sorting is done by the database over the
// subtree's index range: kpi_results_rank for the composite and ratings,
// kpi_metric_scores_rank for one metric. People without a value come last
// whatever the order.
func (s *Service) People(ctx context.Context, p *access.Principal, id int64, q PeopleQuery) (*PeoplePage, error) {
	b, err := s.scopedBranch(ctx, p, id)
	if err != nil {
		return nil, err
	}
	per, err := s.periodOr(ctx, p.TenantID, q.Period, "query.period")
	if err != nil {
		return nil, err
	}
	q.Sort = cmp.Or(q.Sort, "composite")
	if q.Sort != "composite" && q.Sort != "ratings" && !scoring.IsBuiltin(q.Sort) && !strings.HasPrefix(q.Sort, scoring.BusinessPrefix) {
		return nil, apperr.Invalid(apperr.Field{Location: "query.sort", Message: "composite, ratings or a metric key", Value: q.Sort})
	}
	q.Page, q.PageSize = max(q.Page, 1), min(max(q.PageSize, 1), 200)
	if q.all {
		q.Page, q.PageSize = 1, -1 // no LIMIT and no OFFSET
	}
	asc := q.Order == "asc"
	base := func() *gorm.DB {
		db := s.DB.R.WithContext(ctx).Model(&Result{}).Scopes(store.Tenant(p.TenantID)).Where("period_key = ?", per.Key)
		return authz.InSubtrees(db, "branch_path", []string{b.Path})
	}
	var total int64
	if err := base().Count(&total).Error; err != nil {
		return nil, err
	}
	out := &PeoplePage{Items: []PersonRow{}, Total: total, Page: q.Page, PageSize: q.PageSize}
	if q.Sort == "composite" || q.Sort == "ratings" {
		col := "composite_milli"
		if q.Sort == "ratings" {
			col = "ratings"
		}
		dir := " DESC"
		if asc {
			dir = " ASC"
		}
		// The page's keys first, from the covering index kpi_results_rank,
		// then its rows by key. NULLs last on both databases, without
		// NULLS LAST (SQLite's is recent).
		order := "CASE WHEN " + col + " IS NULL THEN 1 ELSE 0 END, " + col + dir + ", employee_id"
		var ids []int64
		if err := base().Order(order).Offset(max((q.Page-1)*q.PageSize, 0)).Limit(q.PageSize).Pluck("employee_id", &ids).Error; err != nil {
			return nil, err
		}
		rows, err := s.personRows(ctx, p.TenantID, per.Key, ids)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			out.Items = append(out.Items, rows[id])
		}
		return out, nil
	}
	// A metric's score is read from kpi_metric_scores, one index range.
	limit := q.PageSize
	ids, err := s.metricRanked(func() *gorm.DB { return s.DB.R.WithContext(ctx) }, p.TenantID, per.Key, q.Sort, b.Path, asc,
		max((q.Page-1)*q.PageSize, 0), limit)
	if err != nil {
		return nil, err
	}
	rows, err := s.personRows(ctx, p.TenantID, per.Key, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		out.Items = append(out.Items, rows[id])
	}
	return out, nil
}

// sortChildren puts child branches best first, those without a composite last.
func sortChildren(cs []ChildRow) {
	slices.SortStableFunc(cs, func(a, b ChildRow) int {
		switch {
		case a.Composite == nil && b.Composite == nil:
			return cmp.Compare(a.Branch.Code, b.Branch.Code)
		case a.Composite == nil:
			return 1
		case b.Composite == nil:
			return -1
		}
		return cmp.Or(cmp.Compare(*b.Composite, *a.Composite), cmp.Compare(a.Branch.Code, b.Branch.Code))
	})
}
