package org_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// A users page names each user's branch and the branch of every role, though
// it reads only the branches on the page rather than the whole tree.
func TestUserListNamesBranchesOfUsersAndRoles(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	st, body := admin.Do("GET", "/api/v1/users?q=mgr.north", nil)
	if st != 200 {
		t.Fatalf("list users: %d %s", st, body)
	}
	page := testkit.JSON[struct {
		Items []struct {
			Username   string `json:"username"`
			BranchName string `json:"branch_name"`
			BranchPath string `json:"branch_path"`
			Roles      []struct {
				Role       string `json:"role"`
				BranchID   int64  `json:"branch_id"`
				BranchName string `json:"branch_name"`
			} `json:"roles"`
		} `json:"items"`
	}](t, body)
	if len(page.Items) != 1 || page.Items[0].Username != "mgr.north" {
		t.Fatalf("want mgr.north alone, got %s", body)
	}
	u := page.Items[0]
	if u.BranchName == "" || u.BranchPath == "" {
		t.Errorf("branch not named: %+v", u)
	}
	managerAtOwnBranch := false
	for _, r := range u.Roles {
		if r.BranchID == 0 || r.BranchName == "" {
			t.Errorf("role %s: branch not named: %+v", r.Role, r)
		}
		managerAtOwnBranch = managerAtOwnBranch || (r.Role == "manager" && r.BranchName == u.BranchName)
	}
	if !managerAtOwnBranch {
		t.Errorf("no manager role at the user's own branch: %+v", u.Roles)
	}
}
