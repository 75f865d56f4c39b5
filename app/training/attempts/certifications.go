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
			UserID     int64
			ScenarioID string
			Version    int
		}
		err := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(tenantID)).
			Select("user_id, scenario_id, MAX(scenario_version) AS version").
			Where("user_id IN ? AND status = ? AND passed = ?", chunk, Finished, true).
			Group("user_id, scenario_id").Scan(&rows).Error
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			sc, err := s.Catalogue.At(ctx, tenantID, r.ScenarioID, r.Version)
			if err != nil || sc == nil {
				continue
			}
			m := out[r.UserID]
			if m == nil {
				m = map[string]int{}
				out[r.UserID] = m
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
