package kpi

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/scoring"
)

// inputs is everything one period's recompute reads, gathered first so the
// computation itself touches no database.
type inputs struct {
	TenantID int64
	Period   scoring.Period
	Schemes  []scoring.Scheme
	Branches []org.Branch
	// People are the tenant's users; those holding the employee role have
	// a result when they are active or the period's data names them (an
	// auditor, who holds no other role, never has one).
	People   map[int64]person
	Rollups  []feedback.Rollup
	Results  []feedback.BusinessResult
	Business map[string]feedback.BusinessMetric // by code
	Best     map[int64][]float64                // best total per scenario finished
	Due      map[int64][2]int                   // completed, assigned
	Attended map[int64]int                      // recorded case-study sessions attended
}

// completion is a person's training completion in the period (completed,
// assigned): the memberships of assignments due, and each recorded
// case-study session attended as one more piece of training both due and
// done.
func (in inputs) completion(id int64) [2]int {
	d, n := in.Due[id], in.Attended[id]
	return [2]int{d[0] + n, d[1] + n}
}

type person struct {
	ID       int64
	BranchID int64 // home branch now
	Roles    []string
	Employee bool // holds the employee role
	Staff    bool // and is active
}

// personData is a person's raw material in the period.
type personData struct {
	tally    feedback.Tally
	byBranch map[int64]int64          // records per branch the feedback counted for
	business map[string]map[int]int64 // metric → month → value
	seen     bool                     // named by the period's data
}

type output struct {
	People   []Result
	Branches []BranchResult
	Scores   []MetricScore
}

