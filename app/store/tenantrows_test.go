package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

func TestTenantRowsKeepsTheTenantScope(t *testing.T) {
	db := testkit.DB(t)
	ctx := context.Background()
	var ids [2]int64
	for i, slug := range []string{"bank-a", "bank-b"} {
		ids[i] = testkit.InsertTenant(t, db, slug)
		if err := db.W.Exec("INSERT INTO branches (tenant_id, code, name, path, depth, created_at, updated_at) VALUES (?, 'HQ', ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", ids[i], slug+" HQ", "/"+slug+"/").Error; err != nil {
			t.Fatal(err)
		}
	}
	const query = "SELECT name FROM branches WHERE tenant_id = ? AND depth >= ? ORDER BY path"
	names := func(tenantID int64) []string {
		t.Helper()
		rows, err := db.TenantRows(ctx, tenantID, query, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for i, want := range []string{"bank-a HQ", "bank-b HQ"} {
		for run := range 2 { // the second run uses the prepared statement
			if got := names(ids[i]); len(got) != 1 || got[0] != want {
				t.Fatalf("tenant %d, run %d: %v, want [%s]", ids[i], run+1, got, want)
			}
		}
	}
	if _, err := db.TenantRows(ctx, 0, query, 0); !errors.Is(err, store.ErrNoTenant) {
		t.Errorf("zero tenant: %v, want ErrNoTenant", err)
	}
	for _, unscoped := range []string{
		"SELECT name FROM branches WHERE depth >= ?",
		"SELECT name FROM branches WHERE depth >= ? AND tenant_id = ?",
		"SELECT name FROM branches",
	} {
		if _, err := db.TenantRows(ctx, ids[0], unscoped, 0); !errors.Is(err, store.ErrNoTenant) {
			t.Errorf("%q: %v, want ErrNoTenant", unscoped, err)
		}
	}
}
