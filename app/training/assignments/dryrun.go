package assignments

import (
	"context"
	"slices"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// AssignPreview is what an assignment would do, before it is made: how many
// people it reaches and who of them already has the same scenario open.
type AssignPreview struct {
	Members    int         `json:"members" doc:"people the assignment would reach"`
	Duplicates []Duplicate `json:"duplicates" doc:"per scenario, people it reaches who have it assigned and not passed yet"`
}

// Duplicate is a scenario some of the audience already has open.
type Duplicate struct {
	ScenarioKey   string  `json:"scenario_key"`
	People        int     `json:"people"`
	AssignmentIDs []int64 `json:"assignment_ids" doc:"the open assignments they have it from"`
}

// PreviewAssign checks an assignment as Assign would and counts its reach
// and its overlap with open assignments of the same scenarios, writing
// nothing: the dialog shows the count and warns before anyone is assigned twice.
func (s *Service) PreviewAssign(ctx context.Context, p *access.Principal, in AssignInput) (*AssignPreview, error) {
	plan, err := s.plan(ctx, p, in)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(plan.scenarios))
	for i, sc := range plan.scenarios {
		keys[i] = sc.ID
	}
	// The open members of those scenarios in the whole bank, matched against
	// the audience here: the audience may be thousands, too many to bind.
	var open []struct {
		UserID, AssignmentID int64
		ScenarioKey          string
	}
	err = s.DB.R.WithContext(ctx).Model(&Member{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Where("a.scenario_key IN ? AND a.cancelled_at IS NULL AND training_assignment_members.completed_at IS NULL", keys).
		Select("training_assignment_members.user_id, training_assignment_members.assignment_id, a.scenario_key").
		Order("a.scenario_key, training_assignment_members.assignment_id").Scan(&open).Error
	if err != nil {
		return nil, err
	}
	reached := make(map[int64]bool, len(plan.people))
	for _, u := range plan.people {
		reached[u.ID] = true
	}
	out := &AssignPreview{Members: len(plan.people), Duplicates: []Duplicate{}}
	for _, key := range keys {
		d := Duplicate{ScenarioKey: key, AssignmentIDs: []int64{}}
		people := map[int64]bool{}
		for _, m := range open {
			if m.ScenarioKey != key || !reached[m.UserID] {
				continue
			}
			people[m.UserID] = true
			if !slices.Contains(d.AssignmentIDs, m.AssignmentID) {
				d.AssignmentIDs = append(d.AssignmentIDs, m.AssignmentID)
			}
		}
		if d.People = len(people); d.People > 0 {
			out.Duplicates = append(out.Duplicates, d)
		}
	}
	return out, nil
}
