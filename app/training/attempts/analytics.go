package attempts

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// MaxAnalyticsAttempts bounds the attempts read for one scenario's
// analytics; the newest are kept, and the answer says it is a sample.
const MaxAnalyticsAttempts = 20000

// analyticsLimit is MaxAnalyticsAttempts unless a test set a smaller one.
func (s *Service) analyticsLimit() int {
	if s.AnalyticsLimit > 0 {
		return s.AnalyticsLimit
	}
	return MaxAnalyticsAttempts
}

// ChoiceStat is how often a reply was taken at its turn.
type ChoiceStat struct {
	ID         string         `json:"id"`
	Text       scenarios.Text `json:"text"`
	Recommends string         `json:"recommends,omitempty"`
	Count      int            `json:"count"`
	Share      float64        `json:"share" doc:"percent of the answers at this turn"`
}

// ChecklistStat is how often a typed reply met a checklist element.
type ChecklistStat struct {
	ID    string         `json:"id"`
	Label scenarios.Text `json:"label"`
	Met   int            `json:"met"`
	Share float64        `json:"share" doc:"percent of the typed replies at this turn"`
}

// TurnStat is one turn: how many answered it and what they replied.
type TurnStat struct {
	ID        string          `json:"id"`
	Customer  scenarios.Text  `json:"customer"`
	FreeText  bool            `json:"free_text"`
	Answers   int             `json:"answers"`
	Choices   []ChoiceStat    `json:"choices"`
	Checklist []ChecklistStat `json:"checklist"`
}

// ViolationStat is a suitability violation or a red line, and how often it was
// committed.
type ViolationStat struct {
	Kind         string         `json:"kind" enum:"suitability,red_line"`
	Turn         string         `json:"turn"`
	Reason       scenarios.Text `json:"reason" doc:"why a red line is one; null for suitability"`
	ProductID    string         `json:"product_id"`
	ProductName  scenarios.Text `json:"product_name"`
	CustomerRisk string         `json:"customer_risk"`
	ProductRisk  string         `json:"product_risk"`
	Count        int            `json:"count"`
}

// NearMissStat is a recommendation withdrawn at the suitability warning, and
// how often.
type NearMissStat struct {
	Turn          string         `json:"turn"`
	ProductID     string         `json:"product_id"`
	ProductName   scenarios.Text `json:"product_name"`
	CustomerClass string         `json:"customer_class"`
	ProductRisk   string         `json:"product_risk"`
	Count         int            `json:"count"`
}

// EndingStat is how many finished attempts reached an ending.
type EndingStat struct {
	ID    string         `json:"id"`
	Kind  string         `json:"kind"`
	Title scenarios.Text `json:"title"`
	Count int            `json:"count"`
}

// DimensionStat is the average score of a rubric dimension.
type DimensionStat struct {
	Dimension string  `json:"dimension"`
	Average   float64 `json:"average"`
}

// Analytics is one version of a scenario as taken in the viewer's branches.
type Analytics struct {
	ScenarioKey   string          `json:"scenario_key"`
	Version       int             `json:"version"`
	Versions      []int           `json:"versions" doc:"versions with attempts in the viewer's branches"`
	Title         scenarios.Text  `json:"title"`
	Attempts      int             `json:"attempts"`
	Finished      int             `json:"finished"`
	Passed        int             `json:"passed"`
	PassRate      *float64        `json:"pass_rate" doc:"passed / finished, in percent"`
	AvgTotal      *float64        `json:"avg_total"`
	WithViolation int             `json:"with_violation" doc:"finished attempts with at least one violation"`
	Endings       []EndingStat    `json:"endings"`
	Dimensions    []DimensionStat `json:"dimensions"`
	Turns         []TurnStat      `json:"turns"`
	Violations    []ViolationStat `json:"violations" doc:"most common first"`
	// WithNearMiss and NearMisses are the recommendations withdrawn at the
	// suitability warning ("go back"): not violations, but what reviewers watch.
	WithNearMiss int            `json:"with_near_miss" doc:"attempts with at least one near miss"`
	NearMisses   []NearMissStat `json:"near_misses" doc:"most common first"`
	// AllAttempts counts every attempt of the version in the viewer's
	// branches; when more than MaxAnalyticsAttempts, the figures above are
	// of the newest ones only and Sampled says so.
	AllAttempts int  `json:"all_attempts"`
	Sampled     bool `json:"sampled"`
}

// takenAttempt is what analytics reads of an attempt.
type takenAttempt struct {
	Status    string
	StateJSON string `gorm:"column:state_json"`
}

