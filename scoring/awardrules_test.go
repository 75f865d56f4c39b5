package scoring

import (
	"encoding/json"
	"reflect"
	"testing"
)

func iptr(v int) *int { return &v }

// person builds one row of a hand-made KPI table: satisfaction in stars
// over ratings, resolution as a ratio over problems, complaints counted.
func person(id, branch int64, composite int, sat float64, ratings int, res float64, problems, complaints int) PersonFacts {
	return PersonFacts{EmployeeID: id, BranchID: branch, CompositeMilli: iptr(composite), Ratings: ratings, Complaints: iptr(complaints),
		Metrics: map[string]MetricFact{
			Satisfaction:   {ValueMilli: iptr(int(Milli(sat))), Sample: ratings},
			ResolutionRate: {ValueMilli: iptr(int(Milli(res))), Sample: problems},
		}}
}

func rule(t *testing.T, js string) AwardCondition {
	t.Helper()
	var c AwardCondition
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

const praise = `{"op":"and","children":[{"metric":"satisfaction","cmp":">=","value":4.8,"min_sample":30},{"fact":"no_complaints"}]}`

func TestHoldsOverAHandMadeTable(t *testing.T) {
	r := rule(t, praise)
	cases := []struct {
		name string
		p    PersonFacts
		want bool
	}{
		{"exactly at the threshold with exactly the sample", person(1, 10, 90000, 4.8, 30, 0.9, 10, 0), true},
		{"a thousandth below", person(2, 10, 90000, 4.799, 30, 0.9, 10, 0), false},
		{"one rating short", person(3, 10, 90000, 4.9, 29, 0.9, 10, 0), false},
		{"one complaint", person(4, 10, 90000, 4.9, 40, 0.9, 10, 1), false},
		{"complaints unknown (area not wired)", func() PersonFacts { p := person(5, 10, 1, 4.9, 40, 1, 1, 0); p.Complaints = nil; return p }(), false},
		{"no satisfaction measured", func() PersonFacts {
			p := person(6, 10, 1, 4.9, 40, 1, 1, 0)
			p.Metrics[Satisfaction] = MetricFact{Sample: 40}
			return p
		}(), false},
		{"metric missing from the scheme", PersonFacts{EmployeeID: 7, Complaints: iptr(0), Metrics: map[string]MetricFact{}}, false},
	}
	for _, c := range cases {
		if got := Holds(r, c.p); got != c.want {
			t.Errorf("%s: Holds = %v, want %v", c.name, got, c.want)
		}
	}

	or := rule(t, `{"op":"or","children":[{"metric":"resolution_rate","cmp":">=","value":0.95,"min_sample":15},{"op":"and","children":[{"metric":"composite","cmp":">","value":85},{"fact":"scenario_passes","cmp":">=","value":3}]}]}`)
	p := person(8, 10, 85001, 4, 10, 0.5, 20, 0)
	if Holds(or, p) {
		t.Error("scenario passes unknown: the and-branch must fail")
	}
	p.ScenarioPasses = iptr(3)
	if !Holds(or, p) {
		t.Error("composite 85.001 > 85 and 3 passes: want true")
	}
	p = person(9, 10, 10000, 4, 10, 0.95, 15, 0)
	if !Holds(or, p) {
		t.Error("resolution 95% over 15 problems: want true")
	}
	for _, cmp := range []struct {
		c    string
		want bool
	}{{">=", true}, {">", false}, {"<=", true}, {"<", false}, {"=", true}} {
		c := AwardCondition{Metric: ResolutionRate, Cmp: cmp.c, Value: 0.95}
		if got := Holds(c, p); got != cmp.want {
			t.Errorf("0.95 %s 0.95 = %v, want %v", cmp.c, got, cmp.want)
		}
	}
	cp := person(10, 10, 1, 4, 10, 0.9, 10, 0)
	cp.CasesPublished = iptr(2)
	if !Holds(AwardCondition{Fact: FactCasesPublished, Cmp: ">=", Value: 2}, cp) || Holds(AwardCondition{Fact: FactCasesPublished, Cmp: ">", Value: 2}, cp) {
		t.Error("cases published 2: >= 2 holds, > 2 does not")
	}
}

func TestValidateRuleNamesThePath(t *testing.T) {
	known := func(m string) bool { return IsBuiltin(m) || m == "business:sales" }
	all := func(string) bool { return true }
	noCases := func(f string) bool { return f != FactCasesPublished }
	cases := []struct {
		name  string
		js    string
		fact  func(string) bool
		paths []string
	}{
		{"valid", praise, all, nil},
		{"a business metric", `{"metric":"business:sales","cmp":">","value":100}`, all, nil},
		{"unknown metric", `{"op":"and","children":[{"fact":"no_complaints"},{"metric":"happiness","cmp":">=","value":1}]}`, all, []string{"rule.children[1].metric"}},
		{"bad operator", `{"op":"and","children":[{"metric":"satisfaction","cmp":"=>","value":4}]}`, all, []string{"rule.children[0].cmp"}},
		{"bad group op", `{"op":"xor","children":[{"fact":"no_complaints"}]}`, all, []string{"rule.op"}},
		{"empty group", `{"op":"or","children":[]}`, all, []string{"rule.children"}},
		{"empty leaf", `{}`, all, []string{"rule"}},
		{"both metric and fact", `{"metric":"satisfaction","fact":"no_complaints","cmp":">","value":1}`, all, []string{"rule"}},
		{"unknown fact", `{"fact":"smiles","cmp":">","value":1}`, all, []string{"rule.fact"}},
		{"fractional count", `{"fact":"scenario_passes","cmp":">","value":1.5}`, all, []string{"rule.value"}},
		{"negative sample", `{"metric":"satisfaction","cmp":">","value":1,"min_sample":-1}`, all, []string{"rule.min_sample"}},
		{"cases not wired", `{"op":"and","children":[{"fact":"cases_published","cmp":">=","value":1}]}`, noCases, []string{"rule.children[0].fact"}},
		{"depth 4 is fine", `{"op":"and","children":[{"op":"or","children":[{"op":"and","children":[{"fact":"no_complaints"}]}]}]}`, all, nil},
		{"depth 5 is not", `{"op":"and","children":[{"op":"or","children":[{"op":"and","children":[{"op":"or","children":[{"fact":"no_complaints"}]}]}]}]}`, all,
			[]string{"rule.children[0].children[0].children[0].children[0]"}},
	}
	for _, c := range cases {
		probs := ValidateRule(rule(t, c.js), known, c.fact)
		var got []string
		for _, p := range probs {
			got = append(got, p.Path)
		}
		if !reflect.DeepEqual(got, c.paths) {
			t.Errorf("%s: problems at %v, want %v (%v)", c.name, got, c.paths, probs)
		}
	}
}

func ids(rs []Ranked) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.EmployeeID)
	}
	return out
}

