package kpi

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/scoring"
)

// seed gives the demo banks a default scheme (the main one from a year back), computes
// every month and quarter since, and closes the ones that have ended, as
// HR would. It reads whatever feedback the feedback area's seed made.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	if err := s.seedBank(ctx, d, "demo", 12); err != nil {
		return err
	}
	// The second bank starts this quarter: a little of everything, so the
	// isolation walk finds its rows.
	return s.seedBank(ctx, d, "demo2", 1)
}

// seedBank seeds bank slug with a scheme from about back months ago.
func (s *Service) seedBank(ctx context.Context, d module.Demo, slug string, back int) error {
	ctx, hr, err := d.As(ctx, slug, "hr")
	if err != nil {
		return err
	}
	loc, err := s.location(ctx, hr.TenantID)
	if err != nil {
		return err
	}
	cur := scoring.MonthOf(d.Now(), loc)
	from := scoring.PeriodOf(scoring.Quarter, scoring.AddMonths(cur, -back)).FirstMonth
	metrics := []MetricInput{
		{Metric: scoring.Satisfaction, WeightPct: 35, Normalisation: scoring.Linear, Floor: 3.5, Target: 4.8, Direction: scoring.Higher, MinSample: 10},
		{Metric: scoring.ResolutionRate, WeightPct: 20, Normalisation: scoring.Linear, Floor: 0.6, Target: 0.95, Direction: scoring.Higher, MinSample: 5},
		{Metric: scoring.ComplaintRate, WeightPct: 15, Normalisation: scoring.Linear, Floor: 0.15, Target: 0.01, Direction: scoring.Lower, MinSample: 10},
		{Metric: scoring.TrainingScore, WeightPct: 10, Normalisation: scoring.Linear, Floor: 60, Target: 90, Direction: scoring.Higher, MinSample: 1},
		{Metric: scoring.TrainingCompletion, WeightPct: 5, Normalisation: scoring.Linear, Floor: 0.5, Target: 1, Direction: scoring.Higher, MinSample: 1},
	}
	sales := scoring.BusinessPrefix + "sales_amount_cents"
	known, err := s.knownMetrics(ctx, hr.TenantID)
	if err != nil {
		return err
	}
	if known[sales] {
		metrics = append(metrics, MetricInput{Metric: sales, WeightPct: 15, Normalisation: scoring.Percentile, Direction: scoring.Higher, MinSample: 1})
	} else {
		// Without business results the satisfaction carries their weight.
		metrics[0].WeightPct += 15
	}
	if _, err := s.createScheme(ctx, hr, SchemeInput{Name: "网点服务绩效方案", ValidFrom: scoring.MonthPeriod(from).Key, Metrics: metrics}, false); err != nil {
		return fmt.Errorf("scheme: %w", err)
	}
	var periods []scoring.Period
	for m := from; m <= cur; m = scoring.AddMonths(m, 1) {
		periods = append(periods, scoring.MonthPeriod(m))
		if q := scoring.PeriodOf(scoring.Quarter, m); q.FirstMonth == m {
			periods = append(periods, q)
		}
		if y := scoring.PeriodOf(scoring.Year, m); y.FirstMonth == m || m == from {
			periods = append(periods, y)
		}
	}
	for _, p := range periods {
		if p.LastMonth < cur && p.Kind != scoring.Year {
			if _, err := s.Close(ctx, hr, p.Key); err != nil {
				return fmt.Errorf("close %s: %w", p.Key, err)
			}
			continue
		}
		if err := s.recompute(ctx, hr.TenantID, p, nil); err != nil {
			return fmt.Errorf("recompute %s: %w", p.Key, err)
		}
	}
	return nil
}
