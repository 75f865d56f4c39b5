package assignments

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// DueMemberships gives the KPI area, per person, [completed, assigned] of
// their memberships of assignments due in [from, to) and not cancelled.
func (s *Service) DueMemberships(ctx context.Context, tenantID int64, from, to time.Time) (map[int64][2]int, error) {
	var rows []struct {
		UserID    int64
		Assigned  int
		Completed int
	}
	err := s.DB.R.WithContext(ctx).Model(&Member{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Select("training_assignment_members.user_id AS user_id, COUNT(*) AS assigned, "+
			"SUM(CASE WHEN training_assignment_members.completed_at IS NOT NULL THEN 1 ELSE 0 END) AS completed").
		Where("a.cancelled_at IS NULL AND a.due_at >= ? AND a.due_at < ?", from.UTC(), to.UTC()).
		Group("training_assignment_members.user_id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[int64][2]int, len(rows))
	for _, r := range rows {
		out[r.UserID] = [2]int{r.Completed, r.Assigned}
	}
	return out, nil
}
