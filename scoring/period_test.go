package scoring

import (
	"reflect"
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	good := []struct {
		key         string
		kind        string
		first, last int
	}{
		{"2026-11", Month, 202611, 202611},
		{"2026-01", Month, 202601, 202601},
		{"2026-Q1", Quarter, 202601, 202603},
		{"2026-Q4", Quarter, 202610, 202612},
		{"2026", Year, 202601, 202612},
	}
	for _, g := range good {
		p, err := ParsePeriod(g.key)
		if err != nil || p.Key != g.key || p.Kind != g.kind || p.FirstMonth != g.first || p.LastMonth != g.last {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %s %d..%d", g.key, p, err, g.kind, g.first, g.last)
		}
	}
	for _, bad := range []string{"", "2026-1", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-q4", "26-11", "1999", "2026-11-01", "abcd", "2026-+1", "２０２６"} {
		if p, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want an error", bad, p)
		}
	}
}

func TestMonthOfUsesTheTenantsZone(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 30, 17, 0, 0, 0, time.UTC) // 01:00 on 1 December in Shanghai
	if got := MonthOf(at, sh); got != 202612 {
		t.Errorf("MonthOf in Shanghai = %d, want 202612", got)
	}
	if got := MonthOf(at, time.UTC); got != 202611 {
		t.Errorf("MonthOf in UTC = %d, want 202611", got)
	}
	newYear := time.Date(2026, 12, 31, 16, 30, 0, 0, time.UTC)
	if got := MonthOf(newYear, sh); got != 202701 {
		t.Errorf("MonthOf at Shanghai's new year = %d, want 202701", got)
	}
}

func TestPeriodArithmetic(t *testing.T) {
	if got := AddMonths(202611, 3); got != 202702 {
		t.Errorf("AddMonths(202611, 3) = %d", got)
	}
	if got := AddMonths(202601, -1); got != 202512 {
		t.Errorf("AddMonths(202601, -1) = %d", got)
	}
	if got := AddMonths(202603, -27); got != 202312 {
		t.Errorf("AddMonths(202603, -27) = %d", got)
	}
	if got := PeriodOf(Quarter, 202608).Key; got != "2026-Q3" {
		t.Errorf("quarter of 202608 = %s", got)
	}
	keys := func(ps []Period) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Key)
		}
		return out
	}
	m, _ := ParsePeriod("2026-02")
	if got, want := keys(m.Previous(4)), []string{"2025-11", "2025-12", "2026-01", "2026-02"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Previous(4) of 2026-02 = %v, want %v", got, want)
	}
	q, _ := ParsePeriod("2026-Q1")
	if got, want := keys(q.Previous(3)), []string{"2025-Q3", "2025-Q4", "2026-Q1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Previous(3) of 2026-Q1 = %v, want %v", got, want)
	}
	y, _ := ParsePeriod("2026")
	if got, want := keys(y.Previous(3)), []string{"2024", "2025", "2026"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Previous(3) of 2026 = %v, want %v", got, want)
	}
	if got, want := q.Months(), []int{202601, 202602, 202603}; !reflect.DeepEqual(got, want) {
		t.Errorf("months of 2026-Q1 = %v", got)
	}
	if got, want := keys(PeriodsOfMonth(202611)), []string{"2026-11", "2026-Q4", "2026"}; !reflect.DeepEqual(got, want) {
		t.Errorf("PeriodsOfMonth(202611) = %v", got)
	}
}
