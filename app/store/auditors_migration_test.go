package store_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/migrations"
)

// A database made before "an auditor holds no other role" has auditors who
// also hold the employee role; the data migration takes that role away (and
// only from auditors) and moves the tenants' policy versions so running
// instances reload.
func TestMigrationTakesEmployeeRoleFromAuditors(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(testkit.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sqlDB, err := db.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if err := migrations.UpTo(ctx, sqlDB, db.Dialect, 12); err != nil {
		t.Fatal(err)
	}
	tenant := testkit.InsertTenant(t, db, "old")
	var before int64
	if err := db.W.Raw(`SELECT policy_version FROM tenants WHERE id = ?`, tenant).Scan(&before).Error; err != nil {
		t.Fatal(err)
	}
	dom := "t" + strconv.FormatInt(tenant, 10) + "/1/"
	rules := [][3]string{
		{"u1", "auditor", dom}, {"u1", "employee", dom}, // the old demo auditor
		{"u2", "employee", dom}, {"u2", "manager", dom}, // a manager keeps both
		{"u3", "employee", dom},
	}
	for _, r := range rules {
		if err := db.W.Exec(`INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES ('g', ?, ?, ?)`, r[0], r[1], r[2]).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var left []string
	if err := db.W.Raw(`SELECT v0 || ':' || v1 FROM casbin_rule WHERE ptype = 'g' ORDER BY v0, v1`).Scan(&left).Error; err != nil {
		t.Fatal(err)
	}
	want := []string{"u1:auditor", "u2:employee", "u2:manager", "u3:employee"}
	if len(left) != len(want) {
		t.Fatalf("grants after the migration: %v, want %v", left, want)
	}
	for i := range want {
		if left[i] != want[i] {
			t.Fatalf("grants after the migration: %v, want %v", left, want)
		}
	}
	var after int64
	if err := db.W.Raw(`SELECT policy_version FROM tenants WHERE id = ?`, tenant).Scan(&after).Error; err != nil {
		t.Fatal(err)
	}
	if after != before+1 {
		t.Fatalf("policy version %d → %d, want it moved by one", before, after)
	}
}