// Aggregate counts the replies, endings, violations and scores of attempts
// taken on one scenario version. It is pure: the same attempts give the
// same numbers.
func Aggregate(sc *scenarios.Scenario, states []scenarios.State) Analytics {
	out := Analytics{ScenarioKey: sc.ID, Version: sc.Version, Title: sc.Title, Attempts: len(states),
		Endings: []EndingStat{}, Dimensions: []DimensionStat{}, Turns: []TurnStat{}, Violations: []ViolationStat{}, NearMisses: []NearMissStat{}}
	turnIdx := map[string]int{}
	for _, t := range sc.Turns {
		ts := TurnStat{ID: t.ID, Customer: t.Customer, FreeText: t.IsFreeText(), Choices: []ChoiceStat{}, Checklist: []ChecklistStat{}}
		for _, c := range t.Choices {
			ts.Choices = append(ts.Choices, ChoiceStat{ID: c.ID, Text: c.Text, Recommends: c.Recommends})
		}
		if t.FreeText != nil {
			for _, e := range t.FreeText.Checklist {
				ts.Checklist = append(ts.Checklist, ChecklistStat{ID: e.ID, Label: e.Label})
			}
		}
		turnIdx[t.ID] = len(out.Turns)
		out.Turns = append(out.Turns, ts)
	}
	endIdx := map[string]int{}
	for _, e := range sc.Endings {
		endIdx[e.ID] = len(out.Endings)
		out.Endings = append(out.Endings, EndingStat{ID: e.ID, Kind: e.Kind, Title: e.Title})
	}
	violations := map[string]*ViolationStat{}
	dimSum := map[string]float64{}
	var dims []string
	var totalSum float64
	for _, st := range states {
		for _, step := range st.Steps {
			i, ok := turnIdx[step.Turn]
			if !ok {
				continue
			}
			ts := &out.Turns[i]
			ts.Answers++
			for j := range ts.Choices {
				if ts.Choices[j].ID == step.Choice {
					ts.Choices[j].Count++
				}
			}
			for j := range ts.Checklist {
				if slices.Contains(step.Hits, ts.Checklist[j].ID) {
					ts.Checklist[j].Met++
				}
			}
		}
		for _, v := range st.Violations {
			key := v.KindOrDefault() + "/" + v.Turn + "/" + v.Product
			if v.KindOrDefault() == scenarios.ViolationRedLine {
				key += v.Choice + "/" + v.Forbidden
			}
			vs := violations[key]
			if vs == nil {
				vs = &ViolationStat{Kind: v.KindOrDefault(), Turn: v.Turn, Reason: v.Reason(sc), ProductID: v.Product,
					CustomerRisk: string(v.CustomerRisk), ProductRisk: string(v.ProductRisk)}
				if p := sc.Product(v.Product); p != nil {
					vs.ProductName = p.Name
				}
				violations[key] = vs
			}
			vs.Count++
		}
		countNearMisses(&out, sc, st.NearMisses)
		if !st.Finished {
			continue
		}
		out.Finished++
		if len(st.Violations) > 0 {
			out.WithViolation++
		}
		if i, ok := endIdx[st.Ending]; ok {
			out.Endings[i].Count++
		}
		res := scenarios.Score(sc, st)
		totalSum += res.Total
		if res.Passed {
			out.Passed++
		}
		for _, d := range res.Dimensions {
			if _, seen := dimSum[d.Dimension]; !seen {
				dims = append(dims, d.Dimension)
			}
			dimSum[d.Dimension] += float64(d.Score)
		}
	}
	for i := range out.Turns {
		ts := &out.Turns[i]
		for j := range ts.Choices {
			ts.Choices[j].Share = percent(ts.Choices[j].Count, ts.Answers)
		}
		for j := range ts.Checklist {
			ts.Checklist[j].Share = percent(ts.Checklist[j].Met, ts.Answers)
		}
	}
	if out.Finished > 0 {
		rate, avg := percent(out.Passed, out.Finished), training.Round1(totalSum/float64(out.Finished))
		out.PassRate, out.AvgTotal = &rate, &avg
		for _, d := range dims {
			out.Dimensions = append(out.Dimensions, DimensionStat{Dimension: d, Average: training.Round1(dimSum[d] / float64(out.Finished))})
		}
	}
	for _, v := range violations {
		out.Violations = append(out.Violations, *v)
	}
	slices.SortFunc(out.Violations, func(a, b ViolationStat) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Turn+a.ProductID, b.Turn+b.ProductID)
	})
	return out
}

// parseTime reads an aggregate of a time column, which SQLite returns as
// text (the column type does not survive MAX) and PostgreSQL as a time.
func parseTime(s *string) *time.Time {
	if s == nil {
		return nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, *s); err == nil {
			return &t
		}
	}
	return nil
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return training.Round1(100 * float64(n) / float64(of))
}

