package scoring

import (
	"fmt"
	"slices"
	"time"
)

// Requirement kinds of a career level.
const (
	ReqTenure      = "tenure_months"       // at least Count full months since hire
	ReqKPI         = "kpi_composite"       // each of the last Periods periods of PeriodKind has a composite ≥ MinMilli
	ReqScenarios   = "scenario_category"   // at least Count distinct scenarios of Category passed
	ReqCases       = "cases_published"     // at least Count published cases
	ReqAwards      = "awards"              // at least Count awards (of TypeCode, when given)
	ReqSuggestions = "suggestions_adopted" // at least Count adopted suggestions (authored or contributed to)
)

// RequirementKinds lists the kinds in the order a screen offers them.
var RequirementKinds = []string{ReqTenure, ReqKPI, ReqScenarios, ReqCases, ReqAwards, ReqSuggestions}

// Bounds of a requirement's numbers: beyond them a value is a typing
// mistake, not a bank's rule.
const (
	MaxRequirementCount = 1000
	MaxKPIPeriods       = 12
	MaxCompositeMilli   = 100_000
)

// Requirement is one condition of a career level. Which fields count
// depends on Kind; the others stay zero.
type Requirement struct {
	Kind       string `json:"-"`
	Count      int    `json:"count,omitempty"`
	PeriodKind string `json:"period_kind,omitempty"`
	Periods    int    `json:"periods,omitempty"`
	MinMilli   int    `json:"min_milli,omitempty"`
	Category   string `json:"category,omitempty"`
	TypeCode   string `json:"type_code,omitempty"`
}

// RequirementProblem is one thing wrong with a requirement: the parameter
// (or "kind") and an English message of the catalogue.
type RequirementProblem struct {
	Param   string
	Message string
}

// Validate lists what is wrong with r; categories are the scenario
// categories a scenario_category requirement may name.
func (r Requirement) Validate(categories []string) []RequirementProblem {
	var out []RequirementProblem
	bad := func(param, msg string) { out = append(out, RequirementProblem{param, msg}) }
	count := func() {
		if r.Count < 1 || r.Count > MaxRequirementCount {
			bad("count", "a whole number from 1 to 1000")
		}
	}
	switch r.Kind {
	case ReqTenure, ReqCases, ReqSuggestions:
		count()
	case ReqScenarios:
		count()
		if !slices.Contains(categories, r.Category) {
			bad("category", "not a scenario category")
		}
	case ReqAwards:
		count()
		if len(r.TypeCode) > 64 {
			bad("type_code", "at most 64 characters")
		}
	case ReqKPI:
		if r.PeriodKind != Month && r.PeriodKind != Quarter && r.PeriodKind != Year {
			bad("period_kind", "must be month, quarter or year")
		}
		if r.Periods < 1 || r.Periods > MaxKPIPeriods {
			bad("periods", "a whole number from 1 to 12")
		}
		if r.MinMilli < 0 || r.MinMilli > MaxCompositeMilli {
			bad("min_milli", "from 0 to 100000 (thousandths of a point)")
		}
	default:
		bad("kind", "not a requirement kind")
	}
	return out
}

// CareerFacts are what a person's requirements are measured against. A nil
// field (or map) is a fact nobody could read ("unavailable"), which meets
// nothing; an empty one is a fact that is zero.
type CareerFacts struct {
	// TenureMonths is full months since hire; nil when no hire date is set.
	TenureMonths *int
	// Composites are, per period kind, the composites (thousandths) of the
	// last periods, newest first; a nil entry is a period without one.
	Composites map[string][]*int
	// Categories are distinct scenarios passed, per category.
	Categories map[string]int
	// CasesPublished counts the person's published cases.
	CasesPublished *int
	// Awards count grants per award type code; "" holds the total.
	Awards map[string]int
	// SuggestionsAdopted counts adopted suggestions authored or contributed to.
	SuggestionsAdopted *int
}

// Progress is a requirement measured: the person's current value, the
// target, and whether it is met. Unavailable says why it could not be
// measured (it is then not met).
type Progress struct {
	Kind        string `json:"kind"`
	Current     *int   `json:"current"`
	Target      int    `json:"target"`
	Met         bool   `json:"met"`
	Unavailable string `json:"unavailable,omitempty"`
}

