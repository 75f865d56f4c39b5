package audit_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

func demoTenant(t *testing.T, env *testkit.Env) int64 {
	t.Helper()
	var id int64
	if err := env.App.DB.R.Raw(`SELECT id FROM tenants WHERE slug = 'demo'`).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("demo tenant: %v", err)
	}
	return id
}

// The audit page reads as words in the reader's language: each entry's
// action is named, and the filter list offers the bank's actions by name.
func TestAuditActionsAreNamedInTheReadersLanguage(t *testing.T) {
	env := testkit.New(t)
	zh := env.Login("demo", "auditor").Header("Accept-Language", "zh-CN,zh;q=0.9")
	var page struct {
		Items []audit.View `json:"items"`
		Total int64        `json:"total"`
	}
	if err := json.Unmarshal([]byte(testkit.MustGet(t, zh, "/api/v1/audit?action=user.create")), &page); err != nil || page.Total == 0 {
		t.Fatalf("user.create entries: %v %+v", err, page)
	}
	for _, v := range page.Items {
		if v.ActionName != "用户 · 新建" {
			t.Errorf("entry %d: action_name %q, want 用户 · 新建", v.ID, v.ActionName)
		}
	}
	var actions struct {
		Items []audit.ActionOption `json:"items"`
	}
	for _, c := range []struct{ lang, want string }{{"zh-CN", "用户 · 新建"}, {"en", "User · created"}} {
		if err := json.Unmarshal([]byte(testkit.MustGet(t, env.Login("demo", "auditor").Header("Accept-Language", c.lang), "/api/v1/audit/actions")), &actions); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range actions.Items {
			found = found || (a.Code == "user.create" && a.Name == c.want)
		}
		if !found || len(actions.Items) < 5 {
			t.Errorf("%s: actions %+v lack user.create named %q", c.lang, actions.Items, c.want)
		}
	}
	for _, path := range []string{"/api/v1/audit/actions", "/api/v1/audit/export"} {
		if st, body := env.Login("demo", "emp.north.1").Do("GET", path, nil); st != 403 {
			t.Errorf("an employee GET %s: %d %s, want 403", path, st, body)
		}
	}
}

// An export is the filtered log, oldest first, in the reader's language and
// the bank's time zone, with formula-like text neutralised.
func TestAuditExportIsReadableAndSafe(t *testing.T) {
	env := testkit.New(t)
	tenant := demoTenant(t, env)
	at := time.Date(2026, 11, 1, 23, 30, 0, 0, time.UTC) // 07:30 on 2 November in Shanghai
	if err := env.App.DB.Tx(context.Background(), func(tx *gorm.DB) error {
		return audit.Record(context.Background(), tx, audit.Actor{TenantID: tenant, Name: "=HYPERLINK(\"http://x\")"}, at,
			"user.update", "user", "1", nil, map[string]string{"display_name": "@SUM(1)"})
	}); err != nil {
		t.Fatal(err)
	}
	var want int64
	if err := env.App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(tenant)).Where("action = ?", "user.update").Count(&want).Error; err != nil {
		t.Fatal(err)
	}

	zh := env.Login("demo", "auditor").Header("Accept-Language", "zh-CN")
	st, body := zh.Do("GET", "/api/v1/audit/export?action=user.update&format=csv", nil)
	if st != 200 {
		t.Fatalf("export: %d %s", st, body)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "编号,时间,操作人,操作,操作代码,对象类型,对象编号,变更前,变更后,请求编号" {
		t.Errorf("header %q", rows[0])
	}
	if int64(len(rows)-1) != want {
		t.Fatalf("%d rows, want the %d user.update entries", len(rows)-1, want)
	}
	var mine []string
	for _, r := range rows[1:] {
		if r[3] != "用户 · 修改" || r[4] != "user.update" {
			t.Errorf("row %q: action not named", r)
		}
		if strings.Contains(r[2], "HYPERLINK") {
			mine = r
		}
	}
	if mine == nil {
		t.Fatal("the entry written by the test is not in the export")
	}
	if mine[1] != "2026-11-02 07:30:00" {
		t.Errorf("time %q, want the bank's 2026-11-02 07:30:00", mine[1])
	}
	if !strings.HasPrefix(mine[2], "'=") {
		t.Errorf("actor %q: a formula must be neutralised", mine[2])
	}

	st, body = env.Login("demo", "auditor").Header("Accept-Language", "en").Do("GET", "/api/v1/audit/export?action=user.update&format=xlsx", nil)
	if st != 200 || !strings.HasPrefix(body, "PK") {
		t.Fatalf("xlsx export: %d", st)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	header, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(header) != int(want)+1 || header[0][3] != "Action" || header[1][3] != "User · changed" {
		t.Errorf("xlsx rows: %v (%d rows, want %d)", err, len(header), want+1)
	}

	// More entries than an export holds: refused with the field to change, nothing written.
	defer func(n int) { audit.ExportLimit = n }(audit.ExportLimit)
	audit.ExportLimit = int(want) - 1
	st, body = zh.Do("GET", "/api/v1/audit/export?action=user.update", nil)
	if st != 422 || !strings.Contains(body, "query.from") || !strings.Contains(body, "请缩小日期范围") {
		t.Errorf("an export past the limit: %d %s, want 422 naming query.from in Chinese", st, body)
	}
}
