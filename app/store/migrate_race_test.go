package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/migrations"
)

// Two instances started together on one database both migrate it: one
// applies the steps, the other waits for the lock and finds nothing left to
// do. Without the lock both read the same pending steps and the second failed
// with "relation already exists". On a database with no version table yet
// goose's own retry hid the race most of the time; once the table is there
// (any earlier release, a rolling upgrade) it showed every time.
func TestTwoInstancesMigrateOneDatabaseAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name         string
		versionTable bool
	}{{"empty database", false}, {"version table already there", true}} {
		t.Run(tc.name, func(t *testing.T) { migrateTwiceAtOnce(t, tc.versionTable) })
	}
}

func migrateTwiceAtOnce(t *testing.T, versionTable bool) {
	ctx := context.Background()
	url := testkit.URL(t)
	dbs := make([]*store.DB, 2)
	for i := range dbs {
		db, err := store.Open(url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		dbs[i] = db
	}
	if versionTable {
		s, err := dbs[0].SQL()
		if err != nil {
			t.Fatal(err)
		}
		// Reading the version creates goose's table, at version 0.
		if v, err := migrations.Version(ctx, s, dbs[0].Dialect); err != nil || v != 0 {
			t.Fatalf("version before migrating: %d, %v", v, err)
		}
	}
	start := make(chan struct{})
	errs := make([]error, len(dbs))
	var wg sync.WaitGroup
	for i, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = db.Migrate(ctx)
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("instance %d: %v", i+1, err)
		}
	}
	db := dbs[0]
	var applied []struct {
		VersionID int64
		N         int
	}
	if err := db.W.Raw("SELECT version_id, count(*) AS n FROM goose_db_version WHERE version_id > 0 GROUP BY version_id ORDER BY version_id").
		Scan(&applied).Error; err != nil {
		t.Fatal(err)
	}
	if len(applied) != len(migrations.Versions()) {
		t.Errorf("%d versions recorded, want %d: %+v", len(applied), len(migrations.Versions()), applied)
	}
	for i, a := range applied {
		if a.N != 1 {
			t.Errorf("version %d recorded %d times, want once", a.VersionID, a.N)
		}
		if i < len(migrations.Versions()) && a.VersionID != migrations.Versions()[i] {
			t.Errorf("recorded version %d at position %d, want %d", a.VersionID, i, migrations.Versions()[i])
		}
	}
	for _, table := range migrations.TablesOf(db.Dialect) {
		if !db.W.Migrator().HasTable(table) {
			t.Errorf("table %s missing", table)
		}
	}
}
