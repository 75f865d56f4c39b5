package kpi

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// BranchRef names a branch.
type BranchRef struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// PersonRef names a person and the branch their result counted for (their
// home branch when they have no result).
type PersonRef struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	EmployeeCode string    `json:"employee_code"`
	Branch       BranchRef `json:"branch"`
}

// SchemeRef names the scheme version a result was computed with.
type SchemeRef struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	ValidFrom string `json:"valid_from"`
}

// Scorecard is a person's result of one period and everything that
// explains it. Composite and scores are 0–100; composite is null when the
// person has not enough data (then rankable is false and rank null).
type Scorecard struct {
	Person     PersonRef     `json:"person"`
	Period     string        `json:"period"`
	State      string        `json:"state" enum:"open,closed"`
	Scheme     *SchemeRef    `json:"scheme"`
	Composite  *float64      `json:"composite"`
	Rankable   bool          `json:"rankable"`
	Rank       *int          `json:"rank"`
	Of         int           `json:"of" doc:"rankable people of the tenant in the period"`
	Ratings    int64         `json:"ratings"`
	Metrics    []MetricEntry `json:"metrics"`
	ComputedAt *time.Time    `json:"computed_at"`
}

// MetricEntry is one line of a scorecard (see metricLine): raw value in
// raw_unit, sample, whether it is enough, score 0–100, weight, effective
// weight and contribution to the composite (points).
type MetricEntry struct {
	Metric       string   `json:"metric"`
	Label        string   `json:"label"`
	Raw          *float64 `json:"raw"`
	RawUnit      string   `json:"raw_unit"`
	Sample       int64    `json:"sample"`
	Enough       bool     `json:"enough"`
	Score        *float64 `json:"score"`
	WeightPct    int      `json:"weight_pct"`
	EffectivePct float64  `json:"effective_pct"`
	Contribution *float64 `json:"contribution"`
}

// TrendPoint is one period of a trend line; composite is null when there
// was no result or not enough data.
type TrendPoint struct {
	Period    string   `json:"period"`
	Composite *float64 `json:"composite"`
	Rankable  bool     `json:"rankable"`
	Ratings   int64    `json:"ratings"`
	// Metrics is each metric's 0–100 score that period (null: not enough
	// data); absent for a period without a result.
	Metrics map[string]*float64 `json:"metrics,omitempty"`
}

// composite turns stored thousandths into the number the API shows (one
// decimal, as the dashboards print it).
func composite(milli *int64) *float64 {
	if milli == nil {
		return nil
	}
	v := scoring.Round(float64(*milli)/1000, 1)
	return &v
}

func one(v *float64, decimals int) *float64 {
	if v == nil {
		return nil
	}
	r := scoring.Round(*v, decimals)
	return &r
}

// scorecard builds a person's card from their result row (nil: none yet).
func (s *Service) scorecard(ctx context.Context, tenantID int64, u org.User, per scoring.Period, r *Result) (*Scorecard, error) {
	db := s.DB.R.WithContext(ctx)
	state, err := s.stateOf(db, tenantID, per.Key)
	if err != nil {
		return nil, err
	}
	branchID := u.BranchID
	if r != nil {
		branchID = r.BranchID
	}
	var b org.Branch
	if err := db.Scopes(store.Tenant(tenantID)).Where("id = ?", branchID).Take(&b).Error; err != nil {
		return nil, err
	}
	sc := &Scorecard{Person: PersonRef{ID: u.ID, Name: u.DisplayName, EmployeeCode: u.EmployeeCode, Branch: BranchRef{ID: b.ID, Code: b.Code, Name: b.Name}},
		Period: per.Key, State: state, Metrics: []MetricEntry{}}
	if r == nil {
		return sc, nil
	}
	var c card
	if err := json.Unmarshal(r.Breakdown, &c); err != nil {
		return nil, err
	}
	var scheme Scheme
	if err := db.Scopes(store.Tenant(tenantID)).Where("id = ?", r.SchemeID).Take(&scheme).Error; err != nil {
		return nil, err
	}
	at := r.ComputedAt
	sc.Scheme = &SchemeRef{ID: scheme.ID, Name: scheme.Name, ValidFrom: scoring.MonthPeriod(scheme.ValidFrom).Key}
	sc.Composite, sc.Rankable, sc.Rank, sc.Of, sc.Ratings, sc.ComputedAt = composite(r.CompositeMilli), r.Rankable, c.Rank, c.Of, r.Ratings, &at
	for _, l := range c.Metrics {
		sc.Metrics = append(sc.Metrics, MetricEntry{Metric: l.Metric, Label: l.Label, Raw: l.Raw, RawUnit: l.RawUnit, Sample: l.Sample, Enough: l.Enough,
			Score: one(l.Score, 1), WeightPct: l.WeightPct, EffectivePct: scoring.Round(l.EffectivePct, 2), Contribution: one(l.Contribution, 2)})
	}
	return sc, nil
}

// stateOf is a period's state.
func (s *Service) stateOf(db *gorm.DB, tenantID int64, key string) (string, error) {
	closed, err := s.isClosed(db, tenantID, key)
	if closed {
		return Closed, err
	}
	return Open, err
}

// result reads a person's row of a period; nil when there is none.
func (s *Service) result(ctx context.Context, tenantID, userID int64, key string) (*Result, error) {
	var rows []Result
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("period_key = ? AND employee_id = ?", key, userID).Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// trend reads a person's composites over the periods.
func (s *Service) trend(ctx context.Context, tenantID, userID int64, ps []scoring.Period, inScope func(path string) bool) ([]TrendPoint, error) {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.Key
	}
	var rows []Result
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Select("period_key, branch_path, composite_milli, rankable, ratings").
		Where("employee_id = ? AND period_key IN ?", userID, keys).Find(&rows).Error; err != nil {
		return nil, err
	}
	byKey := map[string]Result{}
	for _, r := range rows {
		if inScope == nil || inScope(r.BranchPath) {
			byKey[r.PeriodKey] = r
		}
	}
	out := make([]TrendPoint, 0, len(ps))
	shown := map[string]bool{}
	for _, p := range ps {
		pt := TrendPoint{Period: p.Key}
		if r, ok := byKey[p.Key]; ok {
			pt.Composite, pt.Rankable, pt.Ratings = composite(r.CompositeMilli), r.Rankable, r.Ratings
			shown[p.Key] = true
		}
		out = append(out, pt)
	}
	if err := s.personMetricTrend(ctx, tenantID, userID, out, shown); err != nil {
		return nil, err
	}
	return out, nil
}
