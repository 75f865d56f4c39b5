package kpi

import (
	"cmp"
	"context"
	"encoding/json"
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

// People ranks a subtree's people. Sorting by the composite or ratings is
// done by the database over the subtree's index range; sorting by a
// metric's score reads the subtree's breakdowns and sorts them here (the
// slower path, proportional to the subtree). People without a value come
// last whatever the order.
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
	// A metric's score lives in each row's breakdown: read the subtree's
	// breakdowns, keep only that score, and build the page's rows alone.
	var keyed []struct {
		EmployeeID int64
		Breakdown  []byte
	}
	if err := base().Select("employee_id, breakdown").Scan(&keyed).Error; err != nil {
		return nil, err
	}
	type scored struct {
		id    int64
		score *float64
	}
	all := make([]scored, 0, len(keyed))
	for _, k := range keyed {
		var c struct {
			Metrics []struct {
				Metric string   `json:"metric"`
				Score  *float64 `json:"score"`
			} `json:"metrics"`
		}
		if err := json.Unmarshal(k.Breakdown, &c); err != nil {
			return nil, err
		}
		sc := scored{id: k.EmployeeID}
		for _, m := range c.Metrics {
			if m.Metric == q.Sort {
				sc.score = m.Score
			}
		}
		all = append(all, sc)
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		switch {
		case a.score == nil && b.score == nil:
			return cmp.Compare(a.id, b.id)
		case a.score == nil:
			return 1
		case b.score == nil:
			return -1
		}
		c := cmp.Compare(*b.score, *a.score)
		if asc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.id, b.id))
	})
	page := all
	if !q.all {
		from := min((q.Page-1)*q.PageSize, len(all))
		page = all[from:min(from+q.PageSize, len(all))]
	}
	ids := make([]int64, len(page))
	for i, sc := range page {
		ids[i] = sc.id
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
