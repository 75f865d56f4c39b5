package sso

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// load returns the bank's configuration; a bank that never saved one has
// everything off.
func load(ctx context.Context, db *gorm.DB, tenantID int64) (Config, error) {
	var rows []Config
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Limit(1).Find(&rows).Error; err != nil {
		return Config{}, err
	}
	if len(rows) == 0 {
		return Config{TenantID: tenantID}, nil
	}
	return rows[0], nil
}

// Settings returns p's bank's configuration, secrets withheld.
func (s *Service) Settings(ctx context.Context, p *access.Principal, redirectBase string) (SSOSettings, error) {
	if err := s.requireAdmin(ctx, p); err != nil {
		return SSOSettings{}, err
	}
	c, err := s.load(ctx, s.DB.R, p.TenantID)
	if err != nil {
		return SSOSettings{}, err
	}
	return c.view(redirectURL(redirectBase, p.TenantSlug)), nil
}

// SetSettings replaces the bank's configuration. A secret left out (nil)
// keeps the stored one, so the admin never has to see it again to change
// something else; an empty string clears it.
func (s *Service) SetSettings(ctx context.Context, p *access.Principal, in SSOSettingsInput, redirectBase string) (SSOSettings, error) {
	if err := s.requireAdmin(ctx, p); err != nil {
		return SSOSettings{}, err
	}
	now := s.Now().UTC()
	var after Config
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		before, err := s.load(ctx, tx, p.TenantID)
		if err != nil {
			return err
		}
		after = in.apply(before)
		after.TenantID, after.UpdatedAt = p.TenantID, now
		if err := validate(after); err != nil {
			return err
		}
		row, err := s.sealed(after)
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "tenant_id"}}, UpdateAll: true}).Create(&row).Error; err != nil {
			return err
		}
		// The views, not the rows: the audit log never holds a secret.
		return audit.Record(ctx, tx, audit.By(p), now, "sso.settings", "tenant", fmt.Sprint(p.TenantID), before.view(""), after.view(""))
	})
	if err != nil {
		return SSOSettings{}, err
	}
	return after.view(redirectURL(redirectBase, p.TenantSlug)), nil
}

// requireAdmin asks for tenant.write at the head office: sign-in holds for
// the whole bank, so a grant over one branch is not enough.
func (s *Service) requireAdmin(ctx context.Context, p *access.Principal) error {
	if err := s.Guard.Can(ctx, p, org.PermTenantWrite); err != nil {
		return err
	}
	var root org.Branch
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("parent_id IS NULL").Take(&root).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Forbidden()
	}
	if err != nil {
		return err
	}
	return s.Guard.Require(ctx, p, root.Path, org.PermTenantWrite, "tenant")
}
