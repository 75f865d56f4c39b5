package scoring

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Period kinds.
const (
	Month   = "month"
	Quarter = "quarter"
	Year    = "year"
)

// Period is a KPI period: a month ("2026-11"), a quarter ("2026-Q4") or a
// year ("2026"), covering the months FirstMonth..LastMonth (yyyymm, both
// included) of the tenant's calendar.
type Period struct {
	Key        string
	Kind       string
	FirstMonth int
	LastMonth  int
}

// ErrPeriod is what ParsePeriod answers for a key that names no period.
var ErrPeriod = errors.New(`a period is "2026-11", "2026-Q4" or "2026"`)

// Years outside this range are typing mistakes, not periods of a bank.
const minYear, maxYear = 2000, 2200

// ParsePeriod reads a period key. It accepts exactly the canonical forms, so
// one period has one key (no "2026-1", no "2026-q4").
func ParsePeriod(key string) (Period, error) {
	year := func(s string) (int, bool) {
		if len(s) != 4 {
			return 0, false
		}
		y, err := strconv.Atoi(s)
		return y, err == nil && y >= minYear && y <= maxYear
	}
	switch {
	case len(key) == 4:
		if y, ok := year(key); ok {
			return YearPeriod(y), nil
		}
	case len(key) == 7 && key[4] == '-' && key[5] == 'Q':
		y, ok := year(key[:4])
		q := int(key[6] - '0')
		if ok && q >= 1 && q <= 4 {
			return QuarterPeriod(y, q), nil
		}
	case len(key) == 7 && key[4] == '-':
		y, ok := year(key[:4])
		m, err := strconv.Atoi(key[5:])
		if ok && err == nil && key[5] >= '0' && key[5] <= '1' && m >= 1 && m <= 12 {
			return MonthPeriod(y*100 + m), nil
		}
	}
	return Period{}, ErrPeriod
}

// MonthPeriod is the period of one month (yyyymm).
func MonthPeriod(m int) Period {
	return Period{Key: fmt.Sprintf("%04d-%02d", m/100, m%100), Kind: Month, FirstMonth: m, LastMonth: m}
}

// QuarterPeriod is quarter q (1..4) of year y.
func QuarterPeriod(y, q int) Period {
	first := y*100 + (q-1)*3 + 1
	return Period{Key: fmt.Sprintf("%04d-Q%d", y, q), Kind: Quarter, FirstMonth: first, LastMonth: first + 2}
}

// YearPeriod is year y.
func YearPeriod(y int) Period {
	return Period{Key: fmt.Sprintf("%04d", y), Kind: Year, FirstMonth: y*100 + 1, LastMonth: y*100 + 12}
}

// PeriodOf is the period of kind that holds month m.
func PeriodOf(kind string, m int) Period {
	switch kind {
	case Quarter:
		return QuarterPeriod(m/100, (m%100-1)/3+1)
	case Year:
		return YearPeriod(m / 100)
	}
	return MonthPeriod(m)
}

// PeriodsOfMonth are the month, the quarter and the year that hold m: the
// periods whose results a change in month m touches.
func PeriodsOfMonth(m int) []Period {
	return []Period{PeriodOf(Month, m), PeriodOf(Quarter, m), PeriodOf(Year, m)}
}

// MonthOf is the month (yyyymm) that t falls in on the calendar of loc, the
// tenant's time zone: 2026-11-30T17:00Z is 202612 in Asia/Shanghai.
func MonthOf(t time.Time, loc *time.Location) int {
	l := t.In(loc)
	return l.Year()*100 + int(l.Month())
}

// AddMonths moves month m (yyyymm) by k months, either way.
func AddMonths(m, k int) int {
	n := (m/100)*12 + (m%100 - 1) + k
	return (n/12)*100 + n%12 + 1
}

// Contains reports whether month m lies in the period.
func (p Period) Contains(m int) bool { return m >= p.FirstMonth && m <= p.LastMonth }

// Months lists the period's months in order.
func (p Period) Months() []int {
	var out []int
	for m := p.FirstMonth; m <= p.LastMonth; m = AddMonths(m, 1) {
		out = append(out, m)
	}
	return out
}

// Shift is the period of the same kind k periods later (earlier when k < 0).
func (p Period) Shift(k int) Period {
	switch p.Kind {
	case Quarter:
		return PeriodOf(Quarter, AddMonths(p.FirstMonth, 3*k))
	case Year:
		return YearPeriod(p.FirstMonth/100 + k)
	}
	return MonthPeriod(AddMonths(p.FirstMonth, k))
}

// Previous lists the n periods of p's kind that end with p, oldest first:
// the points of a trend line.
func (p Period) Previous(n int) []Period {
	out := make([]Period, 0, max(n, 0))
	for i := n - 1; i >= 0; i-- {
		out = append(out, p.Shift(-i))
	}
	return out
}

// ValidMonth reports whether m is a yyyymm month.
func ValidMonth(m int) bool {
	return m%100 >= 1 && m%100 <= 12 && m/100 >= minYear && m/100 <= maxYear
}
