package awards

import (
	"context"
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/scoring"
)

// peopleFacts reads what rule needs of every person with a KPI result in the
// period: the results themselves, and each fact the rule names from the
// area that counts it. A fact whose area is unwired stays nil (its
// condition is false for everyone).
func (s *Service) peopleFacts(ctx context.Context, tenantID int64, per scoring.Period, rule scoring.AwardCondition) ([]scoring.PersonFacts, error) {
	if s.KPI == nil {
		return nil, apperr.Conflict("KPI results cannot be read here")
	}
	results, err := s.KPI.PersonResults(ctx, tenantID, per.Key)
	if err != nil {
		return nil, err
	}
	uses := scoring.RuleFacts(rule)
	var complaints, passes, cases map[int64]int
	if uses[scoring.FactNoComplaints] && s.Feedback != nil {
		rows, err := s.Feedback.Rollups(ctx, tenantID, per.FirstMonth, per.LastMonth)
		if err != nil {
			return nil, err
		}
		complaints = map[int64]int{}
		for _, r := range rows {
			if r.EmployeeID != 0 {
				complaints[r.EmployeeID] += int(r.Complaints)
			}
		}
	}
	if uses[scoring.FactScenarioPasses] || uses[scoring.FactCasesPublished] {
		from, to, err := s.span(ctx, tenantID, per)
		if err != nil {
			return nil, err
		}
		if uses[scoring.FactScenarioPasses] && s.Passes != nil {
			if passes, err = s.Passes.PassesBetween(ctx, tenantID, from, to); err != nil {
				return nil, err
			}
		}
		if uses[scoring.FactCasesPublished] && s.Cases != nil {
			if cases, err = s.Cases.PublishedCounts(ctx, tenantID, nil, &from, &to); err != nil {
				return nil, err
			}
		}
	}
	count := func(m map[int64]int, id int64) *int {
		if m == nil {
			return nil
		}
		v := m[id]
		return &v
	}
	out := make([]scoring.PersonFacts, len(results))
	for i, r := range results {
		f := scoring.PersonFacts{EmployeeID: r.EmployeeID, BranchID: r.BranchID, BranchPath: r.BranchPath, CompositeMilli: r.CompositeMilli,
			Ratings: r.Ratings, Metrics: make(map[string]scoring.MetricFact, len(r.Metrics)),
			Complaints: count(complaints, r.EmployeeID), ScenarioPasses: count(passes, r.EmployeeID), CasesPublished: count(cases, r.EmployeeID)}
		for k, m := range r.Metrics {
			f.Metrics[k] = scoring.MetricFact{ValueMilli: m.ValueMilli, Sample: m.Sample}
		}
		out[i] = f
	}
	return out, nil
}

// span is the instants [from, to) a period covers on the tenant's calendar.
func (s *Service) span(ctx context.Context, tenantID int64, per scoring.Period) (time.Time, time.Time, error) {
	var t org.Tenant
	if err := s.DB.R.WithContext(ctx).Where("id = ?", tenantID).Take(&t).Error; err != nil {
		return time.Time{}, time.Time{}, err
	}
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("awards: tenant %d time zone %q: %w", tenantID, t.TimeZone, err)
	}
	at := func(m int) time.Time { return time.Date(m/100, time.Month(m%100), 1, 0, 0, 0, 0, loc) }
	return at(per.FirstMonth), at(scoring.AddMonths(per.LastMonth, 1)), nil
}

// shownFacts are the values a rule read of a winner, for HR to see why:
// each metric it names (value in the metric's unit, sample), each fact.
func shownFacts(rule scoring.AwardCondition, f scoring.PersonFacts) map[string]any {
	out := map[string]any{}
	var walk func(c scoring.AwardCondition)
	walk = func(c scoring.AwardCondition) {
		for _, ch := range c.Children {
			walk(ch)
		}
		switch {
		case c.Metric == scoring.CompositeMetric:
			out[c.Metric] = map[string]any{"value": milliValue(f.CompositeMilli), "sample": f.Ratings}
		case c.Metric != "":
			m := f.Metrics[c.Metric]
			out[c.Metric] = map[string]any{"value": milliValue(m.ValueMilli), "sample": m.Sample}
		case c.Fact == scoring.FactNoComplaints:
			out["complaints"] = f.Complaints
		case c.Fact == scoring.FactScenarioPasses:
			out[c.Fact] = f.ScenarioPasses
		case c.Fact == scoring.FactCasesPublished:
			out[c.Fact] = f.CasesPublished
		}
	}
	walk(rule)
	return out
}

func milliValue(v *int) any {
	if v == nil {
		return nil
	}
	return float64(*v) / 1000
}
