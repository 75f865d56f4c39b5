package org_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// rolesOf returns the role names of the one user a search finds.
func rolesOf(t *testing.T, c *testkit.Client, username string) []string {
	t.Helper()
	st, body := c.Do("GET", "/api/v1/users?q="+username, nil)
	if st != 200 {
		t.Fatalf("list users: %d %s", st, body)
	}
	page := testkit.JSON[struct {
		Items []struct {
			ID       int64
			Username string
			Roles    []struct{ Role string }
		}
	}](t, body)
	if len(page.Items) != 1 || page.Items[0].Username != username {
		t.Fatalf("want %s alone, got %s", username, body)
	}
	var out []string
	for _, r := range page.Items[0].Roles {
		out = append(out, r.Role)
	}
	return out
}

func TestAuditorHoldsNoOtherRole(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	if got := rolesOf(t, admin, "auditor"); fmt.Sprint(got) != "[auditor]" {
		t.Fatalf("demo auditor holds %v, want [auditor] alone", got)
	}
	newUser := func(username string, roles any) (int, string) {
		return admin.Do("POST", "/api/v1/users", map[string]any{"username": username, "display_name": "审计 " + username,
			"employee_code": "AU-" + username, "branch_id": 1, "password": "initial-pass-1", "roles": roles})
	}
	st, body := newUser("aud.mixed", []map[string]any{{"role": "auditor"}, {"role": "hr"}})
	if st != 422 || !strings.Contains(body, "body.roles[1].role") {
		t.Fatalf("create auditor+hr: %d %s, want 422 naming body.roles[1].role", st, body)
	}
	st, body = newUser("aud.emp", []map[string]any{{"role": "employee"}, {"role": "auditor"}})
	if st != 422 || !strings.Contains(body, "body.roles[0].role") {
		t.Fatalf("create employee+auditor: %d %s, want 422 naming body.roles[0].role", st, body)
	}
	if st, body = newUser("aud.only", []map[string]any{{"role": "auditor"}}); st != 200 {
		t.Fatalf("create auditor: %d %s", st, body)
	}
	id := testkit.JSON[struct{ ID int64 }](t, body).ID
	if got := rolesOf(t, admin, "aud.only"); fmt.Sprint(got) != "[auditor]" {
		t.Fatalf("new auditor holds %v, want [auditor] alone", got)
	}
	st, body = admin.Do("PUT", fmt.Sprintf("/api/v1/users/%d/roles", id), map[string]any{"roles": []map[string]any{{"role": "auditor"}, {"role": "tenant_admin"}}})
	if st != 422 || !strings.Contains(body, "body.roles[1].role") {
		t.Fatalf("set auditor+tenant_admin: %d %s, want 422 naming body.roles[1].role", st, body)
	}
	// Setting the roles of an employee to auditor drops the employee grant.
	if st, body = admin.Do("GET", "/api/v1/users?q=emp.south.1", nil); st != 200 {
		t.Fatalf("find emp.south.1: %d %s", st, body)
	}
	emp := testkit.JSON[struct{ Items []struct{ ID int64 } }](t, body).Items[0].ID
	if st, body = admin.Do("PUT", fmt.Sprintf("/api/v1/users/%d/roles", emp), map[string]any{"roles": []map[string]any{{"role": "auditor"}}}); st != 200 {
		t.Fatalf("set auditor: %d %s", st, body)
	}
	if got := rolesOf(t, admin, "emp.south.1"); fmt.Sprint(got) != "[auditor]" {
		t.Fatalf("after set roles: %v, want [auditor] alone", got)
	}
	// An imported auditor row grants the auditor role alone too.
	csv := "username,display_name,employee_code,email,branch_code,role,password\naud.imp,导入审计,AUIMP1,aud@bank.example,north,auditor,Welcome-2026\n"
	if st, body := upload(t, admin, "/api/v1/users/import", "staff.csv", []byte(csv)); st != 200 {
		t.Fatalf("import auditor: %d %s", st, body)
	}
	if got := rolesOf(t, admin, "aud.imp"); fmt.Sprint(got) != "[auditor]" {
		t.Fatalf("imported auditor holds %v, want [auditor] alone", got)
	}
}
