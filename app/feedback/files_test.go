package feedback_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

type uploaded struct {
	Import feedback.Import `json:"import"`
	JobID  int64           `json:"job_id"`
}

// importFile uploads a file as HR through HTTP (multipart), runs its job
// and returns the import as it ended.
func importFile(t *testing.T, env *testkit.Env, query, name string, data []byte) feedback.Import {
	t.Helper()
	hr := env.Login("demo", "hr")
	st, body := hr.Upload("/api/v1/feedback/imports?"+query, name, data)
	if st != 202 {
		t.Fatalf("upload %s: %d %s", name, st, body)
	}
	up := testkit.JSON[uploaded](t, body)
	if up.JobID == 0 || up.Import.State != feedback.ImportQueued || up.Import.Bytes != int64(len(data)) {
		t.Fatalf("upload answer: %s", body)
	}
	var progress []int64
	// A report writes, as the job engine's does: on SQLite, where the one
	// writer is held by the apply transaction, a report made inside it
	// waited forever. The deadline only turns such a hang into a failure.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err := env.App.Feedback.RunImport(ctx, tenantOf(t, env, "demo"), up.Import.ID, func(ctx context.Context, done, total int64) error {
		progress = append(progress, done)
		if done > total {
			t.Errorf("progress %d of %d", done, total)
		}
		return env.App.DB.W.WithContext(ctx).Exec("UPDATE job_runs SET done = done WHERE tenant_id = ?", tenantOf(t, env, "demo")).Error
	})
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("the import hung on its own progress report: %v", err)
	}
	var imp feedback.Import
	if err2 := env.App.DB.R.Scopes(store.Tenant(tenantOf(t, env, "demo"))).Where("id = ?", up.Import.ID).Take(&imp).Error; err2 != nil {
		t.Fatal(err2)
	}
	if imp.State == feedback.ImportDone && err != nil {
		t.Fatalf("job: %v", err)
	}
	var chunks int64
	if err := env.App.DB.R.Model(&feedback.UploadChunk{}).Scopes(store.Tenant(imp.TenantID)).Where("import_id = ?", imp.ID).Count(&chunks).Error; err != nil || chunks != 0 {
		t.Errorf("%d chunks left after the job (%v)", chunks, err)
	}
	// Run again, as after a crash: nothing changes.
	if err := env.App.Feedback.RunImport(context.Background(), imp.TenantID, imp.ID, nil); err != nil {
		t.Errorf("second run: %v", err)
	}
	return imp
}

func tenantOf(t testing.TB, env *testkit.Env, slug string) int64 {
	tn, err := env.App.Org.TenantBySlug(context.Background(), slug)
	if err != nil || tn == nil {
		t.Fatalf("tenant %s: %v", slug, err)
	}
	return tn.ID
}

func errorsOf(t testing.TB, imp feedback.Import) []feedback.FileError {
	var es []feedback.FileError
	if err := json.Unmarshal(imp.Errors, &es); err != nil {
		t.Fatalf("errors %s: %v", imp.Errors, err)
	}
	return es
}

const chineseCSV = "外部编号,渠道,发生时间,网点代码,员工编号,满意度,量程,已解决,投诉,类别,评价内容\n" +
	"F-1,counter,2026-10-30 14:05,north-chaoyang,XH0008,5,,,否,表扬,刘洋服务很耐心，电话 13812345678\n" +
	"F-2,phone,2026/10/31 10:00,north,,8,10,是,否,咨询,网点排队时间长\n" +
	"F-3,complaint,2026-10-31,east-xuhui,XH0010,,,否,是,服务投诉,柜员态度差\n"

