package org_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/testkit"
)

// A branch's details say who works there — the people at the branch and in
// its subtree, counted as the users list counts them — and not the internal
// path; a branch outside the reader's subtree is not found.
func TestBranchDetailsCountThePeople(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	var north, south int64
	env.App.DB.R.Raw(`SELECT b.id FROM branches b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = 'demo' AND b.code = 'north'`).Scan(&north)
	env.App.DB.R.Raw(`SELECT b.id FROM branches b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = 'demo' AND b.code = 'south'`).Scan(&south)
	if north == 0 || south == 0 {
		t.Fatal("demo branches north/south missing")
	}
	var own, subtree int64
	env.App.DB.R.Raw(`SELECT COUNT(*) FROM users WHERE branch_id = ? AND status = 'active'`, north).Scan(&own)
	env.App.DB.R.Raw(`SELECT COUNT(*) FROM users u JOIN branches b ON b.id = u.branch_id JOIN branches n ON n.id = ?
		WHERE u.status = 'active' AND b.tenant_id = n.tenant_id AND b.path LIKE n.path || '%'`, north).Scan(&subtree)
	if subtree <= own {
		t.Fatalf("the demo's North has no people below it (own %d, subtree %d)", own, subtree)
	}
	body := testkit.MustGet(t, admin, fmt.Sprintf("/api/v1/branches/%d", north))
	d := testkit.JSON[org.BranchDetail](t, body)
	if d.Headcount != own || d.SubtreeHeadcount != subtree || d.Children == 0 {
		t.Errorf("North: headcount %d / %d, children %d; want %d / %d and some children", d.Headcount, d.SubtreeHeadcount, d.Children, own, subtree)
	}
	if strings.Contains(body, `"path"`) {
		t.Errorf("the details carry the internal path: %s", body)
	}
	mgr := env.Login("demo", "mgr.north")
	if st, body := mgr.Do("GET", fmt.Sprintf("/api/v1/branches/%d", south), nil); st != 404 {
		t.Errorf("North's manager reading South: %d %s, want 404", st, body)
	}
}
