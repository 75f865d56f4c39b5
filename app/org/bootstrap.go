package org

import (
	"context"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/password"
)

// Bootstrap creates a tenant's first administrator at its head office. It
// runs without a principal (there is no one to ask yet), so only the
// platform-operator flow and the demo seeder call it.
func (s *Service) Bootstrap(ctx context.Context, tenantID int64, in NewUser, actorName string) (*access.Principal, error) {
	hash, err := password.Hash(in.Password)
	if err != nil {
		return nil, err
	}
	var p *access.Principal
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		p, err = s.insertFirstAdmin(ctx, tx, tenantID, in, hash, actorName)
		return err
	})
	return p, err
}

// insertFirstAdmin writes the administrator inside tx.
func (s *Service) insertFirstAdmin(ctx context.Context, tx *gorm.DB, tenantID int64, in NewUser, hash, actorName string) (*access.Principal, error) {
	root, err := rootBranch(ctx, tx, tenantID)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	u := &User{TenantID: tenantID, BranchID: root.ID, Username: in.Username, DisplayName: in.DisplayName, EmployeeCode: in.EmployeeCode,
		Email: in.Email, PasswordHash: hash, MustChangePassword: !in.Ready, Status: StatusActive, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(u).Error; err != nil {
		return nil, err
	}
	grants := []authz.Grant{{Role: authz.Employee, Path: root.Path}, {Role: authz.TenantAdmin, Path: root.Path}}
	if err := authz.SetGrants(tx, tenantID, u.ID, grants); err != nil {
		return nil, err
	}
	if err := bumpPolicy(tx, tenantID); err != nil {
		return nil, err
	}
	var t Tenant
	if err := tx.Where("id = ?", tenantID).Take(&t).Error; err != nil {
		return nil, err
	}
	p := &access.Principal{TenantID: tenantID, TenantSlug: t.Slug, PolicyVersion: t.PolicyVersion, UserID: u.ID,
		Username: u.Username, DisplayName: u.DisplayName, BranchID: root.ID, BranchPath: root.Path}
	return p, audit.Record(ctx, tx, audit.System(tenantID, actorName), now, "user.create", "user", itoa(u.ID), nil, map[string]any{"user": u, "roles": grants})
}

// CreateTenantWithAdmin creates the tenant, its head office and its first
// administrator in one transaction, after checking every field of both:
// there is never a tenant without someone who can sign in to run it.
func (s *Service) CreateTenantWithAdmin(ctx context.Context, in NewTenant, admin NewUser, actorName string) (*Tenant, error) {
	bad := checkTenant(&in)
	if !usernamePattern.MatchString(admin.Username) {
		bad = append(bad, apperr.Field{Location: "body.admin_username", Message: "2–64 letters, digits, '.', '_' or '-'", Value: admin.Username})
	}
	if f := s.checkPassword("body.admin_password", admin.Password); f != nil {
		bad = append(bad, *f)
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	hash, err := password.Hash(admin.Password)
	if err != nil {
		return nil, err
	}
	var t *Tenant
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var err error
		if t, _, err = s.insertTenant(ctx, tx, in, actorName); err != nil {
			return err
		}
		_, err = s.insertFirstAdmin(ctx, tx, t.ID, admin, hash, actorName)
		return err
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Refresh reloads a principal's policy version after its own writes (the
// demo seeder acts as one principal across many writes).
func (s *Service) Refresh(ctx context.Context, p *access.Principal) error {
	var t Tenant
	if err := s.DB.W.WithContext(ctx).Where("id = ?", p.TenantID).Take(&t).Error; err != nil {
		return err
	}
	p.PolicyVersion = t.PolicyVersion
	return nil
}
