package scoring

import (
	"reflect"
	"testing"
)

func TestScore(t *testing.T) {
	all := []string(nil)
	tests := []struct {
		name       string
		in         Input
		wantScores map[string]int
		wantWeight map[string]float64
		wantTotal  float64
		wantPassed bool
	}{
		{
			name:       "no effects: every dimension neutral",
			in:         Input{Touched: all, PassMark: 80},
			wantScores: map[string]int{NeedsDiscovery: 50, Empathy: 50, Compliance: 50, SolutionFit: 50, Resolution: 50},
			wantTotal:  50,
		},
		{
			name: "effects are added and clamped to 0..100",
			in: Input{Touched: all, PassMark: 80, Effects: map[string]int{
				NeedsDiscovery: 70, Empathy: -80, Compliance: 30, SolutionFit: 50, Resolution: 0}},
			wantScores: map[string]int{NeedsDiscovery: 100, Empathy: 0, Compliance: 80, SolutionFit: 100, Resolution: 50},
			wantTotal:  66,
		},
		{
			name: "untouched dimensions are dropped and weights rescaled",
			in: Input{Touched: []string{Empathy, Resolution}, PassMark: 80,
				Effects: map[string]int{Empathy: 40, Resolution: 30, NeedsDiscovery: -50}},
			wantScores: map[string]int{Empathy: 90, Resolution: 80},
			wantWeight: map[string]float64{Empathy: 50, Resolution: 50},
			wantTotal:  85,
			wantPassed: true,
		},
		{
			name: "custom weights",
			in: Input{Touched: all, PassMark: 70,
				Weights: map[string]int{NeedsDiscovery: 10, Empathy: 30, Compliance: 0, SolutionFit: 20, Resolution: 40},
				Effects: map[string]int{Empathy: 30, Resolution: 40}},
			// 0.1*50 + 0.3*80 + 0*50 + 0.2*50 + 0.4*90 = 5 + 24 + 0 + 10 + 36 = 75
			wantWeight: map[string]float64{NeedsDiscovery: 10, Empathy: 30, Compliance: 0, SolutionFit: 20, Resolution: 40},
			wantTotal:  75,
			wantPassed: true,
		},
		{
			name: "custom weights rescaled over touched dimensions",
			in: Input{Touched: []string{Empathy, Resolution}, PassMark: 80,
				Weights: map[string]int{NeedsDiscovery: 50, Empathy: 10, Resolution: 40},
				Effects: map[string]int{Empathy: 50, Resolution: 30}},
			// empathy 100 × 0.2 + resolution 80 × 0.8 = 84
			wantWeight: map[string]float64{Empathy: 20, Resolution: 80},
			wantTotal:  84,
			wantPassed: true,
		},
		{
			name: "violation: compliance 0 and no pass despite a high total",
			in: Input{Touched: all, PassMark: 80, Violations: 1, Effects: map[string]int{
				NeedsDiscovery: 50, Empathy: 50, Compliance: 50, SolutionFit: 50, Resolution: 50}},
			wantScores: map[string]int{NeedsDiscovery: 100, Empathy: 100, Compliance: 0, SolutionFit: 100, Resolution: 100},
			wantTotal:  80,
			wantPassed: false,
		},
		{
			name:       "violation brings compliance in even when untouched",
			in:         Input{Touched: []string{Empathy}, PassMark: 0, Violations: 2, Effects: map[string]int{Empathy: 50}},
			wantScores: map[string]int{Empathy: 100, Compliance: 0},
			wantTotal:  50,
			wantPassed: false,
		},
		{
			name:       "nothing touched at all: all five count",
			in:         Input{Touched: []string{}, PassMark: 50},
			wantScores: map[string]int{NeedsDiscovery: 50, Empathy: 50, Compliance: 50, SolutionFit: 50, Resolution: 50},
			wantTotal:  50,
			wantPassed: true,
		},
		{
			name: "all included weights zero: equal weights",
			in: Input{Touched: []string{Empathy, Resolution}, PassMark: 80,
				Weights: map[string]int{Compliance: 100}, Effects: map[string]int{Empathy: 10, Resolution: 20}},
			wantWeight: map[string]float64{Empathy: 50, Resolution: 50},
			wantTotal:  65,
		},
		{
			name: "total rounds half away from zero to one decimal",
			in: Input{Touched: []string{Empathy, Resolution, SolutionFit}, PassMark: 80,
				Effects: map[string]int{Empathy: 30, Resolution: 31, SolutionFit: 31}},
			// (80 + 81 + 81) / 3 = 80.666…
			wantWeight: map[string]float64{Empathy: 33.33, Resolution: 33.33, SolutionFit: 33.33},
			wantTotal:  80.7,
			wantPassed: true,
		},
		{
			name:      "a total exactly at the pass mark passes",
			in:        Input{Touched: []string{Empathy}, PassMark: 80, Effects: map[string]int{Empathy: 30}},
			wantTotal: 80, wantPassed: true,
		},
		{
			name: "unknown effect keys and negative weights are ignored",
			in: Input{Touched: []string{Empathy, Resolution}, PassMark: 80,
				Weights: map[string]int{Empathy: -20, Resolution: 100}, Effects: map[string]int{"charm": 99, Resolution: 40}},
			wantWeight: map[string]float64{Empathy: 0, Resolution: 100},
			wantTotal:  90,
			wantPassed: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(tt.in)
			if got.Total != tt.wantTotal {
				t.Errorf("Total = %v, want %v", got.Total, tt.wantTotal)
			}
			if got.Passed != tt.wantPassed {
				t.Errorf("Passed = %v, want %v", got.Passed, tt.wantPassed)
			}
			if got.PassMark != tt.in.PassMark {
				t.Errorf("PassMark = %d, want %d", got.PassMark, tt.in.PassMark)
			}
			scores := map[string]int{}
			weights := map[string]float64{}
			var order []string
			for _, d := range got.Dimensions {
				scores[d.Dimension] = d.Score
				weights[d.Dimension] = d.Weight
				order = append(order, d.Dimension)
			}
			if tt.wantScores != nil && !reflect.DeepEqual(scores, tt.wantScores) {
				t.Errorf("scores = %v, want %v", scores, tt.wantScores)
			}
			if tt.wantWeight != nil && !reflect.DeepEqual(weights, tt.wantWeight) {
				t.Errorf("weights = %v, want %v", weights, tt.wantWeight)
			}
			// display order is the canonical order
			var canon []string
			for _, d := range Dimensions {
				if _, ok := scores[d]; ok {
					canon = append(canon, d)
				}
			}
			if !reflect.DeepEqual(order, canon) {
				t.Errorf("order = %v, want %v", order, canon)
			}
		})
	}
}

func TestScoreDoesNotChangeInput(t *testing.T) {
	in := Input{Touched: []string{Empathy}, Effects: map[string]int{Empathy: 10}, Weights: map[string]int{Empathy: 100}}
	Score(in)
	if !reflect.DeepEqual(in, Input{Touched: []string{Empathy}, Effects: map[string]int{Empathy: 10}, Weights: map[string]int{Empathy: 100}}) {
		t.Fatalf("input changed: %+v", in)
	}
}

func TestIsDimension(t *testing.T) {
	for _, d := range Dimensions {
		if !IsDimension(d) {
			t.Errorf("IsDimension(%q) = false", d)
		}
	}
	for _, d := range []string{"", "Empathy", "charm"} {
		if IsDimension(d) {
			t.Errorf("IsDimension(%q) = true", d)
		}
	}
}
