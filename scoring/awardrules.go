package scoring

import (
	"fmt"
	"sort"
)

// An award rule is a condition tree kept as data (JSON in award_types.rule)
// and interpreted here: nothing in it is ever run as code. A node is either
// a group {op: and|or, children} or a leaf: a metric condition {metric, cmp,
// value, min_sample} over a person's KPI result of the period, or a fact
// condition {fact, cmp, value} over something another area counts.
type AwardCondition struct {
	Op        string           `json:"op,omitempty" enum:"and,or" doc:"a group: and | or over children"`
	Children  []AwardCondition `json:"children,omitempty"`
	Metric    string           `json:"metric,omitempty" doc:"a KPI metric code, or composite"`
	Fact      string           `json:"fact,omitempty" enum:"no_complaints,scenario_passes,cases_published"`
	Cmp       string           `json:"cmp,omitempty" enum:">=,>,<=,<,="`
	Value     float64          `json:"value,omitempty" doc:"in the metric's raw unit (stars 1–5, a 0–1 ratio, points 0–100, a business unit) or a count for a fact"`
	MinSample int              `json:"min_sample,omitempty" doc:"the least sample (ratings, problems, records…) the metric must rest on"`
}

// Rule operators, comparisons and facts.
const (
	OpAnd = "and"
	OpOr  = "or"

	FactNoComplaints   = "no_complaints"
	FactScenarioPasses = "scenario_passes"
	FactCasesPublished = "cases_published"

	// CompositeMetric is the person's KPI composite (0–100 points); its
	// sample is the ratings the result rests on.
	CompositeMetric = "composite"

	// MaxRuleDepth bounds the tree: the root group counts as level 1.
	MaxRuleDepth = 4
	// MaxRuleNodes bounds the conditions of one rule.
	MaxRuleNodes = 64
)

// Facts are the fact conditions a rule may use, in display order.
var Facts = []string{FactNoComplaints, FactScenarioPasses, FactCasesPublished}

var cmps = map[string]bool{">=": true, ">": true, "<=": true, "<": true, "=": true}

// MetricFact is one metric of a person's period result: the raw value ×1000
// (nil when nothing measured it) and the sample behind it.
type MetricFact struct {
	ValueMilli *int
	Sample     int
}

// PersonFacts is what a rule reads of one person for one period. A nil
// count is a fact nobody could tell (its area is not wired): a condition
// over it is false, never a guess.
type PersonFacts struct {
	EmployeeID     int64
	BranchID       int64
	BranchPath     string
	CompositeMilli *int
	Ratings        int
	Metrics        map[string]MetricFact
	Complaints     *int
	ScenarioPasses *int
	CasesPublished *int
}

// ValidateRule checks a rule tree: a known group operator with children,
// leaves naming exactly one known metric (known answers for any metric
// code other than composite) or fact, a known comparison, a sample not
// negative, depth at most MaxRuleDepth. factOK tells whether a fact can be
// read at all (an unwired area refuses rules over it). Paths start at
// "rule": "rule.children[1].metric".
func ValidateRule(c AwardCondition, known func(metric string) bool, factOK func(fact string) bool) []Problem {
	var out []Problem
	nodes := 0
	var walk func(c AwardCondition, path string, depth int)
	walk = func(c AwardCondition, path string, depth int) {
		nodes++
		bad := func(field, msg string, args map[string]any) {
			p := path
			if field != "" {
				p += "." + field
			}
			out = append(out, Problem{Path: p, Message: msg, Args: args})
		}
		if depth > MaxRuleDepth {
			bad("", "conditions nest at most {max} levels deep", map[string]any{"max": MaxRuleDepth})
			return
		}
		if c.Op != "" || len(c.Children) > 0 {
			if c.Op != OpAnd && c.Op != OpOr {
				bad("op", "must be and or or", nil)
			}
			if c.Metric != "" || c.Fact != "" {
				bad("", "a group has children, not a metric or fact of its own", nil)
			}
			if len(c.Children) == 0 {
				bad("children", "a group needs at least one condition", nil)
			}
			for i, ch := range c.Children {
				walk(ch, fmt.Sprintf("%s.children[%d]", path, i), depth+1)
			}
			return
		}
		switch {
		case c.Metric != "" && c.Fact != "":
			bad("", "name a metric or a fact, not both", nil)
			return
		case c.Metric != "":
			if c.Metric != CompositeMetric && !known(c.Metric) {
				bad("metric", "unknown metric", nil)
			}
			if !cmps[c.Cmp] {
				bad("cmp", "must be one of >=, >, <=, < or =", nil)
			}
			if c.MinSample < 0 || c.MinSample > 100000 {
				bad("min_sample", "must be between {min} and {max}", map[string]any{"min": 0, "max": 100000})
			}
		case c.Fact != "":
			if !isFact(c.Fact) {
				bad("fact", "unknown fact", nil)
				return
			}
			if !factOK(c.Fact) {
				bad("fact", "this fact cannot be read yet", nil)
			}
			if c.Fact == FactNoComplaints {
				return // no comparison: it holds or it does not
			}
			if !cmps[c.Cmp] {
				bad("cmp", "must be one of >=, >, <=, < or =", nil)
			}
			if c.Value < 0 || c.Value != float64(int(c.Value)) {
				bad("value", "a whole number, not negative", nil)
			}
		default:
			bad("", "name a metric, a fact, or a group of conditions", nil)
		}
	}
	walk(c, "rule", 1)
	if nodes > MaxRuleNodes {
		out = append(out, Problem{Path: "rule", Message: "at most {max} conditions", Args: map[string]any{"max": MaxRuleNodes}})
	}
	return out
}

