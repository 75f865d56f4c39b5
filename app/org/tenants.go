package org

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
)

var slugPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{1,62}$`)

// NewTenant is what the platform operator supplies.
type NewTenant struct {
	Slug, Name, TimeZone, DefaultLocale string
	HeadOfficeName                      string
}

// CreateTenant creates a tenant and its head-office branch (the root of its
// tree). actorName is the platform operator, written to the tenant's audit log.
func (s *Service) CreateTenant(ctx context.Context, in NewTenant, actorName string) (*Tenant, *Branch, error) {
	if bad := checkTenant(&in); len(bad) > 0 {
		return nil, nil, apperr.Invalid(bad...)
	}
	var t *Tenant
	var root *Branch
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var err error
		t, root, err = s.insertTenant(ctx, tx, in, actorName)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return t, root, nil
}

// checkTenant fills in the defaults and reports every bad field.
func checkTenant(in *NewTenant) []apperr.Field {
	var bad []apperr.Field
	in.Slug = strings.TrimSpace(in.Slug)
	if !slugPattern.MatchString(in.Slug) {
		bad = append(bad, apperr.Field{Location: "body.slug", Message: "use 2–63 lower-case letters, digits or '-', starting with a letter", Value: in.Slug})
	}
	if strings.TrimSpace(in.Name) == "" {
		bad = append(bad, apperr.Field{Location: "body.name", Message: "must not be empty"})
	}
	if in.TimeZone == "" {
		in.TimeZone = "Asia/Shanghai"
	}
	if _, err := time.LoadLocation(in.TimeZone); err != nil {
		bad = append(bad, apperr.Field{Location: "body.time_zone", Message: "unknown IANA time zone", Value: in.TimeZone})
	}
	if in.DefaultLocale == "" {
		in.DefaultLocale = "zh-CN"
	}
	if in.DefaultLocale != "zh-CN" && in.DefaultLocale != "en" {
		bad = append(bad, apperr.Field{Location: "body.default_locale", Message: "must be zh-CN or en", Value: in.DefaultLocale})
	}
	if in.HeadOfficeName == "" {
		in.HeadOfficeName = strings.TrimSpace(in.Name) + "总行"
	}
	return bad
}

// insertTenant writes a checked tenant and its head office inside tx.
func (s *Service) insertTenant(ctx context.Context, tx *gorm.DB, in NewTenant, actorName string) (*Tenant, *Branch, error) {
	now := s.Now().UTC()
	t := &Tenant{Slug: in.Slug, Name: strings.TrimSpace(in.Name), TimeZone: in.TimeZone, DefaultLocale: in.DefaultLocale, PolicyVersion: 1, SessionVersion: 1, CreatedAt: now, UpdatedAt: now}
	var n int64
	if err := tx.Model(&Tenant{}).Where("slug = ?", t.Slug).Count(&n).Error; err != nil {
		return nil, nil, err
	}
	if n > 0 {
		return nil, nil, apperr.Conflict("tenant slug already taken", apperr.Field{Location: "body.slug", Message: "already taken", Value: t.Slug})
	}
	if err := tx.Create(t).Error; err != nil {
		return nil, nil, err
	}
	root, err := insertBranch(tx, t.ID, nil, "HQ", in.HeadOfficeName, now)
	if err != nil {
		return nil, nil, err
	}
	return t, root, audit.Record(ctx, tx, audit.System(t.ID, actorName), now, "tenant.create", "tenant", itoa(t.ID), nil, t)
}

// ListTenants lists every tenant (platform operator only).
func (s *Service) ListTenants(ctx context.Context) ([]Tenant, error) {
	var ts []Tenant
	err := s.DB.R.WithContext(ctx).Order("id").Find(&ts).Error
	return ts, err
}

// TenantBySlug finds a tenant for login.
func (s *Service) TenantBySlug(ctx context.Context, slug string) (*Tenant, error) {
	var t Tenant
	err := s.DB.R.WithContext(ctx).Where("slug = ?", slug).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	return &t, err
}
