package authz_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// seedGrants writes the g rules of tenants × users straight into casbin_rule:
// 500 branches per tenant (/1/<b>/), one employee grant per user, and one
// manager per branch.
func seedGrants(tb testing.TB, db *store.DB, tenants, users, branches int) {
	tb.Helper()
	var sb strings.Builder
	var args []any
	n := 0
	flush := func(tx *gorm.DB) {
		if n == 0 {
			return
		}
		if err := tx.Exec("INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES "+strings.TrimSuffix(sb.String(), ","), args...).Error; err != nil {
			tb.Fatal(err)
		}
		sb.Reset()
		args, n = args[:0], 0
	}
	add := func(tx *gorm.DB, sub, role, dom string) {
		sb.WriteString("('g',?,?,?),")
		args = append(args, sub, role, dom)
		if n++; n == 300 {
			flush(tx)
		}
	}
	err := db.W.Transaction(func(tx *gorm.DB) error {
		for t := 1; t <= tenants; t++ {
			for u := 1; u <= users; u++ {
				sub := authz.Subject(int64(t*1_000_000 + u))
				dom := authz.Domain(int64(t), fmt.Sprintf("/1/%d/", u%branches+2))
				add(tx, sub, authz.Employee, dom)
				if u <= branches {
					add(tx, sub, authz.Manager, dom)
				}
			}
		}
		flush(tx)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func BenchmarkLoadTenant500Branches10kUsers(b *testing.B) {
	db := testkit.DB(b)
	seedGrants(b, db, 1, 10_000, 500)
	a, _ := authz.New(db.R)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Invalidate(1)
		if _, err := a.Allowed(context.Background(), authz.Actor{TenantID: 1, UserID: 1_000_001, PolicyVersion: int64(i + 1)}, "/1/3/", "users", "read"); err != nil {
			b.Fatal(err)
		}
	}
}

func benchCheck(b *testing.B, tenants int, cached bool) {
	db := testkit.DB(b)
	seedGrants(b, db, tenants, 50, 10)
	a, _ := authz.New(db.R)
	ctx := context.Background()
	actor := authz.Actor{TenantID: 1, UserID: 1_000_001, PolicyVersion: 1}
	if _, err := a.Allowed(ctx, actor, "/1/3/7/", "users", "read"); err != nil { // load
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		obj := "users"
		if !cached {
			obj = fmt.Sprintf("obj%d", i) // a new decision each time: no cache hit
		}
		if _, err := a.Allowed(ctx, actor, "/1/3/7/", obj, "read"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckUncached10Tenants(b *testing.B)    { benchCheck(b, 10, false) }
func BenchmarkCheckUncached10000Tenants(b *testing.B) { benchCheck(b, 10_000, false) }
func BenchmarkCheckCached(b *testing.B)               { benchCheck(b, 10, true) }

func TestSubtreeCoverage(t *testing.T) {
	for _, c := range []struct {
		scope, path string
		want        bool
	}{
		{"/1/5/", "/1/5/", true}, {"/1/5/", "/1/5/9/", true}, {"/1/5/", "/1/50/", false}, {"/1/5/", "/1/", false}, {"/1/", "/1/50/9/", true},
	} {
		if got := authz.Covers(c.scope, c.path); got != c.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", c.scope, c.path, got, c.want)
		}
		lo, hi := authz.PathRange(c.scope)
		if in := c.path >= lo && c.path < hi; in != c.want {
			t.Errorf("PathRange(%q) contains %q = %v, want %v", c.scope, c.path, in, c.want)
		}
	}
}