func TestSelectRanksAndKeepsTheQuota(t *testing.T) {
	r := rule(t, praise)
	table := []PersonFacts{
		person(1, 10, 91000, 4.9, 40, 1, 1, 0),
		person(2, 10, 95000, 4.85, 35, 1, 1, 0),
		person(3, 10, 93000, 4.8, 31, 1, 1, 0),
		person(4, 20, 80000, 4.95, 50, 1, 1, 0),
		person(5, 20, 99000, 4.7, 50, 1, 1, 0), // fails satisfaction
		person(6, 20, 99000, 4.9, 50, 1, 1, 2), // fails complaints
		person(7, 30, 99000, 4.9, 20, 1, 1, 0), // too few ratings
	}
	perBranch := Select(r, table, AwardQuota{Per: QuotaPerBranch, Count: 2}, nil)
	if got, want := ids(perBranch), []int64{2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("per branch 2: %v, want %v", got, want)
	}
	if perBranch[0].Rank != 1 || perBranch[1].Rank != 2 || perBranch[2].Rank != 1 {
		t.Errorf("ranks within branch: %+v", perBranch)
	}
	perTenant := Select(r, table, AwardQuota{Per: QuotaPerTenant, Count: 3}, nil)
	if got, want := ids(perTenant), []int64{2, 3, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("per tenant 3: %v, want %v", got, want)
	}
	// Seats already used (a grant made earlier in the period) are taken off.
	taken := Select(r, table, AwardQuota{Per: QuotaPerBranch, Count: 2}, map[int64]int{10: 1, 20: 2})
	if got, want := ids(taken), []int64{2}; !reflect.DeepEqual(got, want) {
		t.Errorf("with seats taken: %v, want %v", got, want)
	}
	if got := Select(r, nil, AwardQuota{Per: QuotaPerTenant, Count: 3}, nil); len(got) != 0 {
		t.Errorf("nobody: %v", got)
	}
}

