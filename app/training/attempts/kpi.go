package attempts

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// BestTotals gives the KPI area, per person, the best total of each
// scenario they finished an attempt of among the attempts started in
// [from, to). One best per scenario: retrying to improve pays, repeating an
// easy scenario many times does not.
func (s *Service) BestTotals(ctx context.Context, tenantID int64, from, to time.Time) (map[int64][]float64, error) {
	var rows []struct {
		UserID int64
		Best   float64
	}
	err := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(tenantID)).
		Select("user_id, MAX(total) AS best").
		Where("status = ? AND total IS NOT NULL AND started_at >= ? AND started_at < ?", Finished, from.UTC(), to.UTC()).
		Group("user_id, scenario_id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := map[int64][]float64{}
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], r.Best)
	}
	return out, nil
}
