package scoring

import (
	"slices"
	"testing"
	"time"
)

func ip(v int) *int { return &v }

func TestRequirementValidate(t *testing.T) {
	cats := []string{"complaint", "wealth"}
	cases := []struct {
		r    Requirement
		want []string // params named, in order
	}{
		{Requirement{Kind: ReqTenure, Count: 24}, nil},
		{Requirement{Kind: ReqTenure, Count: -1}, []string{"count"}},
		{Requirement{Kind: ReqTenure}, []string{"count"}},
		{Requirement{Kind: ReqKPI, PeriodKind: Quarter, Periods: 4, MinMilli: 80_000}, nil},
		{Requirement{Kind: ReqKPI, PeriodKind: "week", Periods: 0, MinMilli: -5}, []string{"period_kind", "periods", "min_milli"}},
		{Requirement{Kind: ReqKPI, PeriodKind: Month, Periods: 13, MinMilli: 100_001}, []string{"periods", "min_milli"}},
		{Requirement{Kind: ReqScenarios, Category: "wealth", Count: 3}, nil},
		{Requirement{Kind: ReqScenarios, Category: "astrology", Count: 3}, []string{"category"}},
		{Requirement{Kind: ReqCases, Count: 1001}, []string{"count"}},
		{Requirement{Kind: ReqAwards, Count: 1}, nil},
		{Requirement{Kind: ReqAwards, Count: 1, TypeCode: "customer_praise"}, nil},
		{Requirement{Kind: ReqSuggestions, Count: 2}, nil},
		{Requirement{Kind: "charisma", Count: 2}, []string{"kind"}},
	}
	for _, c := range cases {
		var got []string
		for _, p := range c.r.Validate(cats) {
			got = append(got, p.Param)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Validate(%+v) named %v, want %v", c.r, got, c.want)
		}
	}
}

func TestEvaluateEachKind(t *testing.T) {
	full := CareerFacts{
		TenureMonths:       ip(30),
		Composites:         map[string][]*int{Quarter: {ip(86_000), ip(81_000), ip(92_500)}, Month: {ip(90_000), nil}},
		Categories:         map[string]int{"wealth": 4, "complaint": 1},
		CasesPublished:     ip(2),
		Awards:             map[string]int{"": 3, "customer_praise": 1},
		SuggestionsAdopted: ip(0),
	}
	cases := []struct {
		name    string
		r       Requirement
		f       CareerFacts
		current *int
		target  int
		met     bool
		unavail string
	}{
		{"tenure met", Requirement{Kind: ReqTenure, Count: 24}, full, ip(30), 24, true, ""},
		{"tenure short", Requirement{Kind: ReqTenure, Count: 36}, full, ip(30), 36, false, ""},
		{"tenure without hire date", Requirement{Kind: ReqTenure, Count: 1}, CareerFacts{}, nil, 1, false, NoHireDate},
		{"kpi every period above", Requirement{Kind: ReqKPI, PeriodKind: Quarter, Periods: 3, MinMilli: 80_000}, full, ip(81_000), 80_000, true, ""},
		{"kpi one period below", Requirement{Kind: ReqKPI, PeriodKind: Quarter, Periods: 3, MinMilli: 85_000}, full, ip(81_000), 85_000, false, ""},
		{"kpi only the newest asked", Requirement{Kind: ReqKPI, PeriodKind: Quarter, Periods: 1, MinMilli: 85_000}, full, ip(86_000), 85_000, true, ""},
		{"kpi too few periods", Requirement{Kind: ReqKPI, PeriodKind: Quarter, Periods: 4, MinMilli: 10_000}, full, nil, 10_000, false, ""},
		{"kpi a period without composite", Requirement{Kind: ReqKPI, PeriodKind: Month, Periods: 2, MinMilli: 10_000}, full, nil, 10_000, false, ""},
		{"kpi unavailable", Requirement{Kind: ReqKPI, PeriodKind: Month, Periods: 1, MinMilli: 1}, CareerFacts{}, nil, 1, false, NoSource},
		{"scenarios met", Requirement{Kind: ReqScenarios, Category: "wealth", Count: 4}, full, ip(4), 4, true, ""},
		{"scenarios of a category never passed", Requirement{Kind: ReqScenarios, Category: "fx", Count: 1}, full, ip(0), 1, false, ""},
		{"cases short", Requirement{Kind: ReqCases, Count: 3}, full, ip(2), 3, false, ""},
		{"cases unavailable", Requirement{Kind: ReqCases, Count: 3}, CareerFacts{}, nil, 3, false, NoSource},
		{"awards any", Requirement{Kind: ReqAwards, Count: 3}, full, ip(3), 3, true, ""},
		{"awards of a type", Requirement{Kind: ReqAwards, Count: 2, TypeCode: "customer_praise"}, full, ip(1), 2, false, ""},
		{"awards unavailable", Requirement{Kind: ReqAwards, Count: 1}, CareerFacts{}, nil, 1, false, NoSource},
		{"suggestions none yet", Requirement{Kind: ReqSuggestions, Count: 1}, full, ip(0), 1, false, ""},
	}
	for _, c := range cases {
		got := Evaluate(c.r, c.f)
		cur := func(p *int) any {
			if p == nil {
				return nil
			}
			return *p
		}
		if cur(got.Current) != cur(c.current) || got.Target != c.target || got.Met != c.met || got.Unavailable != c.unavail || got.Kind != c.r.Kind {
			t.Errorf("%s: got current %v target %d met %v unavailable %q, want %v %d %v %q",
				c.name, cur(got.Current), got.Target, got.Met, got.Unavailable, cur(c.current), c.target, c.met, c.unavail)
		}
	}
}

func TestTenureMonths(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		hired, now time.Time
		want       int
	}{
		{d(2024, 1, 15), d(2024, 1, 20), 0},
		{d(2024, 1, 15), d(2024, 2, 14), 0},
		{d(2024, 1, 15), d(2024, 2, 15), 1},
		{d(2020, 11, 2), d(2026, 11, 2), 72},
		{d(2027, 1, 1), d(2026, 11, 2), 0},
	}
	for _, c := range cases {
		if got := TenureMonths(c.hired, c.now); got != c.want {
			t.Errorf("TenureMonths(%s, %s) = %d, want %d", c.hired.Format(time.DateOnly), c.now.Format(time.DateOnly), got, c.want)
		}
	}
}
