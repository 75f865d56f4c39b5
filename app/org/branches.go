package org

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/session"
	"github.com/servicestar/servicestar/app/store"
)

// insertBranch creates a branch under parent (nil for the root). The path
// needs the new id, so the row is written with a unique placeholder first.
func insertBranch(tx *gorm.DB, tenantID int64, parent *Branch, code, name string, now time.Time) (*Branch, error) {
	tmp := make([]byte, 8)
	_, _ = rand.Read(tmp)
	b := &Branch{TenantID: tenantID, Code: code, Name: name, Path: "/tmp-" + hex.EncodeToString(tmp) + "/", CreatedAt: now, UpdatedAt: now}
	if parent != nil {
		b.ParentID = &parent.ID
		b.Depth = parent.Depth + 1
	}
	if err := tx.Create(b).Error; err != nil {
		return nil, err
	}
	prefix := "/"
	if parent != nil {
		prefix = parent.Path
	}
	b.Path = prefix + itoa(b.ID) + "/"
	if err := tx.Model(b).Scopes(store.Tenant(tenantID)).Update("path", b.Path).Error; err != nil {
		return nil, err
	}
	return b, nil
}

// writableBranch loads a branch the principal may change, or a 404.
func (s *Service) writableBranch(ctx context.Context, tx *gorm.DB, p *access.Principal, id int64) (*Branch, error) {
	b, err := branchByID(ctx, tx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, b.Path, PermBranchesWrite, "branch"); err != nil {
		return nil, err
	}
	return b, nil
}

// ListBranches returns the branches the principal may read, ordered by path,
// with the columns a tree shows (not the timestamps). It is the most frequent
// read there is, so it skips GORM, whose building and scanning cost more than
// the query; store.TenantRows keeps the tenant scope.
func (s *Service) ListBranches(ctx context.Context, p *access.Principal) ([]Branch, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermBranchesRead)
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.TenantRows(ctx, p.TenantID,
		"SELECT id, parent_id, code, name, path, depth, closed_at FROM branches WHERE tenant_id = ? AND "+
			authz.SubtreeCondition("path", len(scopes))+" ORDER BY path",
		authz.SubtreeArgs(scopes)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var bs []Branch
	for rows.Next() {
		b := Branch{TenantID: p.TenantID}
		if err := rows.Scan(&b.ID, &b.ParentID, &b.Code, &b.Name, &b.Path, &b.Depth, &b.ClosedAt); err != nil {
			return nil, err
		}
		bs = append(bs, b)
	}
	return bs, rows.Err()
}

// BranchInput is a new branch.
type BranchInput struct {
	ParentID int64
	Code     string
	Name     string
}

func validateBranchFields(code, name string, prefix string) []apperr.Field {
	var bad []apperr.Field
	if c := strings.TrimSpace(code); c == "" || len(c) > 64 || strings.ContainsAny(c, " /\\") {
		bad = append(bad, apperr.Field{Location: prefix + "code", Message: "1–64 characters, no spaces or slashes", Value: code})
	}
	if n := strings.TrimSpace(name); n == "" || len([]rune(n)) > 100 {
		bad = append(bad, apperr.Field{Location: prefix + "name", Message: "1–100 characters", Value: name})
	}
	return bad
}

// CreateBranch adds a child branch under in.ParentID.
func (s *Service) CreateBranch(ctx context.Context, p *access.Principal, in BranchInput) (*Branch, error) {
	if err := s.Guard.Can(ctx, p, PermBranchesWrite); err != nil {
		return nil, err
	}
	if bad := validateBranchFields(in.Code, in.Name, "body."); len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	var out *Branch
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		parent, err := branchByID(ctx, tx, p.TenantID, in.ParentID)
		if err != nil {
			return err
		}
		if err := s.Guard.Require(ctx, p, parent.Path, PermBranchesWrite, "branch"); err != nil {
			return err
		}
		if parent.ClosedAt != nil {
			return apperr.Invalid(apperr.Field{Location: "body.parent_id", Message: "the parent branch is closed", Value: in.ParentID})
		}
		if err := uniqueBranchCode(ctx, tx, p.TenantID, in.Code, 0); err != nil {
			return err
		}
		now := s.Now().UTC()
		out, err = insertBranch(tx, p.TenantID, parent, strings.TrimSpace(in.Code), strings.TrimSpace(in.Name), now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "branch.create", "branch", itoa(out.ID), nil, out)
	})
	return out, err
}

func uniqueBranchCode(ctx context.Context, tx *gorm.DB, tenantID int64, code string, except int64) error {
	var n int64
	err := tx.WithContext(ctx).Model(&Branch{}).Scopes(store.Tenant(tenantID)).
		Where("code = ? AND id <> ?", strings.TrimSpace(code), except).Count(&n).Error
	if err != nil {
		return err
	}
	if n > 0 {
		return apperr.Conflict("branch code already used", apperr.Field{Location: "body.code", Message: "already used in this bank", Value: code})
	}
	return nil
}

