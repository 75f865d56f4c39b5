package org_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/servicestar/servicestar/app/testkit"
)

func upload(t *testing.T, c *testkit.Client, path, filename string, data []byte) (int, string) {
	t.Helper()
	return c.Upload(path, filename, data)
}

type report struct {
	OK                                  bool
	Created, Updated, Unchanged, Errors int
	Rows                                []struct {
		Row    int
		Status string
		Errors []struct{ Field, Message string }
	}
}

func userCount(t *testing.T, c *testkit.Client) int {
	st, body := c.Do("GET", "/api/v1/users?page_size=1", nil)
	if st != 200 {
		t.Fatalf("list users: %d %s", st, body)
	}
	return testkit.JSON[struct{ Total int }](t, body).Total
}

func TestImportUsersAllOrNothingAndIdempotent(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	before := userCount(t, admin)

	var csv strings.Builder
	csv.WriteString("\xef\xbb\xbfusername,display_name,employee_code,email,branch_code,role,password\n")
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&csv, "imp.%d,导入员工%d,IMP%04d,imp%d@bank.example,north-haidian,employee,Welcome-2026\n", i, i, i, i)
	}
	good := csv.String()
	bad := good + "imp.bad,坏行,IMP0001,not-an-email,nowhere,boss,short\n"

	st, body := upload(t, admin, "/api/v1/users/import", "staff.csv", []byte(bad))
	if st != 422 {
		t.Fatalf("bad file: %d %s", st, body)
	}
	rep := testkit.JSON[report](t, body)
	if rep.OK || rep.Errors != 1 || len(rep.Rows) != 301 {
		t.Fatalf("bad file report: ok=%v errors=%d rows=%d", rep.OK, rep.Errors, len(rep.Rows))
	}
	last := rep.Rows[300]
	fields := map[string]bool{}
	for _, e := range last.Errors {
		fields[e.Field] = true
	}
	for _, f := range []string{"email", "branch_code", "role", "password", "employee_code"} {
		if !fields[f] {
			t.Errorf("row %d: no error named %q (got %+v)", last.Row, f, last.Errors)
		}
	}
	if n := userCount(t, admin); n != before {
		t.Fatalf("a failed import changed the user count: %d → %d", before, n)
	}

	st, body = upload(t, admin, "/api/v1/users/import?dry_run=true", "staff.csv", []byte(good))
	if st != 200 || testkit.JSON[report](t, body).Created != 300 || userCount(t, admin) != before {
		t.Fatalf("dry run: %d %s", st, body[:min(len(body), 200)])
	}
	st, body = upload(t, admin, "/api/v1/users/import", "staff.csv", []byte(good))
	if st != 200 || testkit.JSON[report](t, body).Created != 300 {
		t.Fatalf("import: %d %s", st, body[:min(len(body), 200)])
	}
	if n := userCount(t, admin); n != before+300 {
		t.Fatalf("after import: %d users, want %d", n, before+300)
	}
	st, body = upload(t, admin, "/api/v1/users/import", "staff.csv", []byte(good))
	if r := testkit.JSON[report](t, body); st != 200 || r.Unchanged != 300 || r.Created+r.Updated != 0 {
		t.Fatalf("re-send: %d created=%d updated=%d unchanged=%d", st, r.Created, r.Updated, r.Unchanged)
	}
	// A new user from the import must change the administrator-set password.
	u := env.Anonymous()
	if st, b := u.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": "demo", "username": "imp.7", "password": "Welcome-2026"}); st != 200 || !strings.Contains(b, `"must_change_password":true`) {
		t.Fatalf("imported user login: %d %s", st, b)
	}
}

func TestImportBranchesFromXLSX(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	f := excelize.NewFile()
	rows := [][]any{{"code", "name", "parent_code"}, {"west-a", "西部分行甲支行", "west"}, {"west", "西部分行", "HQ"}, {"north", "北方分行", "HQ"}}
	for i, r := range rows {
		_ = f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	st, body := upload(t, admin, "/api/v1/branches/import", "tree.xlsx", buf.Bytes())
	r := testkit.JSON[report](t, body)
	if st != 200 || r.Created != 2 || r.Unchanged != 1 {
		t.Fatalf("xlsx import: %d %s", st, body)
	}
	st, body = admin.Do("GET", "/api/v1/branches", nil)
	if st != 200 || !strings.Contains(body, "西部分行甲支行") {
		t.Fatalf("branches after import: %d", st)
	}
	emp := env.Login("demo", "emp.north.1")
	if st, _ := upload(t, emp, "/api/v1/branches/import", "tree.xlsx", buf.Bytes()); st != 403 {
		t.Fatalf("employee import: %d, want 403", st)
	}
	if st, body := upload(t, admin, "/api/v1/branches/import", "x.csv", []byte("name\nfoo\n")); st != 422 || !strings.Contains(body, "body.file") {
		t.Fatalf("missing columns: %d %s", st, body)
	}
}

func TestTenantSettings(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	if st, body := admin.Do("PATCH", "/api/v1/tenant", map[string]string{"time_zone": "Mars/Olympus"}); st != 422 || !strings.Contains(body, "body.time_zone") {
		t.Fatalf("bad zone: %d %s", st, body)
	}
	if st, body := admin.Do("PATCH", "/api/v1/tenant", map[string]string{"name": "星海银行", "default_locale": "en"}); st != 200 || !strings.Contains(body, `"default_locale":"en"`) {
		t.Fatalf("update: %d %s", st, body)
	}
	st, body := admin.Do("GET", "/api/v1/audit?action=tenant.update", nil)
	if st != 200 || !strings.Contains(body, `"total":1`) {
		t.Fatalf("audit of settings change: %d %s", st, body)
	}
	if st, _ := env.Login("demo", "hr").Do("PATCH", "/api/v1/tenant", map[string]string{"name": "x"}); st != 403 {
		t.Fatalf("hr changes settings: %d, want 403", st)
	}
}

// Excel on a Chinese Windows saves CSV in GBK: the names arrive intact.
func TestImportBranchesFromGBKCSV(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	text := "code,name,parent_code\ngbk-branch,华东分行营业部,HQ\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(gbk) {
		t.Fatal("the test file must not be valid UTF-8")
	}
	if st, body := upload(t, admin, "/api/v1/branches/import", "branches.csv", gbk); st != 200 {
		t.Fatalf("GBK import: %d %s", st, body)
	}
	st, body := admin.Do("GET", "/api/v1/branches", nil)
	if st != 200 || !strings.Contains(body, `"name":"华东分行营业部"`) {
		t.Fatalf("the imported branch's name is not intact: %d %s", st, body)
	}
	// Bytes that are neither UTF-8 nor GB18030 are refused, nothing imported.
	st, body = upload(t, admin, "/api/v1/branches/import", "branches.csv", []byte("code,name,parent_code\nbad,\xff\xfe\xfd,HQ\n"))
	if st != 422 || !strings.Contains(body, "UTF-8") {
		t.Fatalf("undecodable file: %d %s", st, body)
	}
}
