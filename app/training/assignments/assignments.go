package assignments

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// Audiences of an assignment, all under its branch.
const (
	AudienceSubtree = "subtree" // everyone in the branch and below
	AudienceRole    = "role"    // everyone there holding a role
	AudienceUsers   = "users"   // named people there
)

// Notification kinds pushed by assignments.
const (
	NotifyAssigned = "training.assigned"
	NotifyDueSoon  = "training.due_soon"
)

// DueSoon is how close a due date must be for the "nearly due" reminder.
const DueSoon = 48 * time.Hour

// MaxAssignmentMembers bounds one assignment; a bank-wide one of a large
// bank fits, a runaway request does not.
const MaxAssignmentMembers = 20000

// Assignment asks an audience to take one scenario by a date.
type Assignment struct {
	TenantID      int64
	ID            int64 `gorm:"primaryKey"`
	Programme     string
	ScenarioKey   string
	BranchID      int64
	Audience      string
	Role          string
	Note          string
	DueAt         time.Time
	CreatedBy     int64
	CreatedByName string
	CreatedAt     time.Time
	CancelledAt   *time.Time
	// MaxAttempts caps the attempts a member may start until they pass; 0 is no cap.
	MaxAttempts int
	// RetakeOf is the failed attempt a retake was assigned from.
	RetakeOf   *int64
	RemindedAt *time.Time
	// BeginnerHint is beginner mode: the shelf of its attempts marks which
	// products fit the customer (see ShelfHint).
	BeginnerHint bool
}

// TableName keeps the table name stable.
func (Assignment) TableName() string { return "training_assignments" }

// Member is one person an assignment resolved to, and how they did. CompletedAt is
// set by the first passed attempt only (migration 16 reopened the ones a failed attempt
// had completed); AttemptID and BestTotal are set by any finished attempt.
type Member struct {
	TenantID        int64
	ID              int64 `gorm:"primaryKey"`
	AssignmentID    int64
	UserID          int64
	BranchID        int64
	CompletedAt     *time.Time
	AttemptID       *int64
	BestTotal       *float64
	Passed          bool
	DueSoonNotified bool
}

// TableName keeps the table name stable.
func (Member) TableName() string { return "training_assignment_members" }

// AssignInput is what a manager or HR sends to assign training.
type AssignInput struct {
	Programme    string
	ScenarioKeys []string
	BranchID     int64
	Audience     string
	Role         string
	UserIDs      []int64
	DueAt        time.Time
	Note         string
	MaxAttempts  int
	BeginnerHint bool
}

// Roles an assignment may target.
// Not auditor: an auditor holds no other role, so cannot take training.
var assignableRoles = []string{"employee", "manager", "hr", "tenant_admin"}

