package server_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
)

// jobsRows cover a bank's list of background jobs. Jobs belong to the bank,
// not to a branch, so only the permission decides; another bank's job
// answers like a missing one.
func jobsRows() []row {
	one := "/api/v1/jobs/{id}"
	return []row{
		{method: "GET", path: "/api/v1/jobs", access: perm, perm: "jobs.read", ok: 200, check: jobsListCheck,
			run: func(x *cell) resp {
				x.w.job(x, "demo") // both banks have jobs, so the list could leak
				x.w.job(x, "demo2")
				return x.do("GET", "/api/v1/jobs?page_size=100", nil)
			}},
		{method: "GET", path: one, access: perm, perm: "jobs.read", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				if x.missing {
					return x.do("GET", idPath(one, missingID), nil)
				}
				return x.do("GET", idPath(one, x.w.job(x, x.target.tenant())), nil)
			}},
	}
}

// matrixJob is a job queued for the matrix; no engine runs it.
type matrixJob struct{}

func (matrixJob) Kind() string { return "matrix.fixture" }

// job is a queued job of the bank slug, made once per matrix run (the
// matrix empties fixtures when it starts).
func (w *world) job(x *cell, slug string) int64 {
	key := "job|" + slug
	if id, ok := fixtures[key]; ok {
		return id
	}
	id := w.queueJob(x.t, slug)
	fixtures[key] = id
	return id
}

// queueJob queues a new job of the bank slug and returns its id.
func (w *world) queueJob(t testing.TB, slug string) int64 {
	t.Helper()
	id, err := w.env.App.Jobs.Enqueue(context.Background(), w.tenant[slug], nil, matrixJob{})
	if err != nil {
		t.Fatalf("queue a job for %s: %v", slug, err)
	}
	return id
}

// jobsListCheck: the list holds the caller's bank's jobs, all of them.
func jobsListCheck(x *cell, r resp) {
	var out struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
		Total int64 `json:"total"`
	}
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		x.t.Errorf("%s: jobs list: %v", x.caller, err)
		return
	}
	tid := x.w.tenant[x.caller.tenant]
	var ids []int64
	for _, it := range out.Items {
		ids = append(ids, it.ID)
	}
	var mine, want int64
	if len(ids) > 0 {
		if err := x.env().App.DB.R.Model(&jobs.Run{}).Scopes(store.Tenant(tid)).Where("id IN ?", ids).Count(&mine).Error; err != nil {
			x.t.Fatal(err)
		}
	}
	if int(mine) != len(ids) {
		x.t.Errorf("LEAK: %s listed %d jobs of which only %d are its bank's", x.caller, len(ids), mine)
		leaks++
	}
	if err := x.env().App.DB.R.Model(&jobs.Run{}).Scopes(store.Tenant(tid)).Count(&want).Error; err != nil {
		x.t.Fatal(err)
	}
	if out.Total != want || int64(len(ids)) != want || want == 0 {
		x.t.Errorf("%s: jobs list has %d items, total %d; want its bank's %d (at least one)", x.caller, len(ids), out.Total, want)
	}
}
