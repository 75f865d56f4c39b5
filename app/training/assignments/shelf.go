package assignments

import (
	"context"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
)

// openMembers are userID's memberships of assignments of scenarioKey that are
// neither cancelled nor passed: the ones an attempt started now counts for
// (see Completed), with their assignment joined as a.
func (s *Service) openMembers(ctx context.Context, tenantID, userID int64, scenarioKey string) *gorm.DB {
	return s.DB.R.WithContext(ctx).Model(&Member{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Where("training_assignment_members.user_id = ? AND a.scenario_key = ? AND a.cancelled_at IS NULL AND training_assignment_members.completed_at IS NULL", userID, scenarioKey)
}

// BeginnerShelf says whether an attempt of scenarioKey that userID starts now
// shows on its shelf which products fit: only when every open assignment the
// attempt counts for is in beginner mode. An attempt that also counts for an
// assignment without it gets no hint, so beginner mode never eases a normal
// assignment; practice with no open assignment gets none either.
func (s *Service) BeginnerShelf(ctx context.Context, tenantID, userID int64, scenarioKey string) (bool, error) {
	var modes []bool
	if err := s.openMembers(ctx, tenantID, userID, scenarioKey).Pluck("a.beginner_hint", &modes).Error; err != nil {
		return false, err
	}
	for _, on := range modes {
		if !on {
			return false, nil
		}
	}
	return len(modes) > 0, nil
}
