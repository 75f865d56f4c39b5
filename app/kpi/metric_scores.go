package kpi

import (
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
)

// MetricScore is one person's score on one metric of a period
// (kpi_metric_scores), in thousandths of a point; nil when the metric had
// too little data. It repeats what the breakdown holds so that a ranking by
// one metric reads an index range, not every breakdown of a subtree.
type MetricScore struct {
	TenantID   int64  `gorm:"primaryKey"`
	PeriodKey  string `gorm:"primaryKey"`
	Metric     string `gorm:"primaryKey"`
	EmployeeID int64  `gorm:"primaryKey"`
	BranchPath string
	ScoreMilli *int64
}

func (MetricScore) TableName() string { return "kpi_metric_scores" }

// metricOrder ranks one metric's rows of a subtree: people without a score
// last whatever the order, then by employee id so pages never overlap.
func metricOrder(asc bool) string {
	dir := " DESC"
	if asc {
		dir = " ASC"
	}
	return "CASE WHEN score_milli IS NULL THEN 1 ELSE 0 END, score_milli" + dir + ", employee_id"
}

// metricRanked returns the employee ids of one page of a subtree ranked by
// one metric. People whose scheme has no such metric have no row; they come
// after everyone who has one, by employee id. limit < 0 means every one.
func (s *Service) metricRanked(db func() *gorm.DB, tenantID int64, period, metric, path string, asc bool, offset, limit int) ([]int64, error) {
	scored := func() *gorm.DB {
		q := db().Model(&MetricScore{}).Scopes(store.Tenant(tenantID)).Where("period_key = ? AND metric = ?", period, metric)
		return authz.InSubtrees(q, "branch_path", []string{path})
	}
	var withRow int64
	if err := scored().Count(&withRow).Error; err != nil {
		return nil, err
	}
	var ids []int64
	if int64(offset) < withRow {
		if err := scored().Order(metricOrder(asc)).Offset(offset).Limit(limit).Pluck("employee_id", &ids).Error; err != nil {
			return nil, err
		}
	}
	if limit >= 0 && len(ids) == limit {
		return ids, nil
	}
	rest := limit
	if limit >= 0 {
		rest = limit - len(ids)
	}
	var others []int64
	q := authz.InSubtrees(db().Model(&Result{}).Scopes(store.Tenant(tenantID)).Where("period_key = ?", period), "branch_path", []string{path}).
		Where("employee_id NOT IN (?)", scored().Select("employee_id")).
		Order("employee_id").Offset(max(offset-int(withRow), 0)).Limit(rest)
	if err := q.Pluck("employee_id", &others).Error; err != nil {
		return nil, err
	}
	return append(ids, others...), nil
}
