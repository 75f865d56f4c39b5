package org_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// The template speaks the user's language and has no password column; a
// file with its Chinese headers creates users with one-time initial
// passwords, shown once in the report, that must be changed at first sign-in.
func TestImportTemplateAndInitialPasswords(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	st, zh := admin.Do("GET", "/api/v1/users/import/template", nil)
	if st != 200 || !strings.HasPrefix(zh, "\ufeff用户名,姓名,员工编号,电子邮件,所属机构代码,角色") || strings.Contains(zh, "密码") {
		t.Fatalf("Chinese template: %d %q", st, zh)
	}
	if st, en := admin.Do("GET", "/api/v1/users/import/template?lang=en", nil); st != 200 || !strings.Contains(en, "Username,Name,Employee code") || strings.Contains(strings.ToLower(en), "password") {
		t.Fatalf("English template: %d %q", st, en)
	}
	if st, b := admin.Do("GET", "/api/v1/branches/import/template", nil); st != 200 || !strings.Contains(b, "机构代码,机构名称,上级机构代码") {
		t.Fatalf("branch template: %d %q", st, b)
	}
	file := "\ufeff用户名,姓名,员工编号,电子邮件,所属机构代码,角色\nnew.one,新员工一,NEW-001,,HQ,\nnew.two,新员工二,NEW-002,,HQ,manager\n"
	st, dry := admin.Upload("/api/v1/users/import?dry_run=true", "users.csv", []byte(file))
	if st != 200 || !strings.Contains(dry, `"created":2`) || strings.Contains(dry, "initial_password") {
		t.Fatalf("dry run: %d %s, want 2 created and no passwords", st, dry)
	}
	st, body := admin.Upload("/api/v1/users/import", "users.csv", []byte(file))
	rep := testkit.JSON[struct {
		Rows []struct {
			Key             string `json:"key"`
			InitialPassword string `json:"initial_password"`
		} `json:"rows"`
	}](t, body)
	if st != 200 || len(rep.Rows) != 2 || len(rep.Rows[0].InitialPassword) < 12 || rep.Rows[0].InitialPassword == rep.Rows[1].InitialPassword {
		t.Fatalf("import: %d %s, want two distinct initial passwords", st, body)
	}
	u := env.Anonymous()
	st, me := u.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": "demo", "username": "new.one", "password": rep.Rows[0].InitialPassword})
	if st != 200 || !strings.Contains(me, `"must_change_password":true`) {
		t.Fatalf("first sign-in with the initial password: %d %s", st, me)
	}
	// Re-sending the file changes nothing and shows no password again.
	if st, again := admin.Upload("/api/v1/users/import", "users.csv", []byte(file)); st != 200 || !strings.Contains(again, `"unchanged":2`) || strings.Contains(again, "initial_password") {
		t.Fatalf("re-sent: %d %s", st, again)
	}
}
