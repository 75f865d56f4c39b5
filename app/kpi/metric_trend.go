package kpi

import (
	"context"
	"encoding/json"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// A trend point carries each metric's 0–100 score beside the composite, so
// the trend chart can follow one metric. A person's come from
// kpi_metric_scores (one row per period, metric and person: point lookups
// of its primary key); a subtree's from its stored branch result, the same
// figure its summary shows.

// metricKeys are the metrics a tenant may weigh: the built-in ones and
// every business metric HR defined.
func (s *Service) metricKeys(ctx context.Context, tenantID int64) ([]string, error) {
	keys := append([]string(nil), scoring.BuiltinMetrics...)
	if s.Feedback == nil {
		return keys, nil
	}
	ms, err := s.Feedback.Metrics(ctx, tenantID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		keys = append(keys, scoring.BusinessPrefix+m.Code)
	}
	return keys, nil
}

// personMetricTrend fills the metric scores of the points that show a
// result of the person.
func (s *Service) personMetricTrend(ctx context.Context, tenantID, userID int64, pts []TrendPoint, shown map[string]bool) error {
	var keys []string
	for _, pt := range pts {
		if shown[pt.Period] {
			keys = append(keys, pt.Period)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	metrics, err := s.metricKeys(ctx, tenantID)
	if err != nil {
		return err
	}
	var rows []MetricScore
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Select("period_key, metric, score_milli").
		Where("period_key IN ? AND metric IN ? AND employee_id = ?", keys, metrics, userID).Find(&rows).Error; err != nil {
		return err
	}
	by := map[string]map[string]*float64{}
	for _, r := range rows {
		if by[r.PeriodKey] == nil {
			by[r.PeriodKey] = map[string]*float64{}
		}
		by[r.PeriodKey][r.Metric] = composite(r.ScoreMilli)
	}
	for i := range pts {
		if m := by[pts[i].Period]; m != nil {
			pts[i].Metrics = m
		}
	}
	return nil
}

// branchMetricScores reads a stored subtree result's score of each metric.
func branchMetricScores(breakdown []byte) map[string]*float64 {
	var bc branchCard
	if len(breakdown) == 0 || json.Unmarshal(breakdown, &bc) != nil {
		return nil
	}
	out := map[string]*float64{}
	for _, m := range bc.Metrics {
		out[m.Metric] = one(m.Score, 1)
	}
	return out
}
