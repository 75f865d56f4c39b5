package careers

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/scoring"
)

// subject is one person whose requirements are to be measured.
type subject struct {
	UserID  int64
	HiredOn *time.Time
	Reqs    []scoring.Requirement
}

// measure reads the facts the subjects' requirements need, and only those
// (a level asking nothing of awards costs no awards query), and evaluates
// every requirement. The result holds one Progress per requirement, in order.
func (s *Service) measure(ctx context.Context, tenantID int64, subs []subject, now time.Time, loc *time.Location) (map[int64][]scoring.Progress, error) {
	need := map[string][]int64{}          // kind → people
	kpiNeed := map[int64]map[string]int{} // person → period kind → periods
	awardCodes := map[string][]int64{}    // type code → people
	for _, sb := range subs {
		seen := map[string]bool{}
		for _, r := range sb.Reqs {
			switch r.Kind {
			case scoring.ReqKPI:
				if kpiNeed[sb.UserID] == nil {
					kpiNeed[sb.UserID] = map[string]int{}
				}
				kpiNeed[sb.UserID][r.PeriodKind] = max(kpiNeed[sb.UserID][r.PeriodKind], r.Periods)
			case scoring.ReqAwards:
				if !seen["awards:"+r.TypeCode] {
					awardCodes[r.TypeCode] = append(awardCodes[r.TypeCode], sb.UserID)
					seen["awards:"+r.TypeCode] = true
				}
			default:
				if !seen[r.Kind] {
					need[r.Kind] = append(need[r.Kind], sb.UserID)
					seen[r.Kind] = true
				}
			}
		}
	}
	facts := map[int64]*scoring.CareerFacts{}
	for _, sb := range subs {
		f := &scoring.CareerFacts{}
		if sb.HiredOn != nil {
			m := scoring.TenureMonths(sb.HiredOn.UTC(), now.In(loc)) // a hire date is a calendar date, kept at UTC midnight
			f.TenureMonths = &m
		}
		facts[sb.UserID] = f
	}
	month := scoring.MonthOf(now, loc)
	if s.KPI != nil {
		for id, kinds := range kpiNeed {
			f := facts[id]
			f.Composites = map[string][]*int{}
			for kind, n := range kinds {
				// Only periods before the current one: the current one is
				// still filling up.
				hist, err := s.KPI.CompositeHistory(ctx, tenantID, id, kind, n, scoring.PeriodOf(kind, month).Key)
				if err != nil {
					return nil, err
				}
				list := make([]*int, 0, len(hist))
				for _, h := range hist {
					list = append(list, h.CompositeMilli)
				}
				f.Composites[kind] = list
			}
		}
	}
	if ids := need[scoring.ReqScenarios]; len(ids) > 0 && s.Certifications != nil {
		got, err := s.Certifications.PassedCategoriesOf(ctx, tenantID, ids)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			m := got[id]
			if m == nil {
				m = map[string]int{}
			}
			facts[id].Categories = m
		}
	}
	counts := func(ids []int64, read func([]int64) (map[int64]int, error), set func(*scoring.CareerFacts, *int)) error {
		if len(ids) == 0 {
			return nil
		}
		got, err := read(ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			v := got[id]
			set(facts[id], &v)
		}
		return nil
	}
	if s.Cases != nil {
		if err := counts(need[scoring.ReqCases], func(ids []int64) (map[int64]int, error) {
			return s.Cases.PublishedCounts(ctx, tenantID, ids, nil, nil)
		}, func(f *scoring.CareerFacts, v *int) { f.CasesPublished = v }); err != nil {
			return nil, err
		}
	}
	if s.Suggestions != nil {
		if err := counts(need[scoring.ReqSuggestions], func(ids []int64) (map[int64]int, error) {
			return s.Suggestions.AdoptedCounts(ctx, tenantID, ids)
		}, func(f *scoring.CareerFacts, v *int) { f.SuggestionsAdopted = v }); err != nil {
			return nil, err
		}
	}
	if s.Awards != nil {
		for code, ids := range awardCodes {
			got, err := s.Awards.GrantCounts(ctx, tenantID, ids, code)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				f := facts[id]
				if f.Awards == nil {
					f.Awards = map[string]int{}
				}
				f.Awards[code] = got[id]
			}
		}
	}
	out := make(map[int64][]scoring.Progress, len(subs))
	for _, sb := range subs {
		ps := make([]scoring.Progress, 0, len(sb.Reqs))
		for _, r := range sb.Reqs {
			ps = append(ps, scoring.Evaluate(r, *facts[sb.UserID]))
		}
		out[sb.UserID] = ps
	}
	return out, nil
}
