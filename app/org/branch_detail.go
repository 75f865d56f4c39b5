package org

import (
	"context"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
)

// BranchDetail is one branch as an administrator reads it: who works there
// (active people at the branch itself, and in it with every branch below),
// not the internal path and depth the tree is stored by.
type BranchDetail struct {
	ID               int64  `json:"id"`
	ParentID         *int64 `json:"parent_id"`
	Code             string `json:"code"`
	Name             string `json:"name"`
	Closed           bool   `json:"closed"`
	Children         int64  `json:"children" doc:"branches directly below"`
	Headcount        int64  `json:"headcount" doc:"active people at this branch itself"`
	SubtreeHeadcount int64  `json:"subtree_headcount" doc:"active people here and in every branch below"`
}

// Branch loads one branch the principal may read (else a 404) with its
// headcounts. The branch list does not carry them: it is the most frequent
// read there is, and counting people per branch would slow every page.
func (s *Service) Branch(ctx context.Context, p *access.Principal, id int64) (*BranchDetail, error) {
	// Without the permission anywhere the answer is 403 whatever the id, so
	// it tells nothing about which ids exist.
	if err := s.Guard.Can(ctx, p, PermBranchesRead); err != nil {
		return nil, err
	}
	db := s.DB.R.WithContext(ctx)
	b, err := branchByID(ctx, db, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, b.Path, PermBranchesRead, "branch"); err != nil {
		return nil, err
	}
	d := &BranchDetail{ID: b.ID, ParentID: b.ParentID, Code: b.Code, Name: b.Name, Closed: b.ClosedAt != nil}
	if err := db.Model(&Branch{}).Scopes(store.Tenant(p.TenantID)).Where("parent_id = ?", b.ID).Count(&d.Children).Error; err != nil {
		return nil, err
	}
	if err := db.Model(&User{}).Scopes(store.Tenant(p.TenantID)).Where("branch_id = ? AND status = ?", b.ID, StatusActive).Count(&d.Headcount).Error; err != nil {
		return nil, err
	}
	lo, hi := authz.PathRange(b.Path)
	err = db.Model(&User{}).Scopes(store.Tenant(p.TenantID)).
		Where("status = ? AND branch_id IN (SELECT id FROM branches WHERE tenant_id = ? AND path >= ? AND path < ?)", StatusActive, p.TenantID, lo, hi).
		Count(&d.SubtreeHeadcount).Error
	return d, err
}
