package jobs_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

type jobView struct {
	ID            int64  `json:"id"`
	Kind          string `json:"kind"`
	State         string `json:"state"`
	Done          int64  `json:"done"`
	Total         int64  `json:"total"`
	Error         string `json:"error"`
	StartedBy     *int64 `json:"started_by"`
	StartedByName string `json:"started_by_name"`
}

type jobPage struct {
	Items []jobView `json:"items"`
	Total int64     `json:"total"`
}

// HR reads the bank's jobs newest first, a page at a time, with who started
// each, its progress and its error in the reader's language; the other
// bank's job is not listed, and its id answers like a missing one.
func TestJobRoutesServeTheBanksJobsInTheReadersLanguage(t *testing.T) {
	ctx := context.Background()
	env := testkit.New(t)
	e := env.App.Jobs
	tenant := func(slug string) int64 {
		tn, err := env.App.Org.TenantBySlug(ctx, slug)
		if err != nil || tn == nil {
			t.Fatalf("tenant %s: %v", slug, err)
		}
		return tn.ID
	}
	demo, demo2 := tenant("demo"), tenant("demo2")
	// The demo's own jobs (the KPI recomputes its feedback queued) are not
	// this test's: the list it reads holds only the jobs it makes.
	for _, tid := range []int64{demo, demo2} {
		if err := env.App.DB.W.Scopes(store.Tenant(tid)).Where("1 = 1").Delete(&jobs.Run{}).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := env.App.DB.W.Exec("DELETE FROM river_job").Error; err != nil {
		t.Fatal(err)
	}
	registerCount(e)
	started(t, e)
	var u org.User
	if err := env.App.DB.R.Scopes(store.Tenant(demo)).Where("username = ?", "hr").Take(&u).Error; err != nil {
		t.Fatal(err)
	}
	by := &access.Principal{TenantID: demo, UserID: u.ID, DisplayName: u.DisplayName}
	counted, err := e.Enqueue(ctx, demo, by, countArgs{Rows: 2})
	if err != nil {
		t.Fatal(err)
	}
	aborted, err := e.Enqueue(ctx, demo, nil, countArgs{Rows: 1, Outcome: "abort"})
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := e.Enqueue(ctx, demo2, nil, countArgs{})
	if err != nil {
		t.Fatal(err)
	}
	runIn(t, env.App.DB, demo, counted, jobs.Completed)
	runIn(t, env.App.DB, demo, aborted, jobs.Failed)

	zh := env.Login("demo", "hr").Header("Accept-Language", "zh-CN")
	get := func(c *testkit.Client, path string, want int) string {
		t.Helper()
		st, body := c.Do("GET", path, nil)
		if st != want {
			t.Fatalf("GET %s: %d %s, want %d", path, st, body, want)
		}
		return body
	}
	page := testkit.JSON[jobPage](t, get(zh, "/api/v1/jobs", 200))
	if page.Total != 2 || len(page.Items) != 2 || page.Items[0].ID != aborted || page.Items[1].ID != counted {
		t.Fatalf("list %+v, want the aborted job, then the counted one, and not demo2's", page)
	}
	if a := page.Items[0]; a.State != "failed" || a.Error != "缺少列：kpi" || a.StartedBy != nil {
		t.Fatalf("aborted job %+v, want failed with its error in Chinese, started by the system", a)
	}
	c := page.Items[1]
	if c.State != "completed" || c.Done != 2 || c.Total != 2 || c.Error != "" || c.StartedBy == nil || *c.StartedBy != u.ID ||
		c.StartedByName != u.DisplayName || c.Kind != "test.count" {
		t.Fatalf("counted job %+v, want completed, 2 of 2, started by %s", c, u.DisplayName)
	}
	second := testkit.JSON[jobPage](t, get(zh, "/api/v1/jobs?page_size=1&page=2", 200))
	if second.Total != 2 || len(second.Items) != 1 || second.Items[0].ID != counted {
		t.Fatalf("second page of one: %+v", second)
	}

	en := env.Login("demo", "auditor")
	if one := testkit.JSON[jobView](t, get(en, fmt.Sprintf("/api/v1/jobs/%d", aborted), 200)); one.Error != "missing column(s): kpi" {
		t.Fatalf("the aborted job in English: %+v", one)
	}
	missing := get(zh, fmt.Sprintf("/api/v1/jobs/%d", foreign), 404)
	if testkit.JSON[struct {
		Detail string `json:"detail"`
	}](t, missing).Detail != "后台任务不存在" {
		t.Fatalf("demo2's job seen from demo: %s", missing)
	}
	get(env.Login("demo", "emp.north.1"), "/api/v1/jobs", 403)
}
