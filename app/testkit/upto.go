package testkit

import (
	"context"
	"testing"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// DBAt opens a fresh database migrated up to version and no further, closed
// at cleanup: a test of a data migration builds there the data the step
// finds, then calls Migrate.
func DBAt(t testing.TB, version int64) *store.DB {
	t.Helper()
	db, err := store.Open(URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	sqlDB, err := db.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if err := migrations.UpTo(context.Background(), sqlDB, db.Dialect, version); err != nil {
		t.Fatal(err)
	}
	return db
}
