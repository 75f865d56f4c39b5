package sso

import (
	"context"
	"strconv"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/auth/secretbox"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// The two secrets a bank's row holds are sealed (app/auth/secretbox) for
// their bank and column: a database copy alone does not give them away, and
// a value copied into another bank's row does not open.
const (
	placeClientSecret    = "sso_configs.oidc_client_secret"
	placeServicePassword = "sso_configs.ldap_service_password"
)

// load is the bank's configuration with its secrets opened. A secret that
// does not open (another key, a row copied from another bank) reads as not
// set: it is never used, and the admin's page says to enter it again.
func (s *Service) load(ctx context.Context, db *gorm.DB, tenantID int64) (Config, error) {
	c, err := load(ctx, db, tenantID)
	if err != nil {
		return c, err
	}
	tid := strconv.FormatInt(tenantID, 10)
	c.OIDCClientSecret = s.open(c.OIDCClientSecret, placeClientSecret, tid)
	c.LDAPServicePassword = s.open(c.LDAPServicePassword, placeServicePassword, tid)
	return c, nil
}

func (s *Service) open(stored, place, tid string) string {
	if stored == "" {
		return ""
	}
	plain, err := s.Box.Open(stored, place, tid)
	if err != nil {
		s.log().Warn("sso secret does not open; treated as not set", "tenant", tid, "column", place)
		return ""
	}
	return plain
}

// sealed is c as stored: its secrets sealed (an empty one stays empty: none).
func (s *Service) sealed(c Config) (Config, error) {
	tid := strconv.FormatInt(c.TenantID, 10)
	var err error
	if c.OIDCClientSecret != "" {
		if c.OIDCClientSecret, err = s.Box.Seal(c.OIDCClientSecret, placeClientSecret, tid); err != nil {
			return c, err
		}
	}
	if c.LDAPServicePassword != "" {
		c.LDAPServicePassword, err = s.Box.Seal(c.LDAPServicePassword, placeServicePassword, tid)
	}
	return c, err
}

// SealStored seals the secrets an older version stored in plaintext; run at
// start, before any sign-in reads them. Sealed rows are left as they are.
func (s *Service) SealStored(ctx context.Context) error {
	return s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var banks []int64
		if err := tx.Model(&org.Tenant{}).Pluck("id", &banks).Error; err != nil {
			return err
		}
		var rows []Config
		for _, id := range banks {
			var r []Config
			if err := tx.Scopes(store.Tenant(id)).Where("(oidc_client_secret <> '' AND oidc_client_secret NOT LIKE 'v1:%') OR (ldap_service_password <> '' AND ldap_service_password NOT LIKE 'v1:%')").Find(&r).Error; err != nil {
				return err
			}
			rows = append(rows, r...)
		}
		for _, r := range rows {
			tid := strconv.FormatInt(r.TenantID, 10)
			updates := map[string]any{}
			for col, v := range map[string]string{"oidc_client_secret": r.OIDCClientSecret, "ldap_service_password": r.LDAPServicePassword} {
				if v == "" || secretbox.Sealed(v) {
					continue
				}
				sealed, err := s.Box.Seal(v, "sso_configs."+col, tid)
				if err != nil {
					return err
				}
				updates[col] = sealed
			}
			if err := tx.Model(&Config{}).Scopes(store.Tenant(r.TenantID)).Where("tenant_id = ?", r.TenantID).Updates(updates).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
