package assignments

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
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

// NotifyReminded is a manager's nudge to those who have not started.
const NotifyReminded = "training.reminded"

// RemindEvery is how often a manager may remind an assignment's people.
const RemindEvery = 24 * time.Hour

// Reminder is what a manager's reminder did.
type Reminder struct {
	Sent       int        `json:"sent" doc:"people reminded: those in my branches who have not started"`
	RemindedAt *time.Time `json:"reminded_at" doc:"null when nobody needed reminding (the next press is not held back)"`
	NextAt     *time.Time `json:"next_at" doc:"from when the next reminder may be sent"`
}

// RemindNotStarted notifies each member in p's branches who has not started
// an assignment (no attempt of its scenario since it was made), once per
// assignment per RemindEvery: a second press in that time answers 429 with
// the time the next is allowed. The stamp is a conditional update, so two
// presses at once send one reminder.
func (s *Service) RemindNotStarted(ctx context.Context, p *access.Principal, id int64) (*Reminder, error) {
	scopes, err := s.Guard.Scopes(ctx, p, training.PermAssign)
	if err != nil {
		return nil, err
	}
	a, err := s.loadAssignment(ctx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	path, err := s.branchPath(ctx, p.TenantID, a.BranchID)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, path, training.PermAssign, "assignment"); err != nil {
		return nil, err
	}
	if a.CancelledAt != nil {
		return nil, apperr.Conflict("the assignment is already cancelled")
	}
	now := s.Now().UTC()
	if a.RemindedAt != nil && now.Before(a.RemindedAt.Add(RemindEvery)) {
		return nil, tooSoon(a.RemindedAt.Add(RemindEvery))
	}
	var ids []int64
	err = s.visibleMembers(ctx, p.TenantID, scopes).
		Where("training_assignment_members.assignment_id = ? AND training_assignment_members.completed_at IS NULL AND training_assignment_members.attempt_id IS NULL", a.ID).
		Where(`NOT EXISTS (SELECT 1 FROM training_attempts t WHERE t.tenant_id = training_assignment_members.tenant_id
			AND t.user_id = training_assignment_members.user_id AND t.scenario_id = a.scenario_key AND t.started_at >= a.created_at)`).
		Order("training_assignment_members.user_id").Pluck("training_assignment_members.user_id", &ids).Error
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return &Reminder{}, nil
	}
	next := now.Add(RemindEvery)
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Assignment{}).Scopes(store.Tenant(p.TenantID)).
			Where("id = ? AND (reminded_at IS NULL OR reminded_at <= ?)", a.ID, now.Add(-RemindEvery)).Update("reminded_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 { // another press got there first
			return tooSoon(next)
		}
		data := map[string]any{"scenario_key": a.ScenarioKey, "due_at": a.DueAt, "by": p.DisplayName}
		if sc, err := s.Catalogue.Latest(ctx, p.TenantID, a.ScenarioKey); err == nil {
			data["title"] = sc.Title
		}
		if err := notify.Push(tx, p.TenantID, ids, NotifyReminded, a.ID, data, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "training.assignment.remind", "assignment", strconv.FormatInt(a.ID, 10), nil,
			map[string]any{"reminded": len(ids)})
	})
	if err != nil {
		return nil, err
	}
	return &Reminder{Sent: len(ids), RemindedAt: &now, NextAt: &next}, nil
}

// tooSoon is the 429 of a reminder sent again within RemindEvery, naming
// when the next one is allowed.
func tooSoon(next time.Time) error {
	at := next.UTC().Format(time.RFC3339)
	return &apperr.Problem{Status: http.StatusTooManyRequests, Detail: "already reminded; the next reminder is allowed from {at}", DetailArgs: apperr.Args{"at": at},
		Fields: []apperr.Field{{Location: "path.id", Message: "next reminder allowed from {at}", Args: apperr.Args{"at": at}, Value: at}}}
}
