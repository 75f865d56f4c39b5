package awards

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// Stats is what the careers area reads of awards: how many grants people
// hold, and one person's badges.
type Stats struct {
	DB *store.DB
}

// Badge is one award a person holds, as a profile shows it.
type Badge struct {
	GrantID   int64     `json:"grant_id"`
	TypeCode  string    `json:"type_code"`
	NameZh    string    `json:"name_zh"`
	NameEn    string    `json:"name_en"`
	Badge     string    `json:"badge"`
	PeriodKey string    `json:"period_key"`
	GrantNo   string    `json:"grant_no"`
	GrantedAt time.Time `json:"granted_at"`
}

// GrantCounts counts the grants of each person (of the type with code
// typeCode, or of any type when it is "").
func (s Stats) GrantCounts(ctx context.Context, tenantID int64, employeeIDs []int64, typeCode string) (map[int64]int, error) {
	out := map[int64]int{}
	if len(employeeIDs) == 0 {
		return out, nil
	}
	q := s.DB.R.WithContext(ctx).Model(&Grant{}).Scopes(store.Tenant(tenantID)).Where("employee_id IN ?", employeeIDs)
	if typeCode != "" {
		q = q.Where("type_id IN (?)", s.DB.R.Model(&Type{}).Scopes(store.Tenant(tenantID)).Select("id").Where("code = ?", typeCode))
	}
	var rows []struct {
		EmployeeID int64
		N          int
	}
	if err := q.Select("employee_id, COUNT(*) AS n").Group("employee_id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.EmployeeID] = r.N
	}
	return out, nil
}

// Badges lists one person's grants, newest first.
func (s Stats) Badges(ctx context.Context, tenantID, employeeID int64) ([]Badge, error) {
	var rows []Badge
	err := s.DB.R.WithContext(ctx).Table("award_grants g").
		Joins("JOIN award_types t ON t.tenant_id = g.tenant_id AND t.id = g.type_id").
		Where("g.tenant_id = ? AND g.employee_id = ?", tenantID, employeeID).
		Select("g.id AS grant_id, t.code AS type_code, t.name_zh, t.name_en, t.badge, g.period_key, g.grant_no, g.granted_at").
		Order("g.granted_at DESC, g.id DESC").Scan(&rows).Error
	if rows == nil {
		rows = []Badge{}
	}
	return rows, err
}
