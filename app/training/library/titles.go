package library

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios"
	builtin "github.com/servicestar/servicestar/scenarios/library"
)

// Titles gives the title of the newest published version of each key, as
// Latest would, in at most two queries however many keys there are (lists
// of assignments show one title a row). Keys with no published version are
// left out.
func (c *Catalogue) Titles(ctx context.Context, tenantID int64, keys []string) (map[string]scenarios.Text, error) {
	out := make(map[string]scenarios.Text, len(keys))
	var own []string
	for _, k := range keys {
		if s, ok := builtin.ByID(k); ok {
			out[k] = s.Title
		} else {
			own = append(own, k)
		}
	}
	if len(own) == 0 {
		return out, nil
	}
	var rows []LibraryScenario
	if err := c.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("scenario_key IN ? AND published_version > 0", own).
		Find(&rows).Error; err != nil {
		return nil, err
	}
	var missIDs []int64
	missing := map[int64]LibraryScenario{}
	for _, o := range rows {
		if s, ok := c.parsed.Load(fmt.Sprintf("%d/%s/%d", tenantID, o.ScenarioKey, o.PublishedVersion)); ok {
			out[o.ScenarioKey] = s.(*scenarios.Scenario).Title
			continue
		}
		missIDs = append(missIDs, o.ID)
		missing[o.ID] = o
	}
	if len(missIDs) == 0 {
		return out, nil
	}
	var versions []ScenarioVersion
	if err := c.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("scenario_id IN ?", missIDs).
		Where("version = (SELECT s.published_version FROM training_scenarios s WHERE s.tenant_id = training_scenario_versions.tenant_id AND s.id = training_scenario_versions.scenario_id)").
		Find(&versions).Error; err != nil {
		return nil, err
	}
	for _, v := range versions {
		o := missing[v.ScenarioID]
		s, problems := scenarios.Load(o.ScenarioKey+".yaml", []byte(v.YAML))
		if len(problems) > 0 {
			return nil, fmt.Errorf("published scenario %s v%d no longer loads: %w", o.ScenarioKey, v.Version, problems)
		}
		c.parsed.Store(fmt.Sprintf("%d/%s/%d", tenantID, o.ScenarioKey, v.Version), s)
		out[o.ScenarioKey] = s.Title
	}
	return out, nil
}
