package attempts

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// PassesBetween gives the awards area, per person, how many distinct
// scenarios they passed with an attempt finished in [from, to): passing the
// same scenario twice counts once.
func (s *Service) PassesBetween(ctx context.Context, tenantID int64, from, to time.Time) (map[int64]int, error) {
	var rows []struct {
		UserID int64
		N      int
	}
	err := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(tenantID)).
		Select("user_id, COUNT(DISTINCT scenario_id) AS n").
		Where("status = ? AND passed = ? AND finished_at >= ? AND finished_at < ?", Finished, true, from.UTC(), to.UTC()).
		Group("user_id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.UserID] = r.N
	}
	return out, nil
}
