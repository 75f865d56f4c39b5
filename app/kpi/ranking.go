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
}

// PeoplePage is one page of a subtree's people, the rankable first.
type PeoplePage struct {
	Items    []PersonRow `json:"items"`
	Total    int64       `json:"total"`
	Page     int         `json:"page"`
	PageSize int         `json:"page_size"`
}

// People ranks a subtree's people. Sorting by the composite or ratings is
// done by the database over the subtree's index range; sorting by a
// metric's score reads the subtree's rows and sorts them here. People
// without a composite come last whatever the order.
func (s *Service) People(ctx context.Context, p *access.Principal, id int64, q PeopleQuery) (*PeoplePage, error) {
	b, err := s.scopedBranch(ctx, p, id)
	if err != nil {
		return nil, err
	}
	per, err := period(q.Period, "query.period")
	if err != nil {
		return nil, err
	}
	q.Sort = cmp.Or(q.Sort, "composite")
	if q.Sort != "composite" && q.Sort != "ratings" && !scoring.IsBuiltin(q.Sort) && !strings.HasPrefix(q.Sort, scoring.BusinessPrefix) {
		return nil, apperr.Invalid(apperr.Field{Location: "query.sort", Message: "composite, ratings or a metric key", Value: q.Sort})
	}
	q.Page, q.PageSize = max(q.Page, 1), min(max(q.PageSize, 1), 200)
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
	var rs []Result
	if q.Sort == "composite" || q.Sort == "ratings" {
		col := "composite_milli"
		if q.Sort == "ratings" {
			col = "ratings"
		}
		dir := " DESC"
		if asc {
			dir = " ASC"
		}
		// NULLs last on both databases, without NULLS LAST (SQLite's is recent).
		order := "CASE WHEN " + col + " IS NULL THEN 1 ELSE 0 END, " + col + dir + ", employee_id"
		if err := base().Order(order).Offset((q.Page - 1) * q.PageSize).Limit(q.PageSize).Find(&rs).Error; err != nil {
			return nil, err
		}
		rows, err := s.rowsOf(ctx, p.TenantID, rs)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			out.Items = append(out.Items, rows[r.EmployeeID])
		}
		return out, nil
	}
	if err := base().Find(&rs).Error; err != nil {
		return nil, err
	}
	rows, err := s.rowsOf(ctx, p.TenantID, rs)
	if err != nil {
		return nil, err
	}
	all := make([]PersonRow, 0, len(rows))
	for _, r := range rs {
		all = append(all, rows[r.EmployeeID])
	}
	scoreOf := func(r PersonRow) *float64 {
		for _, m := range r.Metrics {
			if m.Metric == q.Sort {
				return m.Score
			}
		}
		return nil
	}
	slices.SortStableFunc(all, func(a, b PersonRow) int {
		sa, sb := scoreOf(a), scoreOf(b)
		switch {
		case sa == nil && sb == nil:
			return cmp.Compare(a.Person.ID, b.Person.ID)
		case sa == nil:
			return 1
		case sb == nil:
			return -1
		}
		c := cmp.Compare(*sb, *sa)
		if asc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.Person.ID, b.Person.ID))
	})
	from := min((q.Page-1)*q.PageSize, len(all))
	out.Items = all[from:min(from+q.PageSize, len(all))]
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
