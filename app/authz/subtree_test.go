package authz_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// The GORM clause and the SQL text of a subtree filter select the same rows,
// and no scopes select nothing (never everything).
func TestSubtreeFiltersAgreeAndFailClosed(t *testing.T) {
	db := testkit.DB(t)
	ctx := context.Background()
	tenant := testkit.InsertTenant(t, db, "t")
	for i, path := range []string{"/1/", "/1/5/", "/1/5/9/", "/1/50/", "/2/"} {
		if err := db.W.Exec("INSERT INTO branches (tenant_id, code, name, path, depth, created_at, updated_at) VALUES (?, ?, ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", tenant, fmt.Sprintf("b%d", i), path, path).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		scopes []string
		want   []string
	}{
		{nil, nil},
		{[]string{"/1/5/"}, []string{"/1/5/", "/1/5/9/"}},
		{[]string{"/1/5/", "/1/50/"}, []string{"/1/5/", "/1/5/9/", "/1/50/"}},
		{[]string{"/1/"}, []string{"/1/", "/1/5/", "/1/5/9/", "/1/50/"}},
	} {
		var viaGorm []string
		q := db.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(tenant))
		if err := authz.InSubtrees(q, "path", c.scopes).Order("path").Pluck("path", &viaGorm).Error; err != nil {
			t.Fatal(err)
		}
		rows, err := db.TenantRows(ctx, tenant, "SELECT path FROM branches WHERE tenant_id = ? AND "+
			authz.SubtreeCondition("path", len(c.scopes))+" ORDER BY path", authz.SubtreeArgs(c.scopes)...)
		if err != nil {
			t.Fatal(err)
		}
		var viaSQL []string
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				t.Fatal(err)
			}
			viaSQL = append(viaSQL, p)
		}
		rows.Close()
		if !slices.Equal(viaGorm, c.want) || !slices.Equal(viaSQL, c.want) {
			t.Errorf("scopes %v: GORM %v, SQL %v, want %v", c.scopes, viaGorm, viaSQL, c.want)
		}
	}
}
