package awards

import (
	"context"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// AwardPersonRef names a person on a screen.
type AwardPersonRef struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	EmployeeCode string `json:"employee_code"`
}

// AwardBranchRef names a branch on a screen.
type AwardBranchRef struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// names looks up the people and branches a page shows, in two queries.
type names struct {
	people   map[int64]AwardPersonRef
	branches map[int64]AwardBranchRef
}

func (s *Service) names(ctx context.Context, tenantID int64, userIDs, branchIDs []int64) (names, error) {
	n := names{people: map[int64]AwardPersonRef{}, branches: map[int64]AwardBranchRef{}}
	db := s.DB.R.WithContext(ctx)
	if len(userIDs) > 0 {
		var us []org.User
		if err := db.Scopes(store.Tenant(tenantID)).Where("id IN ?", userIDs).Find(&us).Error; err != nil {
			return n, err
		}
		for _, u := range us {
			n.people[u.ID] = AwardPersonRef{ID: u.ID, Name: u.DisplayName, EmployeeCode: u.EmployeeCode}
		}
	}
	if len(branchIDs) > 0 {
		var bs []org.Branch
		if err := db.Scopes(store.Tenant(tenantID)).Where("id IN ?", branchIDs).Find(&bs).Error; err != nil {
			return n, err
		}
		for _, b := range bs {
			n.branches[b.ID] = AwardBranchRef{ID: b.ID, Code: b.Code, Name: b.Name}
		}
	}
	return n, nil
}

func (n names) person(id int64) AwardPersonRef {
	if p, ok := n.people[id]; ok {
		return p
	}
	return AwardPersonRef{ID: id}
}

func (n names) branch(id int64) AwardBranchRef {
	if b, ok := n.branches[id]; ok {
		return b
	}
	return AwardBranchRef{ID: id}
}
