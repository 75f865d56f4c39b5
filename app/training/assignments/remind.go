package assignments

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// RemindDueSoon pushes the "nearly due" reminder to everyone, in every bank,
// whose open assignment falls due within DueSoon, once each. It is a
// periodic job (a GET never writes); the conditional update keeps two runs
// that overlap from sending a reminder twice. It reports how many it sent.
func (s *Service) RemindDueSoon(ctx context.Context) (int, error) {
	var tenants []int64
	if err := s.DB.R.WithContext(ctx).Table("tenants").Order("id").Pluck("id", &tenants).Error; err != nil {
		return 0, err
	}
	sent := 0
	for _, tid := range tenants {
		n, err := s.remindTenant(ctx, tid, s.Now().UTC())
		if err != nil {
			return sent, err
		}
		sent += n
	}
	return sent, nil
}

func (s *Service) remindTenant(ctx context.Context, tenantID int64, now time.Time) (int, error) {
	var due []struct {
		ID, AssignmentID, UserID int64
		ScenarioKey              string
		DueAt                    time.Time
	}
	err := s.DB.R.WithContext(ctx).Model(&Member{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Where("training_assignment_members.completed_at IS NULL AND training_assignment_members.due_soon_notified = ?", false).
		Where("a.cancelled_at IS NULL AND a.due_at > ? AND a.due_at <= ?", now, now.Add(DueSoon)).
		Select("training_assignment_members.id, training_assignment_members.assignment_id, training_assignment_members.user_id, a.scenario_key, a.due_at").
		Scan(&due).Error
	if err != nil || len(due) == 0 {
		return 0, err
	}
	keys := make([]string, len(due))
	for i, d := range due {
		keys[i] = d.ScenarioKey
	}
	titles, err := s.Catalogue.Titles(ctx, tenantID, keys)
	if err != nil {
		return 0, err
	}
	sent := 0
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		for _, d := range due {
			res := tx.Model(&Member{}).Scopes(store.Tenant(tenantID)).Where("id = ? AND due_soon_notified = ?", d.ID, false).
				Update("due_soon_notified", true)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				continue
			}
			data := map[string]any{"scenario_key": d.ScenarioKey, "due_at": d.DueAt}
			if title, ok := titles[d.ScenarioKey]; ok {
				data["title"] = title
			}
			if err := notify.Push(tx, tenantID, []int64{d.UserID}, NotifyDueSoon, d.AssignmentID, data, now); err != nil {
				return err
			}
			sent++
		}
		return nil
	})
	return sent, err
}