// ScenarioAnalytics aggregates the attempts of one scenario version made in
// p's branches (the branch at the time of the attempt). Version 0 means the
// newest version with attempts there, else the current one.
func (s *Service) ScenarioAnalytics(ctx context.Context, p *access.Principal, key string, version int) (*Analytics, error) {
	scopes, err := s.reviewScopes(ctx, p)
	if err != nil {
		return nil, err
	}
	scoped := func() *gorm.DB {
		q := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(p.TenantID)).
			Joins("JOIN branches b ON b.tenant_id = training_attempts.tenant_id AND b.id = training_attempts.branch_id").
			Where("training_attempts.scenario_id = ?", key)
		return authz.InSubtrees(q, "b.path", scopes)
	}
	var versions []int
	if err := scoped().Distinct("training_attempts.scenario_version").Order("training_attempts.scenario_version DESC").
		Pluck("training_attempts.scenario_version", &versions).Error; err != nil {
		return nil, err
	}
	if version == 0 && len(versions) > 0 {
		version = versions[0]
	}
	var sc *scenarios.Scenario
	if version == 0 {
		sc, err = s.Catalogue.Latest(ctx, p.TenantID, key)
	} else {
		sc, err = s.Catalogue.At(ctx, p.TenantID, key, version)
	}
	if err != nil {
		return nil, err
	}
	var all int64
	if err := scoped().Where("training_attempts.scenario_version = ?", sc.Version).Count(&all).Error; err != nil {
		return nil, err
	}
	var rows []takenAttempt
	if err := scoped().Where("training_attempts.scenario_version = ?", sc.Version).
		Select("training_attempts.status, training_attempts.state_json").
		Order("training_attempts.id DESC").Limit(s.analyticsLimit()).Scan(&rows).Error; err != nil {
		return nil, err
	}
	states := make([]scenarios.State, 0, len(rows))
	for _, r := range rows {
		var st scenarios.State
		if err := json.Unmarshal([]byte(r.StateJSON), &st); err != nil {
			return nil, err
		}
		states = append(states, st)
	}
	a := Aggregate(sc, states)
	a.AllAttempts, a.Sampled = int(all), int(all) > len(rows)
	a.Versions = versions
	if a.Versions == nil {
		a.Versions = []int{}
	}
	return &a, nil
}

// countNearMisses adds an attempt's near misses to the analytics.
func countNearMisses(out *Analytics, sc *scenarios.Scenario, nms []scenarios.NearMiss) {
	if len(nms) > 0 {
		out.WithNearMiss++
	}
	for _, n := range nms {
		i := slices.IndexFunc(out.NearMisses, func(x NearMissStat) bool { return x.Turn == n.Turn && x.ProductID == n.Product })
		if i < 0 {
			ns := NearMissStat{Turn: n.Turn, ProductID: n.Product, CustomerClass: string(n.CustomerClass), ProductRisk: string(n.ProductRisk)}
			if p := sc.Product(n.Product); p != nil {
				ns.ProductName = p.Name
			}
			out.NearMisses = append(out.NearMisses, ns)
			i = len(out.NearMisses) - 1
		}
		out.NearMisses[i].Count++
	}
	slices.SortStableFunc(out.NearMisses, func(a, b NearMissStat) int { return b.Count - a.Count })
}

// ScenarioSummary is a line of the analytics overview.
type ScenarioSummary struct {
	ScenarioKey string         `json:"scenario_key"`
	Title       scenarios.Text `json:"title"`
	Attempts    int            `json:"attempts"`
	Finished    int            `json:"finished"`
	Passed      int            `json:"passed"`
	PassRate    *float64       `json:"pass_rate"`
	AvgTotal    *float64       `json:"avg_total"`
	LastTaken   *time.Time     `json:"last_taken"`
	NearMisses  int            `json:"near_misses" doc:"near misses recorded (went back at the suitability warning)"`
}

// AnalyticsOverview sums the attempts of every scenario taken in p's
// branches, most taken first.
func (s *Service) AnalyticsOverview(ctx context.Context, p *access.Principal) ([]ScenarioSummary, error) {
	scopes, err := s.reviewScopes(ctx, p)
	if err != nil {
		return nil, err
	}
	q := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN branches b ON b.tenant_id = training_attempts.tenant_id AND b.id = training_attempts.branch_id")
	var rows []struct {
		ScenarioID string
		Attempts   int
		Finished   int
		Passed     int
		AvgTotal   *float64
		LastTaken  *string
		NearMisses int
	}
	err = authz.InSubtrees(q, "b.path", scopes).
		Select(`training_attempts.scenario_id, COUNT(*) AS attempts,
			SUM(CASE WHEN training_attempts.status = 'finished' THEN 1 ELSE 0 END) AS finished,
			SUM(CASE WHEN training_attempts.passed THEN 1 ELSE 0 END) AS passed,
			AVG(training_attempts.total) AS avg_total,
			MAX(training_attempts.started_at) AS last_taken,
			SUM(training_attempts.near_misses) AS near_misses`).
		Group("training_attempts.scenario_id").Order("attempts DESC, training_attempts.scenario_id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]ScenarioSummary, 0, len(rows))
	for _, r := range rows {
		sum := ScenarioSummary{ScenarioKey: r.ScenarioID, Attempts: r.Attempts, Finished: r.Finished, Passed: r.Passed, LastTaken: parseTime(r.LastTaken), NearMisses: r.NearMisses}
		if r.Finished > 0 {
			rate := percent(r.Passed, r.Finished)
			sum.PassRate = &rate
		}
		if r.AvgTotal != nil {
			v := training.Round1(*r.AvgTotal)
			sum.AvgTotal = &v
		}
		if sc, err := s.Catalogue.Latest(ctx, p.TenantID, r.ScenarioID); err == nil {
			sum.Title = sc.Title
		}
		out = append(out, sum)
	}
	return out, nil
}
