// Package scoring holds the pure scoring rules of ServiceStar. Nothing here does I/O:
// callers pass plain values in and get plain values out, so every rule is easy to test
// and gives the same answer on every machine.
package scoring

import (
	"math"
)

// The five rubric dimensions of a scenario attempt, in display order.
const (
	NeedsDiscovery = "needs_discovery"
	Empathy        = "empathy"
	Compliance     = "compliance"
	SolutionFit    = "solution_fit"
	Resolution     = "resolution"
)

// Dimensions lists the rubric dimensions in display order.
var Dimensions = []string{NeedsDiscovery, Empathy, Compliance, SolutionFit, Resolution}

const (
	// Neutral is where every dimension starts before any reply moves it.
	Neutral = 50
	// DefaultPassMark is the total an attempt must reach when its scenario sets no pass mark.
	DefaultPassMark = 80
)

// IsDimension reports whether name is one of the five rubric dimensions.
func IsDimension(name string) bool {
	for _, d := range Dimensions {
		if d == name {
			return true
		}
	}
	return false
}

// Input is everything the attempt rubric needs.
type Input struct {
	// Effects is the sum of the effects of the replies taken, per dimension.
	// Keys that are not rubric dimensions are ignored.
	Effects map[string]int
	// Touched lists the dimensions the scenario can move at all. A dimension that
	// no reply in the scenario touches is left out of the total. Nil means all five.
	Touched []string
	// Weights are percentages per dimension (normally summing to 100). Nil or empty
	// means equal weights. Negative weights count as 0.
	Weights map[string]int
	// Violations is the number of confirmed suitability violations.
	Violations int
	// PassMark is the total the attempt must reach (0..100); use DefaultPassMark
	// when the scenario sets none. Zero means zero.
	PassMark int
}

// DimensionScore is one dimension of a Result.
type DimensionScore struct {
	Dimension string `json:"dimension"`
	// Score is 50 plus the summed effects, clamped to 0..100 (0 for compliance
	// when there is a violation).
	Score int `json:"score"`
	// Weight is the effective weight in percent after the weights of left-out
	// dimensions were spread over the others, rounded to 2 decimals.
	Weight float64 `json:"weight"`
}

// Result is the scored attempt.
type Result struct {
	// Dimensions holds the included dimensions in display order.
	Dimensions []DimensionScore `json:"dimensions"`
	// Total is the weighted average of the included dimensions, rounded half away
	// from zero to one decimal.
	Total      float64 `json:"total"`
	PassMark   int     `json:"pass_mark"`
	Passed     bool    `json:"passed"`
	Violations int     `json:"violations"`
}

// Score applies the attempt rubric:
//   - each dimension starts at 50, the effects are added, the result is clamped to 0..100;
//   - a dimension not in Touched is left out and the weights of the rest are scaled up
//     (if no dimension is touched, all five count, each at 50);
//   - compliance always counts when there is a violation, and is then 0;
//   - if every included dimension has weight 0, the included ones weigh equally;
//   - Passed needs Total ≥ PassMark and no violation.
func Score(in Input) Result {
	touched := map[string]bool{}
	for _, d := range in.Touched {
		touched[d] = true
	}
	if in.Touched == nil {
		for _, d := range Dimensions {
			touched[d] = true
		}
	}
	if in.Violations > 0 {
		touched[Compliance] = true
	}
	included := make([]string, 0, len(Dimensions))
	for _, d := range Dimensions {
		if touched[d] {
			included = append(included, d)
		}
	}
	if len(included) == 0 {
		included = append(included, Dimensions...)
	}

	weights := make([]float64, len(included))
	var sum float64
	for i, d := range included {
		w := 20.0 // equal weights when the scenario sets none
		if len(in.Weights) > 0 {
			w = float64(max(in.Weights[d], 0))
		}
		weights[i] = w
		sum += w
	}
	if sum == 0 {
		for i := range weights {
			weights[i] = 1
		}
		sum = float64(len(weights))
	}

	res := Result{PassMark: in.PassMark, Violations: max(in.Violations, 0)}
	var total float64
	for i, d := range included {
		score := clamp(Neutral+in.Effects[d], 0, 100)
		if d == Compliance && in.Violations > 0 {
			score = 0
		}
		w := weights[i] / sum
		total += float64(score) * w
		res.Dimensions = append(res.Dimensions, DimensionScore{
			Dimension: d,
			Score:     score,
			Weight:    round(w*100, 2),
		})
	}
	res.Total = round(total, 1)
	res.Passed = res.Violations == 0 && res.Total >= float64(in.PassMark)
	return res
}

func clamp(v, lo, hi int) int {
	return min(max(v, lo), hi)
}

// round rounds half away from zero to the given number of decimals. The tiny nudge
// keeps sums like 0.1+0.2 from rounding the wrong way.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p+math.Copysign(1e-9, v)) / p
}
