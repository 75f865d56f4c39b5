package store

import (
	"errors"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/migrations"
)

// ErrNoTenant is returned for a tenant-owned query that carries no tenant, or
// carries the zero tenant. The scope fails closed: it never means "all tenants".
var ErrNoTenant = errors.New("store: tenant-owned query without a tenant scope")

const tenantMark = "servicestar:tenant"

// Tenant scopes a query to one tenant: db.Scopes(store.Tenant(id)).
func Tenant(id int64) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB {
		if id <= 0 {
			_ = db.AddError(ErrNoTenant)
			return db
		}
		db.Statement.Settings.Store(tenantMark, id)
		return db.Where(clause.Eq{Column: clause.Column{Table: clause.CurrentTable, Name: "tenant_id"}, Value: id})
	}
}

// registerTenantGuard makes every query, update and delete on a table with a
// tenant_id column fail unless it went through Tenant. A forgotten scope is an
// error at the first test that touches it, not a silent cross-tenant read.
func registerTenantGuard(db *gorm.DB) {
	tenantTables := map[string]bool{}
	for _, t := range migrations.TenantTables() {
		tenantTables[t] = true
	}
	check := func(tx *gorm.DB) {
		s := tx.Statement
		owned := s.Schema != nil && s.Schema.LookUpField("tenant_id") != nil
		if !owned && s.Table != "" {
			// db.Table("users") has no parsed model; know the table by name.
			name, _, _ := strings.Cut(strings.TrimSpace(s.Table), " ")
			owned = tenantTables[strings.Trim(name, `"`)]
		}
		if !owned {
			return
		}
		if v, ok := s.Settings.Load(tenantMark); ok && v.(int64) > 0 {
			return
		}
		_ = tx.AddError(ErrNoTenant)
	}
	_ = db.Callback().Query().Before("gorm:query").Register("servicestar:tenant_guard", check)
	_ = db.Callback().Update().Before("gorm:update").Register("servicestar:tenant_guard", check)
	_ = db.Callback().Delete().Before("gorm:delete").Register("servicestar:tenant_guard", check)
	_ = db.Callback().Row().Before("gorm:row").Register("servicestar:tenant_guard", check)
	_ = db.Callback().Create().Before("gorm:create").Register("servicestar:tenant_guard", func(tx *gorm.DB) {
		s := tx.Statement
		if s.Schema == nil {
			return
		}
		f := s.Schema.LookUpField("tenant_id")
		if f == nil || s.ReflectValue.Kind() != reflectStruct {
			return
		}
		if v, zero := f.ValueOf(s.Context, s.ReflectValue); zero || v.(int64) <= 0 {
			_ = tx.AddError(ErrNoTenant)
		}
	})
}