// Unavailable reasons.
const (
	NoHireDate = "no_hire_date"
	NoSource   = "source_unavailable"
)

// Evaluate measures r against f.
//
// A KPI requirement is met when every one of the last Periods periods has
// a composite and each is at least MinMilli (not an average: one weak
// period holds a promotion back, as banks' rules usually say); Current is
// the lowest of them, or nil when some period has none.
func Evaluate(r Requirement, f CareerFacts) Progress {
	p := Progress{Kind: r.Kind, Target: r.Count}
	count := func(v *int) Progress {
		if v == nil {
			p.Unavailable = NoSource
			return p
		}
		c := *v
		p.Current, p.Met = &c, c >= r.Count
		return p
	}
	fromMap := func(m map[string]int, key string) Progress {
		if m == nil {
			p.Unavailable = NoSource
			return p
		}
		c := m[key]
		return count(&c)
	}
	switch r.Kind {
	case ReqTenure:
		if f.TenureMonths == nil {
			p.Unavailable = NoHireDate
			return p
		}
		return count(f.TenureMonths)
	case ReqCases:
		return count(f.CasesPublished)
	case ReqSuggestions:
		return count(f.SuggestionsAdopted)
	case ReqScenarios:
		return fromMap(f.Categories, r.Category)
	case ReqAwards:
		return fromMap(f.Awards, r.TypeCode)
	case ReqKPI:
		p.Target = r.MinMilli
		if f.Composites == nil {
			p.Unavailable = NoSource
			return p
		}
		got := f.Composites[r.PeriodKind]
		if len(got) > r.Periods {
			got = got[:r.Periods]
		}
		lowest, whole := 0, len(got) == r.Periods
		for i, c := range got {
			if c == nil {
				whole = false
				continue
			}
			if i == 0 || *c < lowest {
				lowest = *c
			}
		}
		if whole {
			p.Current, p.Met = &lowest, lowest >= r.MinMilli
		}
		return p
	}
	p.Unavailable = NoSource
	return p
}

// TenureMonths counts the full months from hired to now (0 before the
// first month is over; never negative).
func TenureMonths(hired, now time.Time) int {
	hy, hm, hd := hired.Date()
	ny, nm, nd := now.Date()
	n := (ny-hy)*12 + int(nm-hm)
	if nd < hd {
		n--
	}
	return max(n, 0)
}

// Label is a requirement in words, in Chinese and in English, for lists
// where the UI shows no form.
func (r Requirement) Label() (zh, en string) {
	switch r.Kind {
	case ReqTenure:
		return fmt.Sprintf("入职满 %d 个月", r.Count), fmt.Sprintf("%d months since hire", r.Count)
	case ReqKPI:
		kz := map[string]string{Month: "个月", Quarter: "个季度", Year: "年"}[r.PeriodKind]
		ke := map[string]string{Month: "months", Quarter: "quarters", Year: "years"}[r.PeriodKind]
		pts := fmt.Sprintf("%d.%d", r.MinMilli/1000, r.MinMilli%1000/100)
		return fmt.Sprintf("近 %d %s综合得分每期 ≥ %s", r.Periods, kz, pts), fmt.Sprintf("KPI composite ≥ %s in each of the last %d %s", pts, r.Periods, ke)
	case ReqScenarios:
		return fmt.Sprintf("通过“%s”类场景 %d 个", r.Category, r.Count), fmt.Sprintf("%d %s scenarios passed", r.Count, r.Category)
	case ReqCases:
		return fmt.Sprintf("发表服务之星案例 %d 篇", r.Count), fmt.Sprintf("%d cases published", r.Count)
	case ReqAwards:
		if r.TypeCode != "" {
			return fmt.Sprintf("获得“%s”奖项 %d 次", r.TypeCode, r.Count), fmt.Sprintf("%d %s awards", r.Count, r.TypeCode)
		}
		return fmt.Sprintf("获得奖项 %d 次", r.Count), fmt.Sprintf("%d awards", r.Count)
	case ReqSuggestions:
		return fmt.Sprintf("改进建议被采纳 %d 条", r.Count), fmt.Sprintf("%d suggestions adopted", r.Count)
	}
	return r.Kind, r.Kind
}
