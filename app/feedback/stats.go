package feedback

import (
	"context"

	"github.com/servicestar/servicestar/app/store"
)

// Stats is what the KPI area reads of this one: the monthly rollups and the
// business results of a range of months (yyyymm, both ends included).
type Stats struct {
	DB *store.DB
}

// Rollups returns every rollup row of the months first..last.
func (s Stats) Rollups(ctx context.Context, tenantID int64, first, last int) ([]Rollup, error) {
	var rows []Rollup
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).
		Where("month BETWEEN ? AND ?", first, last).Find(&rows).Error
	return rows, err
}

// Results returns every business result of the months first..last.
func (s Stats) Results(ctx context.Context, tenantID int64, first, last int) ([]BusinessResult, error) {
	var rows []BusinessResult
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).
		Where("month BETWEEN ? AND ?", first, last).Find(&rows).Error
	return rows, err
}

// Metrics returns the business metrics HR has defined.
func (s Stats) Metrics(ctx context.Context, tenantID int64) ([]BusinessMetric, error) {
	var rows []BusinessMetric
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Order("code").Find(&rows).Error
	return rows, err
}
