package scoring

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func f(v float64) *float64 { return &v }

func TestCredible(t *testing.T) {
	tests := []struct {
		name        string
		prior       int
		mean, sum   float64
		n           int64
		want        float64
		explanation string
	}{
		{"no ratings is the tenant mean", 20, 4.5, 0, 0, 4.5, ""},
		{"two fives", 20, 4.6, 10, 2, (20*4.6 + 10) / 22.0, "(92+10)/22"},
		{"300 at 4.8", 20, 4.6, 1440, 300, (92 + 1440) / 320.0, "(92+1440)/320"},
		{"no prior is the plain mean", 0, 4.6, 9, 2, 4.5, ""},
		{"no prior and no ratings is the mean", 0, 4.6, 0, 0, 4.6, ""},
		{"a negative prior counts as none", -5, 4.6, 9, 2, 4.5, ""},
	}
	for _, tc := range tests {
		if got := Credible(tc.prior, tc.mean, tc.sum, tc.n); !near(got, tc.want) {
			t.Errorf("%s: Credible = %v, want %v %s", tc.name, got, tc.want, tc.explanation)
		}
	}
}

func TestLinear(t *testing.T) {
	tests := []struct{ raw, floor, target, want float64 }{
		{4.2, 3, 5, 60},       // (4.2-3)/(5-3)
		{2.5, 3, 5, 0},        // below the floor
		{5, 3, 4.8, 100},      // beyond the target
		{0.05, 0.2, 0, 75},    // lower is better: (0.05-0.2)/(0-0.2)
		{0.3, 0.2, 0, 0},      // worse than the floor of a lower metric
		{0, 0.2, 0, 100},      // at the target of a lower metric
		{0.9, 0.5, 1, 80},     // a rate
		{80, 80, 80, 100},     // floor == target is a step
		{79.9, 80, 80, 0},     // … below it
		{150, 0, 200, 75},     // business value
		{-1e9, 0, 200, 0},     // clamped
		{1e18, 0, 200, 100},   // clamped
		{3.5, 5, 3, 75},       // floor above target, higher raw is worse
		{4.4, 3, 4.6, 87.5},   // (1.4/1.6)
		{0.125, 0.25, 0, 50},  // halfway on a lower metric
		{0.75, 0.5, 1.0, 50},  // halfway on a rate
		{4.0, 4.0, 5.0, 0},    // at the floor
		{5.0, 4.0, 5.0, 100},  // at the target
		{4.5, 4.0, 5.0, 50},   // halfway
		{0.1, 0.05, 0.25, 25}, // a "higher" rate
	}
	for _, tc := range tests {
		if got := LinearScore(tc.raw, tc.floor, tc.target); !near(got, tc.want) {
			t.Errorf("LinearScore(%v, floor %v, target %v) = %v, want %v", tc.raw, tc.floor, tc.target, got, tc.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	pop := NewPopulation([]float64{4.0, 4.2, 4.2, 4.5, 4.9})
	tests := []struct {
		raw       float64
		direction string
		want      float64
	}{
		{4.0, Higher, 10},  // 0 worse, 1 tie: 0.5/5
		{4.2, Higher, 40},  // 1 worse, 2 ties: 2/5
		{4.5, Higher, 70},  // 3 worse, 1 tie: 3.5/5
		{4.9, Higher, 90},  // 4 worse, 1 tie: 4.5/5
		{4.2, Lower, 60},   // 2 worse (4.5, 4.9), 2 ties: 3/5
		{4.0, Lower, 90},   // the lowest is the best
		{5.0, Higher, 100}, // above everyone (not a member)
		{3.0, Higher, 0},
	}
	for _, tc := range tests {
		if got := pop.Percentile(tc.raw, tc.direction); !near(got, tc.want) {
			t.Errorf("Percentile(%v, %s) = %v, want %v", tc.raw, tc.direction, got, tc.want)
		}
	}
	if got := NewPopulation(nil).Percentile(4, Higher); got != 50 {
		t.Errorf("empty population: %v, want 50", got)
	}
	if got := NewPopulation([]float64{4}).Percentile(4, Higher); got != 50 {
		t.Errorf("alone: %v, want 50", got)
	}
}

func defaultScheme() Scheme {
	return Scheme{ID: 1, PriorWeight: DefaultPriorWeight, MinSample: DefaultMinSample, Metrics: []MetricSpec{
		{Metric: Satisfaction, WeightPct: 50, Normalisation: Linear, Floor: 3, Target: 5, Direction: Higher, MinSample: 10},
		{Metric: ResolutionRate, WeightPct: 30, Normalisation: Linear, Floor: 0.5, Target: 1, Direction: Higher, MinSample: 5},
		{Metric: ComplaintRate, WeightPct: 20, Normalisation: Linear, Floor: 0.2, Target: 0, Direction: Lower, MinSample: 10},
	}}
}

func TestCompositeHandComputed(t *testing.T) {
	s := defaultScheme()
	// satisfaction 4.2 → 60; resolution 0.9 → 80; complaints 0.05 → 75.
	// 0.5×60 + 0.3×80 + 0.2×75 = 30 + 24 + 15 = 69.
	c, lines := Composite(s, map[string]Value{
		Satisfaction:   {Raw: f(4.2), Sample: 40},
		ResolutionRate: {Raw: f(0.9), Sample: 10},
		ComplaintRate:  {Raw: f(0.05), Sample: 40},
	}, nil)
	if c == nil || !near(*c, 69) {
		t.Fatalf("composite = %v, want 69", c)
	}
	wantContrib := []float64{30, 24, 15}
	for i, l := range lines {
		if !l.Enough || l.Contribution == nil || !near(*l.Contribution, wantContrib[i]) || !near(l.EffectivePct, float64(l.WeightPct)) {
			t.Errorf("line %s = %+v, want contribution %v", l.Metric, l, wantContrib[i])
		}
	}
}

func TestCompositeDropsThinMetricsAndRescales(t *testing.T) {
	s := defaultScheme()
	// Resolution has 3 problems (< 5): left out. Satisfaction 60 and
	// complaints 75 share 100%: 50/70 and 20/70.
	// 60×5/7 + 75×2/7 = 300/7 + 150/7 = 450/7 ≈ 64.2857.
	c, lines := Composite(s, map[string]Value{
		Satisfaction:   {Raw: f(4.2), Sample: 40},
		ResolutionRate: {Raw: f(1), Sample: 3},
		ComplaintRate:  {Raw: f(0.05), Sample: 40},
	}, nil)
	if c == nil || !near(*c, 450.0/7) {
		t.Fatalf("composite = %v, want 450/7", c)
	}
	if lines[1].Enough || lines[1].Score != nil || lines[1].Contribution != nil || lines[1].EffectivePct != 0 {
		t.Errorf("thin resolution line = %+v, want left out", lines[1])
	}
	if !near(lines[0].EffectivePct, 500.0/7) || !near(lines[2].EffectivePct, 200.0/7) {
		t.Errorf("effective weights %v, %v; want 71.43 and 28.57", lines[0].EffectivePct, lines[2].EffectivePct)
	}
	// A perfect resolution rate over 3 problems would have raised the score:
	// leaving it out is what stops a tiny sample from paying.
	full, _ := Composite(s, map[string]Value{
		Satisfaction:   {Raw: f(4.2), Sample: 40},
		ResolutionRate: {Raw: f(1), Sample: 5},
		ComplaintRate:  {Raw: f(0.05), Sample: 40},
	}, nil)
	if !near(*full, 30+30+15) {
		t.Errorf("with 5 problems: %v, want 75", *full)
	}
}

func TestCompositeWithNothingIsNotEnoughData(t *testing.T) {
	c, lines := Composite(defaultScheme(), map[string]Value{Satisfaction: {Raw: f(5), Sample: 2}}, nil)
	if c != nil {
		t.Errorf("composite = %v, want nil", *c)
	}
	if len(lines) != 3 || lines[0].Enough || lines[0].Sample != 2 {
		t.Errorf("lines = %+v", lines)
	}
}

func TestCompositePercentile(t *testing.T) {
	s := Scheme{MinSample: 0, Metrics: []MetricSpec{
		{Metric: BusinessPrefix + "sales_amount_cents", WeightPct: 100, Normalisation: Percentile, Direction: Higher, MinSample: 1},
	}}
	pops := map[string]Population{BusinessPrefix + "sales_amount_cents": NewPopulation([]float64{100, 200, 300, 400})}
	c, _ := Composite(s, map[string]Value{BusinessPrefix + "sales_amount_cents": {Raw: f(300), Sample: 1}}, pops)
	if c == nil || !near(*c, 62.5) { // 2 worse, 1 tie: 2.5/4
		t.Errorf("composite = %v, want 62.5", c)
	}
}

// The rule, stated exactly: with the defaults (prior weight 20,
// minimum sample 10), two 5★ ratings never outrank 300 ratings averaging 4.8.
func TestTwoFiveStarsNeverOutrank300Averaging4Point8WithDefaults(t *testing.T) {
	s := Scheme{PriorWeight: DefaultPriorWeight, MinSample: DefaultMinSample, Metrics: []MetricSpec{
		{Metric: Satisfaction, WeightPct: 100, Normalisation: Linear, Floor: 1, Target: 5, Direction: Higher, MinSample: DefaultMinSample},
	}}
	for _, mean := range []float64{1, 3, 4, 4.5, 4.8, 4.9, 5} {
		few := Value{Raw: f(Credible(s.PriorWeight, mean, 2*5, 2)), Sample: 2}
		many := Value{Raw: f(Credible(s.PriorWeight, mean, 300*4.8, 300)), Sample: 300}
		cFew, _ := Composite(s, map[string]Value{Satisfaction: few}, nil)
		cMany, _ := Composite(s, map[string]Value{Satisfaction: many}, nil)
		if Rankable(cFew, 2, s) {
			t.Errorf("tenant mean %v: two ratings are rankable", mean)
		}
		if !Rankable(cMany, 300, s) {
			t.Errorf("tenant mean %v: 300 ratings are not rankable", mean)
		}
		if cFew != nil && cMany != nil && *cFew > *cMany && Rankable(cFew, 2, s) {
			t.Errorf("tenant mean %v: two 5★ (%v) outrank 300 at 4.8 (%v)", mean, *cFew, *cMany)
		}
	}
	// And the credible average itself already keeps them apart wherever the
	// tenant's mean is not above 4.8: (20×4.5+10)/22 = 4.545 < (90+1440)/320 = 4.781.
	if a, b := Credible(20, 4.5, 10, 2), Credible(20, 4.5, 1440, 300); a >= b {
		t.Errorf("credible two fives %v ≥ credible 300 at 4.8 %v", a, b)
	}
}

func TestRanks(t *testing.T) {
	got := Ranks([]float64{70, 90, 80.0001, 80.0004, 60})
	// 80.0001 and 80.0004 are both 80000 milli: equal, rank 2; 70 is fourth.
	want := []int{4, 1, 2, 2, 5}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Ranks = %v, want %v", got, want)
	}
	if len(Ranks(nil)) != 0 {
		t.Error("Ranks(nil) not empty")
	}
}

func TestValidate(t *testing.T) {
	known := func(m string) bool { return IsBuiltin(m) || m == BusinessPrefix+"sales_amount_cents" }
	ok := defaultScheme()
	if p := Validate(ok, known); len(p) != 0 {
		t.Fatalf("a good scheme: %+v", p)
	}
	mut := func(fn func(*Scheme)) Scheme {
		s := defaultScheme()
		s.Metrics = append([]MetricSpec(nil), s.Metrics...)
		fn(&s)
		return s
	}
	tests := []struct {
		name   string
		scheme Scheme
		paths  []string
	}{
		{"weights sum to 90", mut(func(s *Scheme) { s.Metrics[0].WeightPct = 40 }), []string{"metrics"}},
		{"weights sum to 110", mut(func(s *Scheme) { s.Metrics[2].WeightPct = 30 }), []string{"metrics"}},
		{"zero weight", mut(func(s *Scheme) { s.Metrics[0].WeightPct = 0; s.Metrics[1].WeightPct = 80 }), []string{"metrics[0].weight_pct"}},
		{"unknown metric", mut(func(s *Scheme) { s.Metrics[1].Metric = "happiness" }), []string{"metrics[1].metric"}},
		{"unknown business metric", mut(func(s *Scheme) { s.Metrics[1].Metric = "business:nothing" }), []string{"metrics[1].metric"}},
		{"metric twice", mut(func(s *Scheme) { s.Metrics[1].Metric = Satisfaction }), []string{"metrics[1].metric"}},
		{"floor equals target", mut(func(s *Scheme) { s.Metrics[0].Floor = 5 }), []string{"metrics[0].target"}},
		{"target under floor for higher", mut(func(s *Scheme) { s.Metrics[0].Floor, s.Metrics[0].Target = 5, 3 }), []string{"metrics[0].target"}},
		{"target over floor for lower", mut(func(s *Scheme) { s.Metrics[2].Floor, s.Metrics[2].Target = 0, 0.2 }), []string{"metrics[2].target"}},
		{"negative min sample", mut(func(s *Scheme) { s.Metrics[1].MinSample = -1 }), []string{"metrics[1].min_sample"}},
		{"negative scheme min sample", mut(func(s *Scheme) { s.MinSample = -1 }), []string{"min_sample"}},
		{"negative prior", mut(func(s *Scheme) { s.PriorWeight = -1 }), []string{"prior_weight"}},
		{"bad normalisation", mut(func(s *Scheme) { s.Metrics[0].Normalisation = "log" }), []string{"metrics[0].normalisation"}},
		{"bad direction", mut(func(s *Scheme) { s.Metrics[0].Direction = "up" }), []string{"metrics[0].direction"}},
		{"no metrics", mut(func(s *Scheme) { s.Metrics = nil }), []string{"metrics"}},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range Validate(tc.scheme, known) {
			got = append(got, p.Path)
			if p.Message == "" || strings.Contains(p.Message, "%") {
				t.Errorf("%s: message %q", tc.name, p.Message)
			}
		}
		if !reflect.DeepEqual(got, tc.paths) {
			t.Errorf("%s: problems at %v, want %v", tc.name, got, tc.paths)
		}
	}
	// A percentile metric needs no floor and target.
	pct := mut(func(s *Scheme) {
		s.Metrics[0] = MetricSpec{Metric: Satisfaction, WeightPct: 50, Normalisation: Percentile, Direction: Higher}
	})
	if p := Validate(pct, known); len(p) != 0 {
		t.Errorf("percentile without floor and target: %+v", p)
	}
}

func TestChoose(t *testing.T) {
	schemes := []Scheme{
		{ID: 1, Role: "", ValidFrom: 202601},
		{ID: 2, Role: "", ValidFrom: 202607},
		{ID: 3, Role: "manager", ValidFrom: 202604},
		{ID: 4, Role: "", ValidFrom: 202612},
		{ID: 5, Role: "", ValidFrom: 202607}, // a correction of 2, the same month
		{ID: 6, Role: "employee", ValidFrom: 202611},
	}
	tests := []struct {
		name  string
		roles []string
		first int
		want  int64
		ok    bool
	}{
		{"before any scheme", nil, 202512, 0, false},
		{"the first default", []string{"employee"}, 202603, 1, true},
		{"the later default, its correction", []string{"employee"}, 202607, 5, true},
		{"the latest default not after the month", []string{"teller"}, 202611, 5, true},
		{"a quarter takes its first month's", []string{"employee"}, 202610, 5, true},
		{"the newest default", []string{"teller"}, 202612, 4, true},
		{"a role override beats the default", []string{"manager"}, 202611, 3, true},
		{"an override not yet valid does not", []string{"manager"}, 202603, 1, true},
		{"an override beats a newer default", []string{"manager"}, 202612, 3, true},
		{"the first role with a version wins", []string{"manager", "employee"}, 202611, 3, true},
		{"… in the order given", []string{"employee", "manager"}, 202611, 6, true},
		{"an employee override applies to employees", []string{"employee"}, 202611, 6, true},
	}
	for _, tc := range tests {
		got, ok := Choose(schemes, tc.roles, tc.first)
		if ok != tc.ok || got.ID != tc.want {
			t.Errorf("%s: Choose = %d, %v; want %d, %v", tc.name, got.ID, ok, tc.want, tc.ok)
		}
	}
}
