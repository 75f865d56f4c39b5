package authz_test

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/testkit"
)

// TenantGrants reads a bank's grants, and only that bank's: tenant 1's
// domain prefix "t1/" must not take in tenant 10's "t10/…" grants.
func TestTenantGrantsStayInTheirBank(t *testing.T) {
	db := testkit.DB(t)
	one := testkit.InsertTenant(t, db, "one")
	var ten int64 // the tenth bank: with the first at 1, its domains start "t10/"
	for i := 2; i <= 10; i++ {
		ten = testkit.InsertTenant(t, db, fmt.Sprintf("bank%d", i))
	}
	rules := [][3]string{
		{"u7", "employee", authz.Domain(one, "/1/5/")},
		{"u7", "manager", authz.Domain(one, "/1/")},
		{"u8", "hr", authz.Domain(one, "/1/")},
		{"u9", "employee", authz.Domain(ten, "/30/")},
		{"role-x", "employee", authz.Domain(one, "/1/")}, // not a user subject
	}
	for _, r := range rules {
		if err := db.W.Exec("INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES ('g', ?, ?, ?)", r[0], r[1], r[2]).Error; err != nil {
			t.Fatal(err)
		}
	}
	got, err := authz.TenantGrants(db.R, one)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64][]authz.Grant{
		7: {{Role: "employee", Path: "/1/5/"}, {Role: "manager", Path: "/1/"}},
		8: {{Role: "hr", Path: "/1/"}},
	}
	for _, gs := range got {
		sort.Slice(gs, func(i, j int) bool { return gs[i].Role < gs[j].Role })
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TenantGrants(%d) = %v, want %v", one, got, want)
	}
}
