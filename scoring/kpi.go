package scoring

import (
	"math"
	"sort"
)

// Credible is a Bayesian average of n values summing to sum, pulled toward
// priorMean as if priorWeight more values at priorMean had been seen. It
// keeps a handful of lucky ratings from beating a long record: two 5★
// among a tenant averaging 4.6 give (20×4.6+10)/22 = 4.64, not 5. With no
// prior and no values it is the prior mean.
func Credible(priorWeight int, priorMean, sum float64, n int64) float64 {
	w := float64(max(priorWeight, 0))
	if w+float64(n) == 0 {
		return priorMean
	}
	return (w*priorMean + sum) / (w + float64(n))
}

// LinearScore maps raw onto 0–100 between floor (0) and target (100), clamped.
// The same formula serves "lower is better" metrics, whose floor (the bad
// end) lies above the target. floor == target is refused by Validate; here
// it is a step: 100 at or above the target, 0 below.
func LinearScore(raw, floor, target float64) float64 {
	if floor == target {
		if raw >= target {
			return 100
		}
		return 0
	}
	return math.Min(math.Max((raw-floor)/(target-floor), 0), 1) * 100
}

// Population is the raw values of one metric over the tenant's people who
// have enough of it, against which percentiles are taken.
type Population struct {
	sorted []float64
}

// NewPopulation copies and sorts values.
func NewPopulation(values []float64) Population {
	s := append([]float64(nil), values...)
	sort.Float64s(s)
	return Population{sorted: s}
}

// Len is how many values the population holds.
func (p Population) Len() int { return len(p.sorted) }

// Percentile is the share of the population with a worse value than raw,
// ties (raw's own among them) counting half, ×100: the middle of a crowd of
// equals scores 50, and nobody reaches 100 by merely being alone. Worse is
// lower when direction is Higher, higher when it is Lower. An empty
// population gives 50.
func (p Population) Percentile(raw float64, direction string) float64 {
	n := len(p.sorted)
	if n == 0 {
		return 50
	}
	below := sort.SearchFloat64s(p.sorted, raw)
	upto := sort.Search(n, func(i int) bool { return p.sorted[i] > raw })
	same := upto - below
	worse := below
	if direction == Lower {
		worse = n - upto
	}
	return (float64(worse) + 0.5*float64(same)) / float64(n) * 100
}

// Value is a person's raw value of one metric and the sample behind it.
// Raw is nil when there is nothing to compute it from.
type Value struct {
	Raw    *float64
	Sample int64
}

// Enough reports whether a value may count toward a composite: something
// measured, at least minSample of it.
func (v Value) Enough(minSample int) bool {
	return v.Raw != nil && v.Sample > 0 && v.Sample >= int64(minSample)
}

// MetricScore is one line of a scorecard: a metric's raw value, its sample,
// its 0–100 score (nil when there is not enough data), its weight in the
// scheme and its effective weight (percent, after the weights of left-out
// metrics were spread over the rest), and the points it adds to the
// composite (score × effective weight).
type MetricScore struct {
	Metric       string   `json:"metric"`
	Raw          *float64 `json:"raw"`
	Sample       int64    `json:"sample"`
	Enough       bool     `json:"enough"`
	Score        *float64 `json:"score"`
	WeightPct    int      `json:"weight_pct"`
	EffectivePct float64  `json:"effective_pct"`
	Contribution *float64 `json:"contribution"`
}

// Composite scores a person under a scheme. values holds the raw values by
// metric key; pops the tenant's populations by metric key (for percentile
// metrics). A metric below its MinSample is left out and the remaining
// weights are scaled up to 100; when none is left, composite is nil: not
// enough data.
func Composite(s Scheme, values map[string]Value, pops map[string]Population) (*float64, []MetricScore) {
	lines := make([]MetricScore, len(s.Metrics))
	counted := 0
	for i, m := range s.Metrics {
		v := values[m.Metric]
		lines[i] = MetricScore{Metric: m.Metric, Raw: v.Raw, Sample: v.Sample, WeightPct: m.WeightPct, Enough: v.Enough(m.MinSample)}
		if !lines[i].Enough {
			continue
		}
		var sc float64
		if m.Normalisation == Percentile {
			sc = pops[m.Metric].Percentile(*v.Raw, m.Direction)
		} else {
			sc = LinearScore(*v.Raw, m.Floor, m.Target)
		}
		lines[i].Score = &sc
		counted += m.WeightPct
	}
	if counted == 0 {
		return nil, lines
	}
	var total float64
	for i := range lines {
		if lines[i].Score == nil {
			continue
		}
		eff := float64(lines[i].WeightPct) / float64(counted)
		c := *lines[i].Score * eff
		lines[i].EffectivePct = eff * 100
		lines[i].Contribution = &c
		total += c
	}
	return &total, lines
}

// Rankable reports whether a person with this composite and this many
// ratings appears in rankings: a composite, and the scheme's minimum sample
// of ratings, so that a handful of ratings never tops a list.
func Rankable(composite *float64, ratings int64, s Scheme) bool {
	return composite != nil && ratings >= int64(s.MinSample)
}

// Ranks gives each composite its competition rank among all of them, best
// first and equals sharing a rank (1, 2, 2, 4). Composites are compared in
// thousandths, as stored, so two people shown with the same score never get
// different ranks.
func Ranks(composites []float64) []int {
	idx := make([]int, len(composites))
	for i := range idx {
		idx[i] = i
	}
	milli := func(i int) int64 { return Milli(composites[i]) }
	sort.SliceStable(idx, func(a, b int) bool { return milli(idx[a]) > milli(idx[b]) })
	out := make([]int, len(composites))
	for pos, i := range idx {
		if pos > 0 && milli(idx[pos-1]) == milli(i) {
			out[i] = out[idx[pos-1]]
		} else {
			out[i] = pos + 1
		}
	}
	return out
}

// Milli is v in thousandths, rounded half away from zero: how composites
// are stored.
func Milli(v float64) int64 { return int64(math.Round(v * 1000)) }

// Round rounds half away from zero to decimals places, for display.
func Round(v float64, decimals int) float64 { return round(v, decimals) }
