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
		{"zh-CN", "部分行有错误，未做任何更改", "与第 2 行重复", "本行和文件中都没有此代码的网点"},
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