// Assign creates one assignment per scenario for the audience under a
// branch in the assigner's subtree, resolves its members, and notifies them,
// all in one transaction. It returns the assignments and how many people
// each reaches.
func (s *Service) Assign(ctx context.Context, p *access.Principal, in AssignInput) ([]Assignment, int, error) {
	plan, err := s.plan(ctx, p, in)
	if err != nil {
		return nil, 0, err
	}
	now := s.Now().UTC()
	scs, people := plan.scenarios, plan.people
	var out []Assignment
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		for _, sc := range scs {
			a := Assignment{TenantID: p.TenantID, Programme: strings.TrimSpace(in.Programme), ScenarioKey: sc.ID, BranchID: in.BranchID,
				Audience: in.Audience, Role: in.Role, Note: strings.TrimSpace(in.Note), DueAt: in.DueAt.UTC(),
				CreatedBy: p.UserID, CreatedByName: p.DisplayName, CreatedAt: now, MaxAttempts: in.MaxAttempts, BeginnerHint: in.BeginnerHint}
			if err := tx.Create(&a).Error; err != nil {
				return err
			}
			if err := s.addMembers(ctx, tx, &a, people, now); err != nil {
				return err
			}
			if err := audit.Record(ctx, tx, audit.By(p), now, "training.assign", "assignment", strconv.FormatInt(a.ID, 10), nil,
				map[string]any{"assignment": a, "members": len(people)}); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, len(people), err
}

// assignPlan is a checked assignment request: its scenarios and the people it reaches.
type assignPlan struct {
	scenarios []*scenarios.Scenario
	people    []person
}

// MaxAttemptsCap is the largest attempt limit an assignment may set.
const MaxAttemptsCap = 20

// plan checks an assignment request as p would send it and resolves its
// audience, writing nothing: Assign and its dry run share it.
func (s *Service) plan(ctx context.Context, p *access.Principal, in AssignInput) (*assignPlan, error) {
	if err := s.Guard.Can(ctx, p, training.PermAssign); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var bad []apperr.Field
	if !in.DueAt.After(now) {
		bad = append(bad, apperr.Field{Location: "body.due_at", Message: "must be in the future"})
	}
	if in.Audience == AudienceRole && !slices.Contains(assignableRoles, in.Role) {
		bad = append(bad, apperr.Field{Location: "body.role", Message: "one of {roles}", Args: apperr.Args{"roles": strings.Join(assignableRoles, ", ")}, Value: in.Role})
	}
	if in.MaxAttempts < 0 || in.MaxAttempts > MaxAttemptsCap {
		bad = append(bad, apperr.Field{Location: "body.max_attempts", Message: "0 (no limit) to {max}", Args: apperr.Args{"max": MaxAttemptsCap}, Value: in.MaxAttempts})
	}
	if in.Audience == AudienceUsers && len(in.UserIDs) == 0 {
		bad = append(bad, apperr.Field{Location: "body.user_ids", Message: "name at least one person"})
	}
	var scs []*scenarios.Scenario
	for i, key := range in.ScenarioKeys {
		sc, err := s.Catalogue.Current(ctx, p.TenantID, key)
		if err != nil {
			bad = append(bad, apperr.Field{Location: fmt.Sprintf("body.scenario_keys[%d]", i), Message: "no such scenario in the catalogue", Value: key})
			continue
		}
		scs = append(scs, sc)
	}
	branch, err := s.branchPath(ctx, p.TenantID, in.BranchID)
	if err != nil {
		return nil, err
	}
	if branch == "" {
		bad = append(bad, apperr.Field{Location: "body.branch_id", Message: "no such branch", Value: in.BranchID})
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	// A branch of the tenant outside p's subtree: 404, as for every object
	// out of reach (a missing or foreign branch is the 422 above).
	if err := s.Guard.Require(ctx, p, branch, training.PermAssign, "branch"); err != nil {
		return nil, err
	}
	people, err := s.audience(ctx, p.TenantID, branch, in)
	if err != nil {
		return nil, err
	}
	return &assignPlan{scenarios: scs, people: people}, nil
}

type person struct {
	ID       int64
	BranchID int64
}

// audience resolves who an assignment reaches: active users whose home
// branch is in the subtree, narrowed by role or by name.
func (s *Service) audience(ctx context.Context, tenantID int64, branch string, in AssignInput) ([]person, error) {
	q := s.DB.R.WithContext(ctx).Table("users").Scopes(store.Tenant(tenantID)).
		Joins("JOIN branches b ON b.tenant_id = users.tenant_id AND b.id = users.branch_id").
		Where("users.status = ?", "active")
	q = authz.InSubtrees(q, "b.path", []string{branch})
	if in.Audience == AudienceUsers {
		q = q.Where("users.id IN ?", in.UserIDs)
	}
	var people []person
	if err := q.Select("users.id, users.branch_id").Order("users.id").Limit(MaxAssignmentMembers + 1).Scan(&people).Error; err != nil {
		return nil, err
	}
	if len(people) > MaxAssignmentMembers {
		return nil, apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "more than {max} people; assign per branch", Args: apperr.Args{"max": MaxAssignmentMembers}})
	}
	switch in.Audience {
	case AudienceUsers:
		found := map[int64]bool{}
		for _, u := range people {
			found[u.ID] = true
		}
		var bad []apperr.Field
		for i, id := range in.UserIDs {
			if !found[id] {
				bad = append(bad, apperr.Field{Location: fmt.Sprintf("body.user_ids[%d]", i), Message: "no active person with this id under the branch", Value: id})
			}
		}
		if len(bad) > 0 {
			return nil, apperr.Invalid(bad...)
		}
	case AudienceRole:
		var err error
		if people, err = withRole(s.DB.R.WithContext(ctx), tenantID, people, in.Role); err != nil {
			return nil, err
		}
	}
	if len(people) == 0 {
		return nil, apperr.Invalid(apperr.Field{Location: "body", Message: "nobody matches this audience"})
	}
	return people, nil
}

