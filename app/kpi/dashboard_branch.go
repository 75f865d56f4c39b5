package kpi

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// BranchMetric is one metric of a subtree: raw from the summed tallies,
// its sample, and the mean score of the subtree's rankable people.
type BranchMetric struct {
	Metric  string   `json:"metric"`
	Label   string   `json:"label"`
	Raw     *float64 `json:"raw"`
	RawUnit string   `json:"raw_unit"`
	Sample  int64    `json:"sample"`
	Score   *float64 `json:"score"`
}

// ChildRow is a child branch's subtree in a branch summary.
type ChildRow struct {
	Branch    BranchRef      `json:"branch"`
	Composite *float64       `json:"composite"`
	People    int64          `json:"people"`
	Rankable  int64          `json:"rankable"`
	Ratings   int64          `json:"ratings"`
	Metrics   []BranchMetric `json:"metrics"`
}

// PersonRow is a person in a list: their composite, rank and each metric.
type PersonRow struct {
	Person    PersonRef     `json:"person"`
	Composite *float64      `json:"composite"`
	Rankable  bool          `json:"rankable"`
	Rank      *int          `json:"rank"`
	Ratings   int64         `json:"ratings"`
	Metrics   []MetricEntry `json:"metrics"`
}

// Bucket counts composites in [from, to) (the last includes 100).
type Bucket struct {
	From  int `json:"from"`
	To    int `json:"to"`
	Count int `json:"count"`
}

// BranchSummary is a subtree's dashboard of one period.
type BranchSummary struct {
	Branch        BranchRef      `json:"branch"`
	Period        string         `json:"period"`
	State         string         `json:"state" enum:"open,closed"`
	Composite     *float64       `json:"composite" doc:"mean composite of the subtree's rankable people"`
	People        int64          `json:"people"`
	Rankable      int64          `json:"rankable"`
	Ratings       int64          `json:"ratings"`
	Metrics       []BranchMetric `json:"metrics"`
	Children      []ChildRow     `json:"children"`
	Distribution  []Bucket       `json:"distribution"`
	Top           []PersonRow    `json:"top"`
	Bottom        []PersonRow    `json:"bottom"`
	NotEnoughData int64          `json:"not_enough_data" doc:"people of the subtree without enough data to be ranked"`
	ComputedAt    *time.Time     `json:"computed_at"`
}

// scopedBranch loads a branch of the tenant inside the caller's review
// subtrees; one outside answers exactly like a missing one.
func (s *Service) scopedBranch(ctx context.Context, p *access.Principal, id int64) (*org.Branch, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermReview)
	if err != nil {
		return nil, err
	}
	var b org.Branch
	err = s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Take(&b).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && !covered(scopes, b.Path)) {
		return nil, apperr.NotFound("branch")
	}
	return &b, err
}

// Branch is a subtree's summary: its metrics, its children, the spread of
// its people's composites, and its best and worst people.
func (s *Service) Branch(ctx context.Context, p *access.Principal, id int64, key string) (*BranchSummary, error) {
	b, err := s.scopedBranch(ctx, p, id)
	if err != nil {
		return nil, err
	}
	per, err := s.periodOr(ctx, p.TenantID, key, "query.period")
	if err != nil {
		return nil, err
	}
	db := s.DB.R.WithContext(ctx)
	state, err := s.stateOf(db, p.TenantID, per.Key)
	if err != nil {
		return nil, err
	}
	out := &BranchSummary{Branch: ref(*b), Period: per.Key, State: state, Metrics: []BranchMetric{}, Children: []ChildRow{},
		Distribution: []Bucket{}, Top: []PersonRow{}, Bottom: []PersonRow{}}
	// Two lookups, each on its own index (the key; the parent), rather than
	// one OR that a planner may answer with a scan.
	var selfRows, children []BranchResult
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("period_key = ? AND branch_id = ?", per.Key, b.ID).Limit(1).Find(&selfRows).Error; err != nil {
		return nil, err
	}
	if len(selfRows) == 0 {
		return out, nil // not computed yet
	}
	self := &selfRows[0]
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("period_key = ? AND parent_id = ?", per.Key, b.ID).Find(&children).Error; err != nil {
		return nil, err
	}
	var bc branchCard
	if err := json.Unmarshal(self.Breakdown, &bc); err != nil {
		return nil, err
	}
	at := self.ComputedAt
	out.Composite, out.People, out.Rankable, out.Ratings, out.ComputedAt = composite(self.CompositeMilli), self.People, self.RankablePeople, self.Ratings, &at
	out.NotEnoughData = self.People - self.RankablePeople
	out.Metrics = branchMetrics(bc.Metrics)
	for _, bk := range bc.Distribution {
		out.Distribution = append(out.Distribution, Bucket(bk))
	}
	names, err := s.branchRefs(ctx, p.TenantID, children)
	if err != nil {
		return nil, err
	}
	for _, c := range children {
		var cc branchCard
		if err := json.Unmarshal(c.Breakdown, &cc); err != nil {
			return nil, err
		}
		out.Children = append(out.Children, ChildRow{Branch: names[c.BranchID], Composite: composite(c.CompositeMilli), People: c.People,
			Rankable: c.RankablePeople, Ratings: c.Ratings, Metrics: branchMetrics(cc.Metrics)})
	}
	sortChildren(out.Children)
	ids := append(append([]int64{}, bc.Top...), bc.Bottom...)
	people, err := s.personRows(ctx, p.TenantID, per.Key, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range bc.Top {
		if r, ok := people[id]; ok {
			out.Top = append(out.Top, r)
		}
	}
	for _, id := range bc.Bottom {
		if r, ok := people[id]; ok {
			out.Bottom = append(out.Bottom, r)
		}
	}
	return out, nil
}

// BranchTrend is a subtree's composite over recent periods.
func (s *Service) BranchTrend(ctx context.Context, p *access.Principal, id int64, kind string) ([]TrendPoint, error) {
	b, err := s.scopedBranch(ctx, p, id)
	if err != nil {
		return nil, err
	}
	cur, err := s.current(ctx, p.TenantID, kind)
	if err != nil {
		return nil, err
	}
	ps := cur.Previous(periodsShown[kind])
	keys := make([]string, len(ps))
	for i, x := range ps {
		keys[i] = x.Key
	}
	var rows []BranchResult
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Select("period_key, composite_milli, rankable_people, ratings, breakdown").
		Where("branch_id = ? AND period_key IN ?", b.ID, keys).Find(&rows).Error; err != nil {
		return nil, err
	}
	byKey := map[string]BranchResult{}
	for _, r := range rows {
		byKey[r.PeriodKey] = r
	}
	out := make([]TrendPoint, 0, len(ps))
	for _, x := range ps {
		pt := TrendPoint{Period: x.Key}
		if r, ok := byKey[x.Key]; ok {
			pt.Composite, pt.Rankable, pt.Ratings = composite(r.CompositeMilli), r.RankablePeople > 0, r.Ratings
			pt.Metrics = branchMetricScores(r.Breakdown)
		}
		out = append(out, pt)
	}
	return out, nil
}

func ref(b org.Branch) BranchRef { return BranchRef{ID: b.ID, Code: b.Code, Name: b.Name} }

func branchMetrics(ms []branchMetric) []BranchMetric {
	out := make([]BranchMetric, 0, len(ms))
	for _, m := range ms {
		out = append(out, BranchMetric{Metric: m.Metric, Label: m.Label, Raw: m.Raw, RawUnit: m.RawUnit, Sample: m.Sample, Score: one(m.Score, 1)})
	}
	return out
}

func (s *Service) branchRefs(ctx context.Context, tenantID int64, rows []BranchResult) (map[int64]BranchRef, error) {
	out := map[int64]BranchRef{}
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.BranchID
	}
	var bs []org.Branch
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id IN ?", ids).Find(&bs).Error; err != nil {
		return nil, err
	}
	for _, b := range bs {
		out[b.ID] = ref(b)
	}
	return out, nil
}

