package scoring

import (
	"fmt"
	"strings"
)

// KPI metric keys. A business result HR defines is "business:<code>".
const (
	Satisfaction       = "satisfaction"
	ResolutionRate     = "resolution_rate"
	ComplaintRate      = "complaint_rate"
	TrainingScore      = "training_score"
	TrainingCompletion = "training_completion"
	BusinessPrefix     = "business:"
)

// BuiltinMetrics are the metrics every tenant has, in display order.
var BuiltinMetrics = []string{Satisfaction, ResolutionRate, ComplaintRate, TrainingScore, TrainingCompletion}

// Normalisations and directions of a metric.
const (
	Linear     = "linear"
	Percentile = "percentile"
	Higher     = "higher"
	Lower      = "lower"
)

// Scheme defaults (the issue's): a credible average counts 20 imagined
// ratings at the tenant's mean, and a person needs 10 real ones to be ranked.
const (
	DefaultPriorWeight = 20
	DefaultMinSample   = 10
)

// MetricSpec is one weighted metric of a scheme. Floor and Target are in the
// metric's raw unit (1–5 stars, a 0–1 rate, 0–100 points, a business value):
// Floor scores 0, Target 100. For a "lower" metric the floor is the bad end
// and lies above the target. MinSample is what a person needs of this
// metric (ratings, problems, records, attempts…) for it to count.
type MetricSpec struct {
	Metric        string  `json:"metric"`
	WeightPct     int     `json:"weight_pct"`
	Normalisation string  `json:"normalisation"`
	Floor         float64 `json:"floor"`
	Target        float64 `json:"target"`
	Direction     string  `json:"direction"`
	MinSample     int     `json:"min_sample"`
}

// Scheme is one version of a KPI scheme: it applies from month ValidFrom
// (yyyymm) to the role it names ("" is the tenant default) until a later
// version of the same role takes over.
type Scheme struct {
	ID          int64
	Role        string
	ValidFrom   int
	PriorWeight int
	MinSample   int
	Metrics     []MetricSpec
}

// Problem is one thing wrong with a scheme: where (a path in the scheme's
// JSON, "metrics[2].weight_pct"), and why, as an English template whose
// {placeholders} Args fill (the app translates it).
type Problem struct {
	Path    string
	Message string
	Args    map[string]any
}

// Validate checks a scheme's rules: at least one metric, each known (known
// answers for "business:" keys) and named once, integer weights of 1..100
// summing to 100, a known normalisation and direction, a linear floor unlike
// its target and on the right side of it for the direction, sample sizes
// not negative, and a prior weight of 0..10000.
func Validate(s Scheme, known func(metric string) bool) []Problem {
	var out []Problem
	bad := func(path, msg string, args map[string]any) {
		out = append(out, Problem{Path: path, Message: msg, Args: args})
	}
	if s.PriorWeight < 0 || s.PriorWeight > 10000 {
		bad("prior_weight", "must be between {min} and {max}", map[string]any{"min": 0, "max": 10000})
	}
	if s.MinSample < 0 || s.MinSample > 100000 {
		bad("min_sample", "must be between {min} and {max}", map[string]any{"min": 0, "max": 100000})
	}
	if len(s.Metrics) == 0 {
		bad("metrics", "name at least one metric", nil)
		return out
	}
	seen := map[string]bool{}
	sum := 0
	for i, m := range s.Metrics {
		at := func(f string) string { return fmt.Sprintf("metrics[%d].%s", i, f) }
		switch {
		case !IsBuiltin(m.Metric) && !strings.HasPrefix(m.Metric, BusinessPrefix):
			bad(at("metric"), "unknown metric", nil)
		case !known(m.Metric):
			bad(at("metric"), "unknown metric", nil)
		case seen[m.Metric]:
			bad(at("metric"), "this metric is already in the scheme", nil)
		}
		seen[m.Metric] = true
		if m.WeightPct < 1 || m.WeightPct > 100 {
			bad(at("weight_pct"), "must be between {min} and {max}", map[string]any{"min": 1, "max": 100})
		}
		sum += m.WeightPct
		if m.Normalisation != Linear && m.Normalisation != Percentile {
			bad(at("normalisation"), "must be linear or percentile", nil)
		}
		if m.Direction != Higher && m.Direction != Lower {
			bad(at("direction"), "must be higher or lower", nil)
		}
		if m.Normalisation == Linear {
			switch {
			case m.Floor == m.Target:
				bad(at("target"), "the target must differ from the floor", nil)
			case m.Direction == Higher && m.Target < m.Floor:
				bad(at("target"), "for a metric where higher is better the target must be above the floor", nil)
			case m.Direction == Lower && m.Target > m.Floor:
				bad(at("target"), "for a metric where lower is better the target must be below the floor", nil)
			}
		}
		if m.MinSample < 0 || m.MinSample > 100000 {
			bad(at("min_sample"), "must be between {min} and {max}", map[string]any{"min": 0, "max": 100000})
		}
	}
	if sum != 100 {
		bad("metrics", "the weights must sum to 100 (they sum to {sum})", map[string]any{"sum": sum})
	}
	return out
}

// IsBuiltin reports whether metric is one of BuiltinMetrics.
func IsBuiltin(metric string) bool {
	for _, m := range BuiltinMetrics {
		if m == metric {
			return true
		}
	}
	return false
}

// Choose picks the scheme version that applies to a person holding roles in
// a period starting at month first. roles are in order of precedence: the
// first of them that has a version valid by then wins (a manager, who is
// also an employee, takes the managers' scheme), then the tenant default
// (Role ""). Within a role the latest ValidFrom not after first wins, the
// highest ID when two start the same month (the later correction). ok is
// false when no version applies yet.
func Choose(schemes []Scheme, roles []string, first int) (Scheme, bool) {
	later := func(a, b Scheme) bool {
		return a.ValidFrom > b.ValidFrom || (a.ValidFrom == b.ValidFrom && a.ID > b.ID)
	}
	latest := func(role string) (Scheme, bool) {
		var best Scheme
		found := false
		for _, s := range schemes {
			if s.Role == role && s.ValidFrom <= first && (!found || later(s, best)) {
				best, found = s, true
			}
		}
		return best, found
	}
	for _, r := range roles {
		if r == "" {
			continue
		}
		if s, ok := latest(r); ok {
			return s, true
		}
	}
	return latest("")
}