func TestSelectTiesAtTheEdge(t *testing.T) {
	r := AwardCondition{Metric: CompositeMetric, Cmp: ">=", Value: 0}
	a := person(30, 1, 90000, 4.9, 40, 1, 1, 0)
	b := person(12, 1, 90000, 4.9, 40, 1, 1, 0)
	c := person(21, 1, 90000, 4.9, 40, 1, 1, 0)
	d := person(5, 1, 90000, 4.9, 39, 1, 1, 0) // same composite, fewer ratings: behind
	e := person(40, 1, 95000, 4.9, 10, 1, 1, 0)
	got := Select(r, []PersonFacts{a, b, c, d, e}, AwardQuota{Per: QuotaPerTenant, Count: 2}, nil)
	// 40 leads on composite; of the three-way tie the lowest id takes the
	// one seat left; the quota is never stretched.
	if want := []int64{40, 12}; !reflect.DeepEqual(ids(got), want) {
		t.Fatalf("winners %v, want %v", ids(got), want)
	}
	if got[0].TiedAtEdge || !got[1].TiedAtEdge {
		t.Errorf("only the seat decided by id is flagged: %+v", got)
	}
	// A tie wholly inside the quota is no edge.
	got = Select(r, []PersonFacts{a, b, c, d, e}, AwardQuota{Per: QuotaPerTenant, Count: 4}, nil)
	if want := []int64{40, 12, 21, 30}; !reflect.DeepEqual(ids(got), want) {
		t.Fatalf("winners %v, want %v", ids(got), want)
	}
	for _, w := range got {
		if w.TiedAtEdge {
			t.Errorf("%d flagged though 5 has fewer ratings", w.EmployeeID)
		}
	}
	// Ratings break a composite tie before ids do; no composite ranks last.
	n := PersonFacts{EmployeeID: 1, BranchID: 1, Ratings: 99}
	got = Select(AwardCondition{Metric: CompositeMetric, Cmp: ">=", Value: 0}, []PersonFacts{n, d, b}, AwardQuota{Per: QuotaPerTenant, Count: 3}, nil)
	if want := []int64{12, 5}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("winners %v, want %v (no composite fails a composite condition)", ids(got), want)
	}
	if !Before(b, n) || Before(n, b) {
		t.Error("a person without a composite ranks after one with")
	}
}

func TestRuleFacts(t *testing.T) {
	got := RuleFacts(rule(t, `{"op":"or","children":[{"fact":"no_complaints"},{"op":"and","children":[{"fact":"scenario_passes","cmp":">","value":1},{"metric":"satisfaction","cmp":">","value":1}]}]}`))
	if !reflect.DeepEqual(got, map[string]bool{FactNoComplaints: true, FactScenarioPasses: true}) {
		t.Errorf("facts %v", got)
	}
}