// RenameBranch changes a branch's name.
func (s *Service) RenameBranch(ctx context.Context, p *access.Principal, id int64, name string) (*Branch, error) {
	if err := s.Guard.Can(ctx, p, PermBranchesWrite); err != nil {
		return nil, err
	}
	if n := strings.TrimSpace(name); n == "" || len([]rune(n)) > 100 {
		return nil, apperr.Invalid(apperr.Field{Location: "body.name", Message: "1–100 characters", Value: name})
	}
	var out *Branch
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		b, err := s.writableBranch(ctx, tx, p, id)
		if err != nil {
			return err
		}
		before := *b
		b.Name = strings.TrimSpace(name)
		b.UpdatedAt = s.Now().UTC()
		if err := tx.Model(b).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"name": b.Name, "updated_at": b.UpdatedAt}).Error; err != nil {
			return err
		}
		out = b
		return audit.Record(ctx, tx, audit.By(p), b.UpdatedAt, "branch.rename", "branch", itoa(b.ID), before, b)
	})
	return out, err
}

// MoveBranch puts a branch (and its whole subtree) under a new parent.
func (s *Service) MoveBranch(ctx context.Context, p *access.Principal, id, parentID int64) (*Branch, error) {
	if err := s.Guard.Can(ctx, p, PermBranchesWrite); err != nil {
		return nil, err
	}
	var out *Branch
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		b, err := s.writableBranch(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if b.ParentID == nil {
			return apperr.Invalid(apperr.Field{Location: "path.id", Message: "the head office cannot be moved", Value: id})
		}
		np, err := branchByID(ctx, tx, p.TenantID, parentID)
		if err != nil {
			return err
		}
		if err := s.Guard.Require(ctx, p, np.Path, PermBranchesWrite, "branch"); err != nil {
			return err
		}
		if authz.Covers(b.Path, np.Path) {
			return apperr.Invalid(apperr.Field{Location: "body.parent_id", Message: "a branch cannot move under itself or its own sub-branch", Value: parentID})
		}
		if np.ClosedAt != nil {
			return apperr.Invalid(apperr.Field{Location: "body.parent_id", Message: "the new parent branch is closed", Value: parentID})
		}
		before := *b
		oldPath, newPath := b.Path, np.Path+itoa(b.ID)+"/"
		delta := np.Depth + 1 - b.Depth
		now := s.Now().UTC()
		lo, hi := authz.PathRange(oldPath)
		err = tx.Model(&Branch{}).Scopes(store.Tenant(p.TenantID)).Where("path >= ? AND path < ?", lo, hi).
			Updates(map[string]any{
				"path":       gorm.Expr("? || substr(path, ?)", newPath, len(oldPath)+1),
				"depth":      gorm.Expr("depth + ?", delta),
				"updated_at": now,
			}).Error
		if err != nil {
			return err
		}
		if err := tx.Model(&Branch{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", b.ID).Update("parent_id", np.ID).Error; err != nil {
			return err
		}
		if err := authz.MoveSubtree(tx, p.TenantID, oldPath, newPath); err != nil {
			return err
		}
		if err := bumpPolicy(tx, p.TenantID); err != nil {
			return err
		}
		if err := session.BumpVersion(tx, p.TenantID); err != nil {
			return err
		}
		out, err = branchByID(ctx, tx, p.TenantID, b.ID)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "branch.move", "branch", itoa(b.ID), before, out)
	})
	return out, err
}

// CloseBranch marks a branch closed. Its staff and open sub-branches must be
// moved first, so no one is left in a branch that no longer exists.
func (s *Service) CloseBranch(ctx context.Context, p *access.Principal, id int64) (*Branch, error) {
	if err := s.Guard.Can(ctx, p, PermBranchesWrite); err != nil {
		return nil, err
	}
	var out *Branch
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		b, err := s.writableBranch(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if b.ParentID == nil {
			return apperr.Invalid(apperr.Field{Location: "path.id", Message: "the head office cannot be closed", Value: id})
		}
		if b.ClosedAt != nil {
			out = b
			return nil
		}
		var kids, staff int64
		if err := tx.Model(&Branch{}).Scopes(store.Tenant(p.TenantID)).Where("parent_id = ? AND closed_at IS NULL", b.ID).Count(&kids).Error; err != nil {
			return err
		}
		if err := tx.Model(&User{}).Scopes(store.Tenant(p.TenantID)).Where("branch_id = ? AND status = ?", b.ID, StatusActive).Count(&staff).Error; err != nil {
			return err
		}
		if kids > 0 || staff > 0 {
			return apperr.Conflict("branch still has open sub-branches or active staff; move them first",
				apperr.Field{Location: "path.id", Message: "has open sub-branches or active staff", Value: map[string]int64{"sub_branches": kids, "staff": staff}})
		}
		before := *b
		now := s.Now().UTC()
		b.ClosedAt, b.UpdatedAt = &now, now
		if err := tx.Model(b).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"closed_at": now, "updated_at": now}).Error; err != nil {
			return err
		}
		out = b
		return audit.Record(ctx, tx, audit.By(p), now, "branch.close", "branch", itoa(b.ID), before, b)
	})
	return out, err
}
