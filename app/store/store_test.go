package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/migrations"
)

func TestMigrateFromZeroIsIdempotent(t *testing.T) {
	db := testkit.DB(t) // migrates once
	ctx := context.Background()
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	s, _ := db.SQL()
	v, err := migrations.Version(ctx, s, db.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	if v != migrations.Latest() {
		t.Fatalf("version %d, want %d", v, migrations.Latest())
	}
	for _, table := range []string{"tenants", "branches", "users", "sessions", "casbin_rule", "audit_log", "platform_operators"} {
		if !db.W.Migrator().HasTable(table) {
			t.Errorf("table %s missing after migrate", table)
		}
	}
}

func TestSQLitePragmasReallyApply(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite only")
	}
	db := testkit.DB(t)
	check := func(label, pragma, want string) {
		for _, h := range []struct {
			name string
			q    func() (string, error)
		}{
			{"writer", func() (string, error) {
				var s string
				err := db.W.Raw("PRAGMA " + pragma).Scan(&s).Error
				return s, err
			}},
			{"reader", func() (string, error) {
				var s string
				err := db.R.Raw("PRAGMA " + pragma).Scan(&s).Error
				return s, err
			}},
		} {
			got, err := h.q()
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s %s: PRAGMA %s = %q, want %q", h.name, label, pragma, got, want)
			}
		}
	}
	check("WAL", "journal_mode", "wal")
	check("foreign keys", "foreign_keys", "1")
	check("busy timeout", "busy_timeout", "10000")
	// Readers map the file (readerPragmas); the writer does not need to.
	var mmap int64
	if err := db.R.Raw("PRAGMA mmap_size").Scan(&mmap).Error; err != nil {
		t.Fatal(err)
	}
	if mmap != 268435456 {
		t.Errorf("reader mmap_size = %d, want 268435456", mmap)
	}
	// And foreign keys are enforced, not just reported on.
	err := db.W.Exec("INSERT INTO branches (tenant_id, code, name, path, depth, created_at, updated_at) VALUES (999, 'x', 'x', '/x/', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").Error
	if err == nil {
		t.Fatal("insert with a missing tenant succeeded: foreign keys are off")
	}
}

func TestTenantScopeFailsClosed(t *testing.T) {
	db := testkit.DB(t)
	var bs []org.Branch
	if err := db.R.Find(&bs).Error; !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("unscoped query: err = %v, want ErrNoTenant", err)
	}
	if err := db.R.Scopes(store.Tenant(0)).Find(&bs).Error; !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("zero tenant: err = %v, want ErrNoTenant", err)
	}
	if err := db.R.Scopes(store.Tenant(7)).Find(&bs).Error; err != nil {
		t.Fatalf("scoped query: %v", err)
	}
	if err := db.W.Model(&org.User{}).Where("id = 1").Update("status", "disabled").Error; !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("unscoped update: err = %v, want ErrNoTenant", err)
	}
	if err := db.W.Where("id = 1").Delete(&org.User{}).Error; !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("unscoped delete: err = %v, want ErrNoTenant", err)
	}
	if err := db.W.Create(&org.Branch{Code: "x", Name: "x", Path: "/x/"}).Error; !errors.Is(err, store.ErrNoTenant) {
		t.Fatalf("create without tenant: err = %v, want ErrNoTenant", err)
	}
}