// compute turns a period's inputs into its result rows. A person's branch
// is where most of their feedback counted in the period (the branch they
// worked in then), else their home branch now.
func compute(in inputs, now time.Time) (output, error) {
	branchByID := make(map[int64]*org.Branch, len(in.Branches))
	for i := range in.Branches {
		branchByID[in.Branches[i].ID] = &in.Branches[i]
	}
	data := map[int64]*personData{}
	of := func(id int64) *personData {
		d := data[id]
		if d == nil {
			d = &personData{byBranch: map[int64]int64{}, business: map[string]map[int]int64{}}
			data[id] = d
		}
		return d
	}
	var tenant feedback.Tally
	branchTally := map[int64]*feedback.Tally{}
	for _, r := range in.Rollups {
		add(&tenant, r.Tally)
		if branchTally[r.BranchID] == nil {
			branchTally[r.BranchID] = &feedback.Tally{}
		}
		add(branchTally[r.BranchID], r.Tally)
		if r.EmployeeID == 0 {
			continue
		}
		d := of(r.EmployeeID)
		add(&d.tally, r.Tally)
		d.byBranch[r.BranchID] += r.Records
		d.seen = true
	}
	// Business values: a person's average per month with a value; a
	// subtree's total per month with any value in the tenant.
	businessMonths := map[string]map[int]bool{}
	branchBusiness := map[int64]map[string]int64{}
	for _, r := range in.Results {
		key := scoring.BusinessPrefix + r.Metric
		d := of(r.EmployeeID)
		if d.business[key] == nil {
			d.business[key] = map[int]int64{}
		}
		d.business[key][r.Month] += r.Value
		d.seen = true
		if businessMonths[key] == nil {
			businessMonths[key] = map[int]bool{}
		}
		businessMonths[key][r.Month] = true
		if branchBusiness[r.BranchID] == nil {
			branchBusiness[r.BranchID] = map[string]int64{}
		}
		branchBusiness[r.BranchID][key] += r.Value
	}
	for id := range in.Best {
		of(id).seen = true
	}
	for id := range in.Due {
		of(id).seen = true
	}
	for id := range in.Attended {
		of(id).seen = true
	}

	var tenantMean float64
	if tenant.Ratings > 0 {
		tenantMean = float64(tenant.ScoreSumMilli) / 1000 / float64(tenant.Ratings)
	}

	type scored struct {
		person    person
		branch    *org.Branch
		scheme    scoring.Scheme
		composite *float64
		rankable  bool
		ratings   int64
		lines     []scoring.MetricScore
		values    map[string]scoring.Value
	}
	var people []*scored
	ids := make([]int64, 0, len(in.People))
	for id := range in.People {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	for _, id := range ids {
		p := in.People[id]
		d := data[id]
		if !p.Employee || (!p.Staff && (d == nil || !d.seen)) {
			continue
		}
		if d == nil {
			d = &personData{}
		}
		s, ok := scoring.Choose(in.Schemes, p.Roles, in.Period.FirstMonth)
		if !ok {
			continue
		}
		bid := p.BranchID
		var most int64
		for b, n := range d.byBranch {
			if n > most || (n == most && b < bid && most > 0) {
				bid, most = b, n
			}
		}
		br := branchByID[bid]
		if br == nil {
			br = branchByID[p.BranchID]
		}
		if br == nil {
			continue
		}
		people = append(people, &scored{person: p, branch: br, scheme: s, ratings: d.tally.Ratings,
			values: values(s, d, tenantMean, in.Best[id], in.Due[id], in.completion(id))})
	}

	// Percentiles are taken among everyone with enough of the metric,
	// whatever their scheme, so a scheme for one role cannot make its
	// people look better by comparing them only with each other.
	pops := map[[2]any]scoring.Population{}
	popOf := func(metric string, minSample int) scoring.Population {
		k := [2]any{metric, minSample}
		if p, ok := pops[k]; ok {
			return p
		}
		var vals []float64
		for _, sp := range people {
			if v := sp.values[metric]; v.Enough(minSample) {
				vals = append(vals, *v.Raw)
			}
		}
		pops[k] = scoring.NewPopulation(vals)
		return pops[k]
	}
	for _, sp := range people {
		ps := map[string]scoring.Population{}
		for _, m := range sp.scheme.Metrics {
			if m.Normalisation == scoring.Percentile {
				ps[m.Metric] = popOf(m.Metric, m.MinSample)
			}
		}
		sp.composite, sp.lines = scoring.Composite(sp.scheme, sp.values, ps)
		sp.rankable = scoring.Rankable(sp.composite, sp.ratings, sp.scheme)
	}

	var rankable []*scored
	var comps []float64
	for _, sp := range people {
		if sp.rankable {
			rankable = append(rankable, sp)
			comps = append(comps, *sp.composite)
		}
	}
	ranks := scoring.Ranks(comps)
	rankOf := map[int64]int{}
	for i, sp := range rankable {
		rankOf[sp.person.ID] = ranks[i]
	}

	out := output{}
	for _, sp := range people {
		c := card{Role: roleFor(sp.scheme), Of: len(rankable)}
		if r, ok := rankOf[sp.person.ID]; ok {
			c.Rank = &r
		}
		for _, l := range sp.lines {
			label, unit := labelOf(l.Metric, in.Business)
			c.Metrics = append(c.Metrics, metricLine{Metric: l.Metric, Label: label, Raw: round4(l.Raw), RawUnit: unit, Sample: l.Sample,
				Enough: l.Enough, Score: round4(l.Score), WeightPct: l.WeightPct, EffectivePct: scoring.Round(l.EffectivePct, 4), Contribution: round4(l.Contribution)})
			ms := MetricScore{TenantID: in.TenantID, PeriodKey: in.Period.Key, Metric: l.Metric, EmployeeID: sp.person.ID, BranchPath: sp.branch.Path}
			if l.Score != nil {
				m := scoring.Milli(*l.Score)
				ms.ScoreMilli = &m
			}
			out.Scores = append(out.Scores, ms)
		}
		b, err := json.Marshal(c)
		if err != nil {
			return out, err
		}
		r := Result{TenantID: in.TenantID, PeriodKey: in.Period.Key, EmployeeID: sp.person.ID, BranchID: sp.branch.ID, BranchPath: sp.branch.Path,
			SchemeID: sp.scheme.ID, Rankable: sp.rankable, Ratings: sp.ratings, Breakdown: b, ComputedAt: now}
		if sp.composite != nil {
			m := scoring.Milli(*sp.composite)
			r.CompositeMilli = &m
		}
		out.People = append(out.People, r)
	}

	// Subtrees: every branch adds its own tallies and people to itself and
	// to each ancestor.
	type agg struct {
		tally       feedback.Tally
		business    map[string]int64
		bestSum     float64
		bestN       int64
		completed   int64
		assigned    int64
		people      int64
		rankable    []*scored
		metricScore map[string][2]float64 // sum of scores, count
	}
	aggs := map[int64]*agg{}
	up := func(branchID int64, fn func(a *agg)) {
		for b := branchByID[branchID]; b != nil; {
			a := aggs[b.ID]
			if a == nil {
				a = &agg{business: map[string]int64{}, metricScore: map[string][2]float64{}}
				aggs[b.ID] = a
			}
			fn(a)
			if b.ParentID == nil {
				break
			}
			b = branchByID[*b.ParentID]
		}
	}
	for bid, t := range branchTally {
		up(bid, func(a *agg) { add(&a.tally, *t) })
	}
	for bid, vals := range branchBusiness {
		up(bid, func(a *agg) {
			for k, v := range vals {
				a.business[k] += v
			}
		})
	}
	for _, sp := range people {
		best := in.Best[sp.person.ID]
		due := in.completion(sp.person.ID)
		up(sp.branch.ID, func(a *agg) {
			a.people++
			for _, v := range best {
				a.bestSum += v
			}
			a.bestN += int64(len(best))
			a.completed += int64(due[0])
			a.assigned += int64(due[1])
			if sp.rankable {
				a.rankable = append(a.rankable, sp)
				for _, l := range sp.lines {
					if l.Score != nil {
						s := a.metricScore[l.Metric]
						a.metricScore[l.Metric] = [2]float64{s[0] + *l.Score, s[1] + 1}
					}
				}
			}
		})
	}
	metrics := branchMetricKeys(in)
	for i := range in.Branches {
		b := &in.Branches[i]
		a := aggs[b.ID]
		if a == nil {
			a = &agg{business: map[string]int64{}, metricScore: map[string][2]float64{}}
		}
		bc := branchCard{Top: []int64{}, Bottom: []int64{}}
		for _, m := range metrics {
			label, unit := labelOf(m, in.Business)
			bm := branchMetric{Metric: m, Label: label, RawUnit: unit}
			switch {
			case m == scoring.Satisfaction:
				bm.Sample = a.tally.Ratings
				if a.tally.Ratings > 0 {
					bm.Raw = ptr(float64(a.tally.ScoreSumMilli) / 1000 / float64(a.tally.Ratings))
				}
			case m == scoring.ResolutionRate:
				bm.Sample = a.tally.Problems
				bm.Raw = ratio(a.tally.Resolved, a.tally.Problems)
			case m == scoring.ComplaintRate:
				bm.Sample = a.tally.Records
				bm.Raw = ratio(a.tally.Complaints, a.tally.Records)
			case m == scoring.TrainingScore:
				bm.Sample = a.bestN
				if a.bestN > 0 {
					bm.Raw = ptr(a.bestSum / float64(a.bestN))
				}
			case m == scoring.TrainingCompletion:
				bm.Sample = a.assigned
				bm.Raw = ratio(a.completed, a.assigned)
			default:
				if n := len(businessMonths[m]); n > 0 {
					if v, ok := a.business[m]; ok {
						bm.Raw = ptr(float64(v) / float64(n))
						bm.Sample = int64(n)
					}
				}
			}
			bm.Raw = round4(bm.Raw)
			if s := a.metricScore[m]; s[1] > 0 {
				bm.Score = round4(ptr(s[0] / s[1]))
			}
			bc.Metrics = append(bc.Metrics, bm)
		}
		bc.Distribution = distribution(a.rankable, func(sp *scored) float64 { return *sp.composite })
		sort.SliceStable(a.rankable, func(x, y int) bool {
			cx, cy := scoring.Milli(*a.rankable[x].composite), scoring.Milli(*a.rankable[y].composite)
			if cx != cy {
				return cx > cy
			}
			return a.rankable[x].person.ID < a.rankable[y].person.ID
		})
		for j := 0; j < len(a.rankable) && j < 5; j++ {
			bc.Top = append(bc.Top, a.rankable[j].person.ID)
			bc.Bottom = append(bc.Bottom, a.rankable[len(a.rankable)-1-j].person.ID)
		}
		raw, err := json.Marshal(bc)
		if err != nil {
			return out, err
		}
		br := BranchResult{TenantID: in.TenantID, PeriodKey: in.Period.Key, BranchID: b.ID, ParentID: b.ParentID, BranchPath: b.Path,
			People: a.people, RankablePeople: int64(len(a.rankable)), Ratings: a.tally.Ratings, Breakdown: raw, ComputedAt: now}
		if len(a.rankable) > 0 {
			var sum float64
			for _, sp := range a.rankable {
				sum += *sp.composite
			}
			m := scoring.Milli(sum / float64(len(a.rankable)))
			br.CompositeMilli = &m
		}
		out.Branches = append(out.Branches, br)
	}
	return out, nil
}

// values are a person's raw values of every metric of their scheme; due is
// of assignments alone, done adds the case-study sessions attended.
func values(s scoring.Scheme, d *personData, tenantMean float64, best []float64, due, done [2]int) map[string]scoring.Value {
	out := map[string]scoring.Value{}
	t := d.tally
	for _, m := range s.Metrics {
		var v scoring.Value
		switch {
		case m.Metric == scoring.Satisfaction:
			v.Sample = t.Ratings
			if t.Ratings > 0 {
				v.Raw = ptr(scoring.Credible(s.PriorWeight, tenantMean, float64(t.ScoreSumMilli)/1000, t.Ratings))
			}
		case m.Metric == scoring.ResolutionRate:
			v = scoring.Value{Raw: ratio(t.Resolved, t.Problems), Sample: t.Problems}
		case m.Metric == scoring.ComplaintRate:
			v = scoring.Value{Raw: ratio(t.Complaints, t.Records), Sample: t.Records}
		case m.Metric == scoring.TrainingScore:
			// Training due in the period and not finished scores 0 rather
			// than dropping out: skipping it must never pay.
			if len(best) > 0 {
				var sum float64
				for _, b := range best {
					sum += b
				}
				v = scoring.Value{Raw: ptr(sum / float64(len(best))), Sample: int64(len(best))}
			} else if due[1] > 0 {
				v = scoring.Value{Raw: ptr(0), Sample: int64(due[1])}
			}
		case m.Metric == scoring.TrainingCompletion:
			v = scoring.Value{Raw: ratio(int64(done[0]), int64(done[1])), Sample: int64(done[1])}
		case strings.HasPrefix(m.Metric, scoring.BusinessPrefix):
			if months := d.business[m.Metric]; len(months) > 0 {
				var sum int64
				for _, x := range months {
					sum += x
				}
				v = scoring.Value{Raw: ptr(float64(sum) / float64(len(months))), Sample: int64(len(months))}
			}
		}
		out[m.Metric] = v
	}
	return out
}

// branchMetricKeys are the metrics a subtree shows: the built-in ones and
// the business metrics some scheme of the period weighs.
func branchMetricKeys(in inputs) []string {
	keys := append([]string(nil), scoring.BuiltinMetrics...)
	seen := map[string]bool{}
	for _, s := range in.Schemes {
		if s.ValidFrom > in.Period.FirstMonth {
			continue
		}
		for _, m := range s.Metrics {
			if strings.HasPrefix(m.Metric, scoring.BusinessPrefix) && !seen[m.Metric] {
				seen[m.Metric] = true
				keys = append(keys, m.Metric)
			}
		}
	}
	sort.Strings(keys[len(scoring.BuiltinMetrics):])
	return keys
}

func labelOf(metric string, business map[string]feedback.BusinessMetric) (string, string) {
	if l, ok := builtinLabels[metric]; ok {
		return l[0], l[1]
	}
	code := strings.TrimPrefix(metric, scoring.BusinessPrefix)
	if b, ok := business[code]; ok {
		return b.Name, b.Unit
	}
	return code, ""
}

func roleFor(s scoring.Scheme) string { return s.Role }

func distribution[T any](items []T, composite func(T) float64) []bucket {
	out := make([]bucket, 10)
	for i := range out {
		out[i] = bucket{From: i * 10, To: i*10 + 10}
	}
	for _, it := range items {
		i := min(max(int(composite(it)/10), 0), 9)
		out[i].Count++
	}
	return out
}

func add(t *feedback.Tally, u feedback.Tally) {
	t.Records += u.Records
	t.Ratings += u.Ratings
	t.ScoreSumMilli += u.ScoreSumMilli
	t.Problems += u.Problems
	t.Resolved += u.Resolved
	t.Complaints += u.Complaints
}

func ratio(a, b int64) *float64 {
	if b <= 0 {
		return nil
	}
	return ptr(float64(a) / float64(b))
}

func ptr(v float64) *float64 { return &v }

func round4(v *float64) *float64 {
	if v == nil {
		return nil
	}
	return ptr(scoring.Round(*v, 4))
}
