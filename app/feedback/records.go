package feedback

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
)

// RecordView is a record as a list shows it: names resolved, the score on
// its 1–5 scale, the comment masked.
type RecordView struct {
	Record
	Score          *float64 `json:"score" doc:"1–5"`
	BranchCode     string   `json:"branch_code"`
	BranchName     string   `json:"branch_name"`
	EmployeeName   string   `json:"employee_name"`
	EmployeeCode   string   `json:"employee_code"`
	AppealableTill *string  `json:"appealable_until,omitempty"`
	Appeal         *Appeal  `json:"appeal,omitempty"`
}

// RecordFilter narrows a record list.
type RecordFilter struct {
	BranchID   int64
	EmployeeID int64
	Month      int
	Page, Size int
}

type recordRow struct {
	Record
	BranchCode   string
	BranchName   string
	EmployeeName string
	EmployeeCode string
}

func (s *Service) recordQuery(ctx context.Context, tenantID int64) *gorm.DB {
	return s.DB.R.WithContext(ctx).Model(&Record{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN branches b ON b.tenant_id = feedback_records.tenant_id AND b.id = feedback_records.branch_id").
		Joins("LEFT JOIN users u ON u.tenant_id = feedback_records.tenant_id AND u.id = feedback_records.employee_id")
}

const recordCols = "feedback_records.*, b.code AS branch_code, b.name AS branch_name, COALESCE(u.display_name, '') AS employee_name, COALESCE(u.employee_code, '') AS employee_code"

// Records pages the records of p's branches (a record belongs where it
// happened), newest first. A branch outside them is 404.
func (s *Service) Records(ctx context.Context, p *access.Principal, f RecordFilter) ([]RecordView, int64, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermRead)
	if err != nil {
		return nil, 0, err
	}
	q := authz.InSubtrees(s.recordQuery(ctx, p.TenantID), "b.path", scopes)
	if f.BranchID > 0 {
		var path string
		if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("id = ?", f.BranchID).Pluck("path", &path).Error; err != nil {
			return nil, 0, err
		}
		if path == "" || !covered(scopes, path) {
			return nil, 0, apperr.NotFound("branch")
		}
		lo, hi := authz.PathRange(path)
		q = q.Where("b.path >= ? AND b.path < ?", lo, hi)
	}
	if f.EmployeeID > 0 {
		q = q.Where("feedback_records.employee_id = ?", f.EmployeeID)
	}
	if f.Month > 0 {
		q = q.Where("feedback_records.month = ?", f.Month)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var rows []recordRow
	if err := q.Select(recordCols).Order("feedback_records.occurred_at DESC, feedback_records.id DESC").
		Offset((f.Page - 1) * f.Size).Limit(f.Size).Scan(&rows).Error; err != nil {
		return nil, 0, err
	}
	out := make([]RecordView, 0, len(rows))
	for i := range rows {
		out = append(out, view(&rows[i]))
	}
	return out, total, nil
}

func view(r *recordRow) RecordView {
	v := RecordView{Record: r.Record, BranchCode: r.BranchCode, BranchName: r.BranchName, EmployeeName: r.EmployeeName, EmployeeCode: r.EmployeeCode}
	v.Comment = Mask(v.Comment)
	if r.ScoreMilli != nil {
		sc := float64(*r.ScoreMilli) / 1000
		v.Score = &sc
	}
	return v
}

// Mine pages the records about p, each with until when p may appeal it
// and its latest appeal.
func (s *Service) Mine(ctx context.Context, p *access.Principal, page, size int) ([]RecordView, int64, error) {
	if err := s.Guard.Can(ctx, p, PermAppeal); err != nil {
		return nil, 0, err
	}
	set, err := s.Settings(ctx, p.TenantID)
	if err != nil {
		return nil, 0, err
	}
	q := s.recordQuery(ctx, p.TenantID).Where("feedback_records.employee_id = ?", p.UserID)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var rows []recordRow
	if err := q.Select(recordCols).Order("feedback_records.occurred_at DESC, feedback_records.id DESC").
		Offset((page - 1) * size).Limit(size).Scan(&rows).Error; err != nil {
		return nil, 0, err
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	var appeals []Appeal
	if len(ids) > 0 {
		if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("record_id IN ?", ids).Order("id").Find(&appeals).Error; err != nil {
			return nil, 0, err
		}
	}
	latest := map[int64]*Appeal{}
	for i := range appeals {
		latest[appeals[i].RecordID] = &appeals[i]
	}
	out := make([]RecordView, 0, len(rows))
	for i := range rows {
		v := view(&rows[i])
		until := appealableUntil(&rows[i].Record, set.AppealWindowDays).Format(time.RFC3339)
		v.AppealableTill, v.Appeal = &until, latest[rows[i].ID]
		out = append(out, v)
	}
	return out, total, nil
}

// appealableUntil: the window runs from when the person could first see the
// record, which is when it arrived if that was after it happened.
func appealableUntil(r *Record, days int) time.Time {
	from := r.OccurredAt
	if r.CreatedAt.After(from) {
		from = r.CreatedAt
	}
	return from.Add(time.Duration(days) * 24 * time.Hour).UTC()
}
