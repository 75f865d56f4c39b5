package attempts

import (
	"context"

	"github.com/servicestar/servicestar/app/store"
)

// PassedCategories counts, per scenario category, the distinct scenarios
// the employee has ever passed: what a career level's scenario
// certification asks for.
func (s *Service) PassedCategories(ctx context.Context, tenantID, employeeID int64) (map[string]int, error) {
	all, err := s.PassedCategoriesOf(ctx, tenantID, []int64{employeeID})
	if err != nil {
		return nil, err
	}
	if m := all[employeeID]; m != nil {
		return m, nil
	}
	return map[string]int{}, nil
}

// PassedCategoriesOf is PassedCategories for many employees at once (a
// readiness list). A scenario counts in the category of the version passed
// (the newest such version, when several were); a version the catalogue no
// longer knows counts nowhere.
func (s *Service) PassedCategoriesOf(ctx context.Context, tenantID int64, employeeIDs []int64) (map[int64]map[string]int, error) {
	out := map[int64]map[string]int{}
	for start := 0; start < len(employeeIDs); start += 500 {
		chunk := employeeIDs[start:min(start+500, len(employeeIDs))]
		var rows []struct {
			UserID          int64
			ScenarioID      string
			ScenarioVersion int
		}
		// Only the person index narrows this: a status condition would lead
		// SQLite to the (scenario, status) index and a scan of everyone's
		// attempts. Passed is set on finished attempts only.
		err := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(tenantID)).
			Select("user_id, scenario_id, scenario_version").
			Where("user_id IN ? AND passed = ?", chunk, true).Scan(&rows).Error
		if err != nil {
			return nil, err
		}
		type passedBy struct {
			user     int64
			scenario string
		}
		newest := map[passedBy]int{} // the newest version each person passed of each scenario
		for _, r := range rows {
			k := passedBy{r.UserID, r.ScenarioID}
			newest[k] = max(newest[k], r.ScenarioVersion)
		}
		for k, version := range newest {
			userID := k.user
			sc, err := s.Catalogue.At(ctx, tenantID, k.scenario, version)
			if err != nil || sc == nil {
				continue
			}
			m := out[userID]
			if m == nil {
				m = map[string]int{}
				out[userID] = m
			}
			m[sc.Category]++
		}
	}
	for _, id := range employeeIDs {
		if out[id] == nil {
			out[id] = map[string]int{}
		}
	}
	return out, nil
}