func isFact(f string) bool {
	for _, x := range Facts {
		if x == f {
			return true
		}
	}
	return false
}

// RuleFacts lists the facts a rule uses, so the evaluator reads only those.
func RuleFacts(c AwardCondition) map[string]bool {
	out := map[string]bool{}
	var walk func(AwardCondition)
	walk = func(c AwardCondition) {
		if c.Fact != "" {
			out[c.Fact] = true
		}
		for _, ch := range c.Children {
			walk(ch)
		}
	}
	walk(c)
	return out
}

// Holds evaluates a validated rule over a person's facts. A metric the
// person has no value of, or too small a sample of, fails its condition.
func Holds(c AwardCondition, f PersonFacts) bool {
	switch c.Op {
	case OpAnd:
		for _, ch := range c.Children {
			if !Holds(ch, f) {
				return false
			}
		}
		return len(c.Children) > 0
	case OpOr:
		for _, ch := range c.Children {
			if Holds(ch, f) {
				return true
			}
		}
		return false
	}
	switch {
	case c.Metric == CompositeMetric:
		if f.CompositeMilli == nil || f.Ratings < c.MinSample {
			return false
		}
		return compare(int64(*f.CompositeMilli), c.Cmp, Milli(c.Value))
	case c.Metric != "":
		m, ok := f.Metrics[c.Metric]
		if !ok || m.ValueMilli == nil || m.Sample < c.MinSample {
			return false
		}
		// Both sides in thousandths, compared as integers: 4.8 stars is
		// 4800 on both sides, with no float rounding at the edge.
		return compare(int64(*m.ValueMilli), c.Cmp, Milli(c.Value))
	case c.Fact == FactNoComplaints:
		return f.Complaints != nil && *f.Complaints == 0
	case c.Fact == FactScenarioPasses:
		return f.ScenarioPasses != nil && compare(int64(*f.ScenarioPasses), c.Cmp, int64(c.Value))
	case c.Fact == FactCasesPublished:
		return f.CasesPublished != nil && compare(int64(*f.CasesPublished), c.Cmp, int64(c.Value))
	}
	return false
}

func compare(a int64, cmp string, b int64) bool {
	switch cmp {
	case ">=":
		return a >= b
	case ">":
		return a > b
	case "<=":
		return a <= b
	case "<":
		return a < b
	case "=":
		return a == b
	}
	return false
}

// AwardQuota scopes.
const (
	QuotaPerBranch = "branch"
	QuotaPerTenant = "tenant"
)

// AwardQuota is how many may win per period: per branch (the branch the
// person's KPI result counted them in) or in the whole tenant.
type AwardQuota struct {
	Per   string `json:"per" enum:"branch,tenant"`
	Count int    `json:"count" minimum:"1" maximum:"1000"`
}

// Ranked is a winner of a rule: their place within their quota group (1 is
// best) and whether someone outside the quota tied them exactly (same
// composite and ratings), so HR knows the employee-id order decided.
type Ranked struct {
	PersonFacts
	Rank       int
	TiedAtEdge bool
}

// Before is the ranking order of winners: composite descending (none
// last), then ratings descending, then employee id ascending, so the order
// is total and the same every time.
func Before(a, b PersonFacts) bool {
	switch {
	case a.CompositeMilli == nil && b.CompositeMilli != nil:
		return false
	case a.CompositeMilli != nil && b.CompositeMilli == nil:
		return true
	case a.CompositeMilli != nil && *a.CompositeMilli != *b.CompositeMilli:
		return *a.CompositeMilli > *b.CompositeMilli
	case a.Ratings != b.Ratings:
		return a.Ratings > b.Ratings
	}
	return a.EmployeeID < b.EmployeeID
}

func sameStanding(a, b PersonFacts) bool {
	return a.Ratings == b.Ratings && ((a.CompositeMilli == nil) == (b.CompositeMilli == nil)) &&
		(a.CompositeMilli == nil || *a.CompositeMilli == *b.CompositeMilli)
}

// Select keeps the people the rule holds for, ranks them, and keeps the
// first q.Count of each quota group (taken[group] seats already used, e.g.
// by earlier grants of the same period, are subtracted). The quota is a hard
// limit: a tie at the edge never lets one more in; the lower employee id
// wins it and both sides are flagged. Groups come out in order of their
// key, winners in rank order.
func Select(rule AwardCondition, people []PersonFacts, q AwardQuota, taken map[int64]int) []Ranked {
	groups := map[int64][]PersonFacts{}
	for _, p := range people {
		if !Holds(rule, p) {
			continue
		}
		g := QuotaGroup(q, p.BranchID)
		groups[g] = append(groups[g], p)
	}
	keys := make([]int64, 0, len(groups))
	for g := range groups {
		keys = append(keys, g)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var out []Ranked
	for _, g := range keys {
		ps := groups[g]
		sort.Slice(ps, func(i, j int) bool { return Before(ps[i], ps[j]) })
		seats := q.Count - taken[g]
		if seats <= 0 {
			continue
		}
		n := min(seats, len(ps))
		edgeTie := n < len(ps) && sameStanding(ps[n-1], ps[n])
		for i := 0; i < n; i++ {
			out = append(out, Ranked{PersonFacts: ps[i], Rank: i + 1, TiedAtEdge: edgeTie && sameStanding(ps[i], ps[n])})
		}
	}
	return out
}

// QuotaGroup is the key of the group a person's seat counts in: their
// branch, or 0 for the whole tenant.
func QuotaGroup(q AwardQuota, branchID int64) int64 {
	if q.Per == QuotaPerTenant {
		return 0
	}
	return branchID
}
