package org_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// An import's report, its row problems included, follows Accept-Language;
// without it the texts are English as before.
func TestImportReportSpeaksTheCallersLanguage(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	file := []byte("code,name,parent_code\nlang-1,One,north\nlang-1,Again,north\nlang-2,Two,nowhere\n")
	for _, tc := range []struct {
		lang, detail, repeats, noParent string
	}{
		{"", "some rows have errors; nothing was changed", "repeats row 2", "no branch with this code (in the bank or the file)"},
		{"zh-CN", "部分行有错误，未做任何更改", "与第 2 行重复", "本行和文件中都没有此代码的机构"},
	} {
		admin.Header("Accept-Language", tc.lang)
		st, body := upload(t, admin, "/api/v1/branches/import", "tree.csv", file)
		if st != 422 {
			t.Fatalf("%q: %d %s", tc.lang, st, body)
		}
		got := testkit.JSON[struct {
			Detail string
			report
		}](t, body)
		msgs := map[int]string{}
		for _, r := range got.Rows {
			for _, e := range r.Errors {
				msgs[r.Row] = e.Message
			}
		}
		if got.Detail != tc.detail || msgs[3] != tc.repeats || msgs[4] != tc.noParent {
			t.Errorf("%q: detail %q, rows %v", tc.lang, got.Detail, msgs)
		}
	}
}

// A field message with a value (the password's minimum length) reaches an
// import row filled in, in either language.
func TestImportRowFieldMessagesAreFilledIn(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	file := []byte("username,display_name,employee_code,email,branch_code,role,password\nshort.pw,Short,SP-1,,north,employee,abc\n")
	for lang, want := range map[string]string{"en": "at least 8 characters", "zh-CN": "至少 8 个字符"} {
		admin.Header("Accept-Language", lang)
		st, body := upload(t, admin, "/api/v1/users/import?dry_run=true", "users.csv", file)
		rep := testkit.JSON[report](t, body)
		if len(rep.Rows) != 1 || len(rep.Rows[0].Errors) != 1 || rep.Rows[0].Errors[0].Message != want {
			t.Errorf("%s: %d %s, want %q", lang, st, body, want)
		}
	}
}