// withRole keeps the people holding role, reading grants through db (the
// caller's transaction when its writes must be seen). Every user is an
// employee of their own branch, so "employee" keeps everyone.
func withRole(db *gorm.DB, tenantID int64, people []person, role string) ([]person, error) {
	if role == "employee" {
		return people, nil
	}
	ids := make([]int64, len(people))
	for i, u := range people {
		ids[i] = u.ID
	}
	grants, err := authz.GrantsOf(db, tenantID, ids)
	if err != nil {
		return nil, err
	}
	var out []person
	for _, u := range people {
		if slices.ContainsFunc(grants[u.ID], func(g authz.Grant) bool { return g.Role == role }) {
			out = append(out, u)
		}
	}
	return out, nil
}

// branchPath is the path of a branch of the tenant; "" when there is none.
func (s *Service) branchPath(ctx context.Context, tenantID, id int64) (string, error) {
	var path string
	err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(tenantID)).Where("id = ?", id).Pluck("path", &path).Error
	return path, err
}

// Completed records a finished attempt against the taker's open assignments of that
// scenario made before the attempt began. Only a passed attempt completes one: a failed
// attempt is kept (its score, its link for the result) so the inbox and progress can tell
// "failed" from "not started", but the assignment stays open until a pass. Best scores
// only improve: the best pass once passed, the best try before. It runs in the
// attempt's transaction.
func (s *Service) Completed(tx *gorm.DB, c training.Completion, now time.Time) error {
	sub := tx.Session(&gorm.Session{NewDB: true}).Model(&Assignment{}).Scopes(store.Tenant(c.TenantID)).Select("id").
		Where("scenario_key = ? AND created_at <= ? AND cancelled_at IS NULL", c.ScenarioKey, c.StartedAt)
	mine := func() *gorm.DB {
		return tx.Session(&gorm.Session{NewDB: true}).Model(&Member{}).Scopes(store.Tenant(c.TenantID)).
			Where("user_id = ? AND assignment_id IN (?)", c.UserID, sub)
	}
	if !c.Passed {
		return mine().Where("completed_at IS NULL AND (attempt_id IS NULL OR best_total IS NULL OR best_total < ?)", c.Total).
			Updates(map[string]any{"attempt_id": c.AttemptID, "best_total": c.Total}).Error
	}
	if err := mine().Where("completed_at IS NULL").
		Updates(map[string]any{"completed_at": now, "attempt_id": c.AttemptID, "best_total": c.Total, "passed": true}).Error; err != nil {
		return err
	}
	return mine().Where("completed_at IS NOT NULL AND attempt_id <> ? AND best_total < ?", c.AttemptID, c.Total).
		Updates(map[string]any{"best_total": c.Total, "attempt_id": c.AttemptID}).Error
}

// loadAssignment loads an assignment of the tenant by id; 404 otherwise.
func (s *Service) loadAssignment(ctx context.Context, tenantID, id int64) (*Assignment, error) {
	var a Assignment
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("assignment")
	}
	return &a, err
}

// CancelAssignment withdraws an assignment made under a branch of p's
// subtree: it leaves inboxes and reports, and completions stop counting.
func (s *Service) CancelAssignment(ctx context.Context, p *access.Principal, id int64) (*AssignmentView, error) {
	if err := s.Guard.Can(ctx, p, training.PermAssign); err != nil {
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
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Assignment{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND cancelled_at IS NULL", a.ID).Update("cancelled_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return apperr.Conflict("the assignment is already cancelled")
		}
		return audit.Record(ctx, tx, audit.By(p), now, "training.assignment.cancel", "assignment", strconv.FormatInt(a.ID, 10), nil, map[string]any{"cancelled_at": now})
	})
	if err != nil {
		return nil, err
	}
	a.CancelledAt = &now
	v, err := s.assignmentView(ctx, p.TenantID, a, Stats{})
	return &v, err
}

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any { return []any{&Assignment{}, &Member{}} }
