package cases

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/migrations"
)

func (s *Service) page(ctx context.Context, tenantID int64, q *gorm.DB, order string, page, size int) ([]Item, int64, error) {
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var rs []caseRow
	if err := q.Select(rowCols).Order(order).Offset((page - 1) * size).Limit(size).Scan(&rs).Error; err != nil {
		return nil, 0, err
	}
	out := make([]Item, len(rs))
	for i := range rs {
		out[i] = rs[i].item()
	}
	return out, total, nil
}

// Mine lists p's own cases, of one status or all.
func (s *Service) Mine(ctx context.Context, p *access.Principal, status string, page, size int) ([]Item, int64, error) {
	if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
		return nil, 0, err
	}
	q := s.rows(s.DB.R.WithContext(ctx), p.TenantID).Where("cases.author_id = ?", p.UserID)
	if status != "" {
		q = q.Where("cases.status = ?", status)
	}
	return s.page(ctx, p.TenantID, q, "cases.updated_at DESC, cases.id DESC", page, size)
}

// ReviewQueue lists the submitted cases p may review (not p's own), the
// longest waiting first.
func (s *Service) ReviewQueue(ctx context.Context, p *access.Principal, page, size int) ([]Item, int64, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermReview)
	if err != nil {
		return nil, 0, err
	}
	q := s.rows(s.DB.R.WithContext(ctx), p.TenantID).Where("cases.status = ? AND cases.author_id <> ?", Submitted, p.UserID)
	q = authz.InSubtrees(q, "b.path", scopes)
	return s.page(ctx, p.TenantID, q, "cases.submitted_at, cases.id", page, size)
}

// Featured lists the service-star cases the caller may read, newest first.
func (s *Service) Featured(ctx context.Context, p *access.Principal, page, size int) ([]Item, int64, error) {
	yes := true
	return s.Search(ctx, p, Query{Featured: &yes, Sort: "newest", Page: page, Size: size})
}

// DueReview lists published cases past their review-by date, for HR to
// re-verify or archive, the most overdue first.
func (s *Service) DueReview(ctx context.Context, p *access.Principal, page, size int) ([]Item, int64, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, 0, err
	}
	q := s.rows(s.DB.R.WithContext(ctx), p.TenantID).Where("cases.status = ? AND cases.review_by < ?", Published, s.Now().UTC())
	return s.page(ctx, p.TenantID, q, "cases.review_by, cases.id", page, size)
}

// Useful lists the month's most useful cases: those rated in the month
// (ratings given or changed then), by a credible average of that month's
// stars — (sum + 5 × 3) / (count + 5), five imagined ratings at the middle
// of the scale — then by how many rated, top 10. month is "2026-11".
func (s *Service) Useful(ctx context.Context, p *access.Principal, month string) ([]UsefulItem, error) {
	v, err := s.viewer(ctx, p)
	if err != nil {
		return nil, err
	}
	start, err := time.Parse("2006-01", month)
	if err != nil {
		return nil, apperr.Invalid(apperr.Field{Location: "query.month", Message: "a month such as 2026-11", Value: month})
	}
	end := start.AddDate(0, 1, 0)
	vis := v.visibleTo("c", s.DB.Dialect == migrations.Postgres)
	type scored struct {
		ID    int64
		N     int64
		Sum   int64
		Score float64
	}
	var top []scored
	if err := s.DB.R.WithContext(ctx).Raw(`SELECT c.id AS id, COUNT(*) AS n, SUM(r.stars) AS sum, (SUM(r.stars) + 15.0) / (COUNT(*) + 5) AS score
		FROM case_ratings r JOIN cases c ON c.tenant_id = r.tenant_id AND c.id = r.case_id
		WHERE r.tenant_id = ? AND r.updated_at >= ? AND r.updated_at < ? AND c.status = 'published' AND ?
		GROUP BY c.id ORDER BY score DESC, n DESC, c.id DESC LIMIT 10`, p.TenantID, start, end, vis).Scan(&top).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(top))
	for i, t := range top {
		ids[i] = t.ID
	}
	rows, err := s.loadByIDs(ctx, p.TenantID, ids)
	if err != nil {
		return nil, err
	}
	byID := map[int64]scored{}
	for _, t := range top {
		byID[t.ID] = t
	}
	out := make([]UsefulItem, 0, len(rows))
	for i := range rows {
		t := byID[rows[i].ID]
		out = append(out, UsefulItem{Item: rows[i].item(), MonthRatings: t.N, MonthAvgMilli: *avgMilli(t.Sum, t.N), ScoreMilli: int(t.Score*1000 + 0.5)})
	}
	return out, nil
}

// UsefulItem is a case on the month's most-useful list.
type UsefulItem struct {
	Item
	MonthRatings  int64 `json:"month_ratings"`
	MonthAvgMilli int   `json:"month_avg_milli"`
	ScoreMilli    int   `json:"score_milli" doc:"the credible average the list is ordered by, in thousandths"`
}
