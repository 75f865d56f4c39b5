package kpi

import (
	"context"
	"encoding/json"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// Facts is what other areas read of KPI results (awards' rules, careers'
// requirements): the stored rows as they are, never a recompute.
type Facts struct {
	DB *store.DB
}

// MetricValue is one metric of a person's result: the raw value ×1000 in the
// metric's unit (nil when nothing measured it) and the sample behind it.
type MetricValue struct {
	ValueMilli *int
	Sample     int
}

// PersonResult is one person's KPI result of a period.
type PersonResult struct {
	EmployeeID, BranchID int64
	BranchPath           string
	CompositeMilli       *int
	Rankable             bool
	Ratings              int
	Metrics              map[string]MetricValue
}

// PersonResults lists every person's result of a period (open or closed:
// the caller checks the period's state when it matters), in employee order.
func (f Facts) PersonResults(ctx context.Context, tenantID int64, periodKey string) ([]PersonResult, error) {
	var rows []Result
	if err := f.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("period_key = ?", periodKey).
		Order("employee_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]PersonResult, 0, len(rows))
	for _, r := range rows {
		var c card
		if err := json.Unmarshal(r.Breakdown, &c); err != nil {
			return nil, err
		}
		pr := PersonResult{EmployeeID: r.EmployeeID, BranchID: r.BranchID, BranchPath: r.BranchPath, Rankable: r.Rankable,
			Ratings: int(r.Ratings), Metrics: make(map[string]MetricValue, len(c.Metrics))}
		if r.CompositeMilli != nil {
			v := int(*r.CompositeMilli)
			pr.CompositeMilli = &v
		}
		for _, l := range c.Metrics {
			mv := MetricValue{Sample: int(l.Sample)}
			if l.Raw != nil {
				v := int(scoring.Milli(*l.Raw))
				mv.ValueMilli = &v
			}
			pr.Metrics[l.Metric] = mv
		}
		out = append(out, pr)
	}
	return out, nil
}
