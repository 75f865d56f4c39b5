package assignments

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
)

// attemptsUsed counts, per member, the attempts their person started of the
// assignment's scenario since it was made (as Completed credits them). Every
// start counts, finished or not, so abandoning an attempt buys no extra one.
// narrow picks the members.
func attemptsUsed(db *gorm.DB, tenantID int64, narrow func(*gorm.DB) *gorm.DB) (map[int64]int, error) {
	q := db.Model(&Member{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Joins("JOIN training_attempts t ON t.tenant_id = training_assignment_members.tenant_id AND t.user_id = training_assignment_members.user_id AND t.scenario_id = a.scenario_key AND t.started_at >= a.created_at")
	var rows []struct {
		ID   int64
		Used int
	}
	if err := narrow(q).Select("training_assignment_members.id, COUNT(t.id) AS used").Group("training_assignment_members.id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Used
	}
	return out, nil
}

// MayStart refuses an attempt when every open assignment of the scenario the
// person has caps its attempts and all of them are used up: retakes go on
// until a pass, up to the limit the assigner set. Practice without an open
// assignment, or with one that has no cap, is never refused.
func (s *Service) MayStart(ctx context.Context, tenantID, userID int64, scenarioKey string) error {
	var open []struct {
		ID, AssignmentID int64
		MaxAttempts      int
	}
	err := s.openMembers(ctx, tenantID, userID, scenarioKey).
		Select("training_assignment_members.id, training_assignment_members.assignment_id, a.max_attempts").Order("a.due_at, a.id").Scan(&open).Error
	if err != nil || len(open) == 0 {
		return err
	}
	ids := make([]int64, len(open))
	for i, m := range open {
		if m.MaxAttempts == 0 {
			return nil
		}
		ids[i] = m.ID
	}
	used, err := attemptsUsed(s.DB.R.WithContext(ctx), tenantID, func(q *gorm.DB) *gorm.DB {
		return q.Where("training_assignment_members.id IN ?", ids)
	})
	if err != nil {
		return err
	}
	for _, m := range open {
		if used[m.ID] < m.MaxAttempts {
			return nil
		}
	}
	first := open[0]
	return &apperr.Problem{Status: http.StatusConflict, Detail: "assignment {id} allows {max} attempts and all are used; ask your manager for a retake",
		DetailArgs: apperr.Args{"id": first.AssignmentID, "max": first.MaxAttempts},
		Fields:     []apperr.Field{{Location: "body.scenario_id", Message: "attempt limit of assignment {id} reached", Args: apperr.Args{"id": first.AssignmentID}, Value: scenarioKey}}}
}

// RetakeInput is a manager's retake of one failed attempt.
type RetakeInput struct {
	AttemptID   int64
	DueAt       time.Time
	MaxAttempts int
	Note        string
}

// Retake assigns the scenario of a failed attempt again to the one person who
// took it, as a new assignment linked to that attempt. The person must be in
// p's subtree now (their home branch); anyone else's attempt answers 404.
func (s *Service) Retake(ctx context.Context, p *access.Principal, in RetakeInput) (*AssignmentView, error) {
	if err := s.Guard.Can(ctx, p, training.PermAssign); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var bad []apperr.Field
	if !in.DueAt.After(now) {
		bad = append(bad, apperr.Field{Location: "body.due_at", Message: "must be in the future"})
	}
	if in.MaxAttempts < 0 || in.MaxAttempts > MaxAttemptsCap {
		bad = append(bad, apperr.Field{Location: "body.max_attempts", Message: "0 (no limit) to {max}", Args: apperr.Args{"max": MaxAttemptsCap}, Value: in.MaxAttempts})
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	db := s.DB.R.WithContext(ctx)
	var at struct {
		UserID     int64
		ScenarioID string
		Status     string
		Passed     *bool
		BranchID   int64
		UserStatus string
		Path       string
	}
	err := db.Table("training_attempts").Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN users u ON u.tenant_id = training_attempts.tenant_id AND u.id = training_attempts.user_id").
		Joins("JOIN branches b ON b.tenant_id = u.tenant_id AND b.id = u.branch_id").
		Where("training_attempts.id = ?", in.AttemptID).
		Select("training_attempts.user_id, training_attempts.scenario_id, training_attempts.status, training_attempts.passed, u.branch_id, u.status AS user_status, b.path").
		Take(&at).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("attempt")
	}
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, at.Path, training.PermAssign, "attempt"); err != nil {
		return nil, err
	}
	attemptField := []apperr.Field{{Location: "body.attempt_id", Message: "not retakeable", Value: in.AttemptID}}
	switch {
	case at.Status != "finished" || at.Passed == nil || *at.Passed:
		return nil, apperr.Conflict("only a failed attempt can be retaken", attemptField...)
	case at.UserStatus != "active":
		return nil, apperr.Conflict("the person is no longer active", attemptField...)
	}
	if _, err := s.Catalogue.Current(ctx, p.TenantID, at.ScenarioID); err != nil {
		return nil, apperr.Conflict("the scenario is no longer in the catalogue", attemptField...)
	}
	var open int64
	if err := db.Model(&Member{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Where("a.retake_of = ? AND a.cancelled_at IS NULL AND training_assignment_members.completed_at IS NULL", in.AttemptID).
		Count(&open).Error; err != nil {
		return nil, err
	}
	if open > 0 {
		return nil, apperr.Conflict("a retake of this attempt is already open", attemptField...)
	}
	attemptID := in.AttemptID
	a := Assignment{TenantID: p.TenantID, ScenarioKey: at.ScenarioID, BranchID: at.BranchID, Audience: AudienceUsers,
		Note: strings.TrimSpace(in.Note), DueAt: in.DueAt.UTC(), CreatedBy: p.UserID, CreatedByName: p.DisplayName, CreatedAt: now,
		MaxAttempts: in.MaxAttempts, RetakeOf: &attemptID}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
		if err := s.addMembers(ctx, tx, &a, []person{{ID: at.UserID, BranchID: at.BranchID}}, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "training.retake", "assignment", strconv.FormatInt(a.ID, 10), nil, map[string]any{"assignment": a})
	})
	if err != nil {
		return nil, err
	}
	v, err := s.assignmentView(ctx, p.TenantID, &a, Stats{Members: 1})
	return &v, err
}
