package org

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
)

// Settings are what a tenant admin may change about the bank itself.
type Settings struct {
	Name          *string
	TimeZone      *string
	DefaultLocale *string
}

// UpdateSettings changes the principal's own tenant (tenant.write at the head office).
func (s *Service) UpdateSettings(ctx context.Context, p *access.Principal, in Settings) (*Tenant, error) {
	if err := s.Guard.Can(ctx, p, PermTenantWrite); err != nil {
		return nil, err
	}
	var out *Tenant
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		root, err := rootBranch(ctx, tx, p.TenantID)
		if err != nil {
			return err
		}
		if err := s.Guard.Require(ctx, p, root.Path, PermTenantWrite, "tenant"); err != nil {
			return err
		}
		var t Tenant
		if err := tx.Where("id = ?", p.TenantID).Take(&t).Error; err != nil {
			return err
		}
		before := t
		var bad []apperr.Field
		if in.Name != nil {
			if n := strings.TrimSpace(*in.Name); n == "" || len([]rune(n)) > 200 {
				bad = append(bad, apperr.Field{Location: "body.name", Message: "1–200 characters", Value: *in.Name})
			} else {
				t.Name = n
			}
		}
		if in.TimeZone != nil {
			if _, err := time.LoadLocation(*in.TimeZone); err != nil || *in.TimeZone == "" {
				bad = append(bad, apperr.Field{Location: "body.time_zone", Message: "unknown IANA time zone", Value: *in.TimeZone})
			} else {
				t.TimeZone = *in.TimeZone
			}
		}
		if in.DefaultLocale != nil {
			t.DefaultLocale = *in.DefaultLocale
		}
		if len(bad) > 0 {
			return apperr.Invalid(bad...)
		}
		t.UpdatedAt = s.Now().UTC()
		if err := tx.Model(&Tenant{}).Where("id = ?", t.ID).Updates(map[string]any{
			"name": t.Name, "time_zone": t.TimeZone, "default_locale": t.DefaultLocale, "updated_at": t.UpdatedAt}).Error; err != nil {
			return err
		}
		out = &t
		return audit.Record(ctx, tx, audit.By(p), t.UpdatedAt, "tenant.update", "tenant", itoa(t.ID), before, t)
	})
	return out, err
}
