package assignments

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// openAssignment is an assignment still taking people in, with its branch's path.
type openAssignment struct {
	Assignment
	BranchPath string
}

// JoinOpenAssignments adds people to the open assignments (not cancelled,
// not yet due) whose audience now takes them in: a subtree assignment
// whoever comes to work under its branch, a role assignment whoever there is
// given the role. A programme set up for the month reaches the people who
// join mid-month, as HR expects. Named-people assignments stay as they were
// made, and people who leave keep what they had. It runs in the caller's
// transaction (org calls it when users are created, moved, given roles or
// imported) and notifies everyone it adds.
func (s *Service) JoinOpenAssignments(ctx context.Context, tx *gorm.DB, tenantID int64, userIDs []int64) error {
	now := s.Now().UTC()
	var open []openAssignment
	if err := tx.WithContext(ctx).Model(&Assignment{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN branches b ON b.tenant_id = training_assignments.tenant_id AND b.id = training_assignments.branch_id").
		Where("training_assignments.cancelled_at IS NULL AND training_assignments.due_at > ? AND training_assignments.audience IN ?",
			now, []string{AudienceSubtree, AudienceRole}).
		Select("training_assignments.*, b.path AS branch_path").Scan(&open).Error; err != nil || len(open) == 0 {
		return err
	}
	// Fields spelled out: GORM does not scan into an embedded unexported struct.
	var people []struct {
		ID, BranchID int64
		Path         string
	}
	if err := tx.WithContext(ctx).Table("users").Scopes(store.Tenant(tenantID)).
		Joins("JOIN branches b ON b.tenant_id = users.tenant_id AND b.id = users.branch_id").
		Where("users.id IN ? AND users.status = ?", userIDs, "active").
		Select("users.id, users.branch_id, b.path").Scan(&people).Error; err != nil {
		return err
	}
	already := map[[2]int64]bool{}
	var members []Member
	if err := tx.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("user_id IN ?", userIDs).
		Select("assignment_id, user_id").Find(&members).Error; err != nil {
		return err
	}
	for _, m := range members {
		already[[2]int64{m.AssignmentID, m.UserID}] = true
	}
	for _, a := range open {
		var in []person
		for _, u := range people {
			if authz.Covers(a.BranchPath, u.Path) && !already[[2]int64{a.ID, u.ID}] {
				in = append(in, person{ID: u.ID, BranchID: u.BranchID})
			}
		}
		if a.Audience == AudienceRole {
			var err error
			if in, err = withRole(tx.WithContext(ctx), tenantID, in, a.Role); err != nil {
				return err
			}
		}
		if err := s.addMembers(ctx, tx, &a.Assignment, in, now); err != nil {
			return err
		}
	}
	return nil
}

// addMembers makes people members of a and tells them.
func (s *Service) addMembers(ctx context.Context, tx *gorm.DB, a *Assignment, people []person, now time.Time) error {
	if len(people) == 0 {
		return nil
	}
	members := make([]Member, len(people))
	ids := make([]int64, len(people))
	for i, u := range people {
		members[i] = Member{TenantID: a.TenantID, AssignmentID: a.ID, UserID: u.ID, BranchID: u.BranchID}
		ids[i] = u.ID
	}
	if err := tx.WithContext(ctx).CreateInBatches(members, 500).Error; err != nil {
		return err
	}
	data := map[string]any{"scenario_key": a.ScenarioKey, "programme": a.Programme, "due_at": a.DueAt, "by": a.CreatedByName}
	if sc, err := s.Catalogue.Current(ctx, a.TenantID, a.ScenarioKey); err == nil {
		data["title"] = sc.Title
	}
	return notify.Push(tx, a.TenantID, ids, NotifyAssigned, a.ID, data, now)
}