func gbk(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

func TestUTF8AndGBKFilesWithChineseHeadersAndNames(t *testing.T) {
	env := testkit.New(t)
	tid := tenantOf(t, env, "demo")
	for _, c := range []struct {
		name, query string
		data        []byte
	}{
		{"utf8.csv", "source=utf8&encoding=utf-8", []byte(chineseCSV)},
		{"utf8-bom.csv", "source=bom&encoding=auto", append([]byte("\xef\xbb\xbf"), chineseCSV...)},
		{"gbk.csv", "source=gbk&encoding=gbk", gbk(t, chineseCSV)},
		{"gbk-auto.csv", "source=gbkauto&encoding=auto", gbk(t, chineseCSV)},
	} {
		t.Run(c.name, func(t *testing.T) {
			imp := importFile(t, env, c.query, c.name, c.data)
			if imp.State != feedback.ImportDone || imp.Inserted != 3 || imp.RowsTotal != 3 {
				t.Fatalf("import: %+v errors %s", imp, imp.Errors)
			}
			var r feedback.Record
			if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("source = ? AND external_id = ?", imp.Source, "F-1").Take(&r).Error; err != nil {
				t.Fatal(err)
			}
			if r.Comment != "刘洋服务很耐心，电话 13812345678" || r.Category != "表扬" || *r.ScoreMilli != 5000 || r.Month != 202610 {
				t.Errorf("F-1 stored as %+v", r)
			}
			var f2 feedback.Record
			if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("source = ? AND external_id = ?", imp.Source, "F-2").Take(&f2).Error; err != nil {
				t.Fatal(err)
			}
			// 8 on 1–10 is 1000 + 7/9·4000 = 4111.1 → 4111; resolved yes.
			if f2.ScoreMilli == nil || *f2.ScoreMilli != 4111 || f2.Resolved == nil || !*f2.Resolved || f2.EmployeeID != nil {
				t.Errorf("F-2 stored as %+v", f2)
			}
		})
	}
	sameRollups(t, env, tid, "after the files")
}

func TestXLSXFile(t *testing.T) {
	env := testkit.New(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"external_id", "channel", "occurred_at", "branch_code", "employee_code", "score", "comment"},
		{"X-1", "app", "2026-10-12 09:30", "south", "XH0009", 4, "黄艳讲解清楚"},
		{"X-2", "social", "2026-10-13 20:00", "south-tianhe", "", 3.5, "微博：排队太久"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	imp := importFile(t, env, "source=xlsx", "feedback.xlsx", buf.Bytes())
	if imp.State != feedback.ImportDone || imp.Inserted != 2 {
		t.Fatalf("import: %+v errors %s", imp, imp.Errors)
	}
	tid := tenantOf(t, env, "demo")
	var r feedback.Record
	if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("source = ? AND external_id = ?", "xlsx", "X-2").Take(&r).Error; err != nil {
		t.Fatal(err)
	}
	if r.Comment != "微博：排队太久" || *r.ScoreMilli != 3500 {
		t.Errorf("X-2 stored as %+v", r)
	}
}

// Each malformed kind fails the whole file, names row and column, and
// stores nothing.
func TestMalformedFilesImportNothing(t *testing.T) {
	env := testkit.New(t)
	tid := tenantOf(t, env, "demo")
	before := rollups(t, env, tid)
	head := "external_id,channel,occurred_at,branch_code,employee_code,score,scale\n"
	good := "G-1,counter,2026-10-01 10:00,north,XH0008,5,\n"
	for _, c := range []struct {
		code, query, file string
		data              []byte
		row               int
		column            string
	}{
		{feedback.CodeUnknownEmployee, "", "a.csv", []byte(head + good + "G-2,counter,2026-10-01 10:00,north,NOBODY,5,\n"), 3, "employee_code"},
		{feedback.CodeUnknownBranch, "", "a.csv", []byte(head + good + "G-2,counter,2026-10-01 10:00,no-branch,,5,\n"), 3, "branch_code"},
		{feedback.CodeBadDate, "", "a.csv", []byte(head + good + "G-2,counter,31/10/2026,north,,5,\n"), 3, "occurred_at"},
		{feedback.CodeScoreRange, "", "a.csv", []byte(head + good + "G-2,counter,2026-10-01 10:00,north,,11,10\n"), 3, "score"},
		{feedback.CodeDuplicate, "", "a.csv", []byte(head + good + good), 3, "external_id"},
		{feedback.CodeInvalidEncoding, "&encoding=utf-8", "a.csv", append([]byte(head+good), gbk(t, "G-2,counter,2026-10-01 10:00,north,,5,\n")[:0:0]...), 0, ""},
		{feedback.CodeMissing, "", "a.csv", []byte(head + good + "G-2,counter,2026-10-01 10:00,,,5,\n"), 3, "branch_code"},
		{feedback.CodeBadValue, "", "a.csv", []byte(head + good + "G-2,fax,2026-10-01 10:00,north,,5,\n"), 3, "channel"},
		{feedback.CodeUnknownMetric, "&kind=results", "r.csv", []byte("employee_code,period,metric,value\nXH0008,2026-10,products_opened,3\nXH0008,2026-10,no_such_metric,3\n"), 3, "metric"},
		{feedback.CodeMissing, "", "a.csv", []byte("external_id,channel,occurred_at\nG-1,counter,2026-10-01\n"), 1, "branch_code"},
	} {
		if c.code == feedback.CodeInvalidEncoding {
			// A row whose comment is GBK in a file declared UTF-8.
			c.data = append([]byte("external_id,channel,occurred_at,branch_code,comment\nG-1,counter,2026-10-01,north,好\n"), gbk(t, "G-2,counter,2026-10-01,north,柜员态度差\n")...)
			c.row, c.column = 3, "comment"
		}
		t.Run(c.code+"/"+c.column, func(t *testing.T) {
			src := fmt.Sprintf("bad-%s-%s", c.code, c.column)
			imp := importFile(t, env, "source="+strings.ReplaceAll(src, "_", "-")+c.query, c.file, c.data)
			if imp.State != feedback.ImportFailed {
				t.Fatalf("state %s, want failed: %+v", imp.State, imp)
			}
			found := false
			for _, e := range errorsOf(t, imp) {
				found = found || (e.Code == c.code && e.Row == c.row && e.Column == c.column)
			}
			if !found {
				t.Errorf("report %s lacks %s at row %d column %s", imp.Errors, c.code, c.row, c.column)
			}
			if n := countRecords(t, env, tid, imp.Source); n != 0 {
				t.Errorf("%d records stored from a failed file", n)
			}
		})
	}
	if after := rollups(t, env, tid); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("failed files changed the rollups")
	}
	var results int64
	if err := env.App.DB.R.Model(&feedback.BusinessResult{}).Scopes(store.Tenant(tid)).Where("source LIKE ?", "bad-%").Count(&results).Error; err != nil || results != 0 {
		t.Errorf("%d results stored from a failed file (%v)", results, err)
	}
}

// The same file twice: same totals, the second all unchanged; then a
// complaint resolved later is an update whose old values leave the rollups.
func TestReimportIsIdempotentAndChangesUpdate(t *testing.T) {
	env := testkit.New(t)
	tid := tenantOf(t, env, "demo")
	first := importFile(t, env, "source=twice", "f.csv", []byte(chineseCSV))
	snap := rollups(t, env, tid)
	second := importFile(t, env, "source=twice", "f.csv", []byte(chineseCSV))
	if first.Inserted != 3 || second.Inserted != 0 || second.Updated != 0 || second.Unchanged != 3 {
		t.Fatalf("first %+v, second %+v", first, second)
	}
	if fmt.Sprint(rollups(t, env, tid)) != fmt.Sprint(snap) {
		t.Error("the same file again changed the rollups")
	}
	resolved := strings.Replace(chineseCSV, "服务投诉,", "服务投诉,", 1)
	resolved = strings.Replace(resolved, "F-3,complaint,2026-10-31,east-xuhui,XH0010,,,否,是", "F-3,complaint,2026-10-31,east-xuhui,XH0010,,,是,是", 1)
	third := importFile(t, env, "source=twice", "f.csv", []byte(resolved))
	if third.Updated != 1 || third.Unchanged != 2 {
		t.Fatalf("third %+v", third)
	}
	sameRollups(t, env, tid, "after the update")
}

// A file past the configured size is refused with 413, and none of it stays.
func TestUploadOverTheCapIsRefused(t *testing.T) {
	env := testkit.New(t)
	env.App.Feedback.MaxUploadBytes = 1 << 20
	hr := env.Login("demo", "hr")
	big := bytes.Repeat([]byte("x,counter,2026-10-01,north\n"), (2<<20)/27)
	st, body := hr.Upload("/api/v1/feedback/imports?source=big", "big.csv", big)
	if st != 413 || !strings.Contains(body, "1 MB") {
		t.Fatalf("oversized upload: %d %s", st, body)
	}
	var chunks, imports int64
	tid := tenantOf(t, env, "demo")
	if err := env.App.DB.R.Model(&feedback.UploadChunk{}).Scopes(store.Tenant(tid)).Count(&chunks).Error; err != nil || chunks != 0 {
		t.Errorf("%d chunks left (%v)", chunks, err)
	}
	if err := env.App.DB.R.Model(&feedback.Import{}).Scopes(store.Tenant(tid)).Where("source = ?", "big").Count(&imports).Error; err != nil || imports != 0 {
		t.Errorf("%d imports left (%v)", imports, err)
	}
	// Without the multipart field, a 422 naming it.
	st, body = hr.Do("POST", "/api/v1/feedback/imports?source=big", map[string]string{"file": "x"})
	if st != 422 || !strings.Contains(body, "body.file") {
		t.Errorf("no multipart: %d %s", st, body)
	}
}

// A file's report is read in the asker's language: the rows' messages are
// kept as templates and put in words when the import is read.
func TestImportReportIsReadInTheAskersLanguage(t *testing.T) {
	env := testkit.New(t)
	head := "external_id,channel,occurred_at,branch_code,employee_code,score,scale\n"
	imp := importFile(t, env, "source=lang", "a.csv", []byte(head+"G-1,counter,2026-10-01 10:00,north,NOBODY,5,\nG-1,counter,2026-10-01 10:00,north,,5,\n"))
	if imp.State != feedback.ImportFailed {
		t.Fatalf("import %+v, want failed", imp)
	}
	path := fmt.Sprintf("/api/v1/feedback/imports/%d", imp.ID)
	for _, c := range []struct{ lang, unknown, dup string }{
		{"", "no staff member of the bank has this employee code", "appears more than once (first on row 2)"},
		{"zh-CN", "本行没有此员工编号的员工", "重复出现（首次在第 2 行）"},
	} {
		hr := env.Login("demo", "hr")
		if c.lang != "" {
			hr.Header("Accept-Language", c.lang)
		}
		for _, p := range []string{path, "/api/v1/feedback/imports"} {
			st, body := hr.Do("GET", p, nil)
			if st != 200 || !strings.Contains(body, c.unknown) || !strings.Contains(body, c.dup) || strings.Contains(body, "template") {
				t.Errorf("GET %s in %q: %d %s; want %q and %q, no template", p, c.lang, st, body, c.unknown, c.dup)
			}
		}
	}
}