// personRows reads the rows of people of a period, with names and branches.
func (s *Service) personRows(ctx context.Context, tenantID int64, key string, ids []int64) (map[int64]PersonRow, error) {
	out := map[int64]PersonRow{}
	if len(ids) == 0 {
		return out, nil
	}
	var rs []Result
	err := chunks(ids, func(part []int64) error {
		var got []Result
		err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("period_key = ? AND employee_id IN ?", key, part).Find(&got).Error
		rs = append(rs, got...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.rowsOf(ctx, tenantID, rs)
}

// rowsOf turns result rows into person rows, reading the names and
// branches they need in two queries.
func (s *Service) rowsOf(ctx context.Context, tenantID int64, rs []Result) (map[int64]PersonRow, error) {
	out := map[int64]PersonRow{}
	if len(rs) == 0 {
		return out, nil
	}
	uids, bids := make([]int64, 0, len(rs)), map[int64]bool{}
	for _, r := range rs {
		uids = append(uids, r.EmployeeID)
		bids[r.BranchID] = true
	}
	db := s.DB.R.WithContext(ctx)
	var us []org.User
	err := chunks(uids, func(part []int64) error {
		var got []org.User
		err := db.Scopes(store.Tenant(tenantID)).Select("id, display_name, employee_code").Where("id IN ?", part).Find(&got).Error
		us = append(us, got...)
		return err
	})
	if err != nil {
		return nil, err
	}
	bl := make([]int64, 0, len(bids))
	for id := range bids {
		bl = append(bl, id)
	}
	var bs []org.Branch
	err = chunks(bl, func(part []int64) error {
		var got []org.Branch
		err := db.Scopes(store.Tenant(tenantID)).Select("id, code, name").Where("id IN ?", part).Find(&got).Error
		bs = append(bs, got...)
		return err
	})
	if err != nil {
		return nil, err
	}
	users := map[int64]org.User{}
	for _, u := range us {
		users[u.ID] = u
	}
	branches := map[int64]org.Branch{}
	for _, b := range bs {
		branches[b.ID] = b
	}
	for _, r := range rs {
		var c card
		if err := json.Unmarshal(r.Breakdown, &c); err != nil {
			return nil, err
		}
		u := users[r.EmployeeID]
		row := PersonRow{Person: PersonRef{ID: r.EmployeeID, Name: u.DisplayName, EmployeeCode: u.EmployeeCode, Branch: ref(branches[r.BranchID])},
			Composite: composite(r.CompositeMilli), Rankable: r.Rankable, Rank: c.Rank, Ratings: r.Ratings, Metrics: make([]MetricEntry, 0, len(c.Metrics))}
		for _, l := range c.Metrics {
			row.Metrics = append(row.Metrics, MetricEntry{Metric: l.Metric, Label: l.Label, Raw: l.Raw, RawUnit: l.RawUnit, Sample: l.Sample, Enough: l.Enough,
				Score: one(l.Score, 1), WeightPct: l.WeightPct, EffectivePct: scoring.Round(l.EffectivePct, 2), Contribution: one(l.Contribution, 2)})
		}
		out[r.EmployeeID] = row
	}
	return out, nil
}

// chunks calls fn with ids a thousand at a time: an export of a large
// subtree must stay under every database's limit of query parameters.
func chunks(ids []int64, fn func([]int64) error) error {
	for i := 0; i < len(ids); i += 1000 {
		if err := fn(ids[i:min(i+1000, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}
