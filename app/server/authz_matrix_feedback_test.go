package server_test

import (
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// feedbackRows cover the feedback area. "feedback.import" is HR's (sources,
// settings, metrics, batches, files), bank-wide; records are read and
// appeals decided in the caller's subtree ("feedback.read",
// "feedback.decide"); anyone with the employee grant appeals a record
// about themself ("feedback.appeal").
func feedbackRows() []row {
	base := "/api/v1/feedback"
	return []row{
		{method: "GET", path: base + "/settings", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/settings", nil) }},
		{method: "PUT", path: base + "/settings", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp { return x.do("PUT", base+"/settings", map[string]int{"appeal_window_days": 30}) }},
		{method: "GET", path: base + "/sources", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/sources", nil) }},
		{method: "POST", path: base + "/sources", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", base+"/sources", map[string]any{"code": fmt.Sprintf("mx-src-%d", x.w.next()), "name": "Matrix", "kind": "feedback", "encoding": "utf-8"})
			}},
		{method: "PUT", path: base + "/sources/{id}", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp {
				id, code := x.feedbackSource()
				return x.do("PUT", idPath(base+"/sources/{id}", id), map[string]any{"code": code, "name": "Matrix renamed", "kind": "feedback", "encoding": "gbk"})
			}},
		{method: "GET", path: base + "/metrics", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/metrics", nil) }},
		{method: "POST", path: base + "/metrics", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", base+"/metrics", map[string]any{"code": fmt.Sprintf("mx_metric_%d", x.w.next()), "name": "Matrix"})
			}},
		{method: "POST", path: base + "/records/batch", access: perm, perm: "feedback.import", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				return x.do("POST", base+"/records/batch", map[string]any{"source": "matrix", "records": []map[string]any{{
					"external_id": fmt.Sprintf("MX-%d", x.w.next()), "channel": "counter", "occurred_at": x.env().Clock.Now().Add(-time.Hour).Format(time.RFC3339),
					"branch_code": x.branchCode(), "score": 4}}})
			}},
		{method: "POST", path: base + "/results/batch", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", base+"/results/batch", map[string]any{"source": "matrix", "results": []map[string]any{{
					"employee_code": x.employeeCode(x.caller.tenant), "period": "2026-10", "metric": "products_opened", "value": x.w.next()}}})
			}},
		{method: "GET", path: base + "/imports", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/imports", nil) }},
		{method: "POST", path: base + "/imports", access: perm, perm: "feedback.import", ok: 202,
			run: func(x *cell) resp {
				return upload(x.t, x.env(), x.client, base+"/imports?source=matrix", "m.csv", []byte("external_id,channel,occurred_at,branch_code\n"))
			}},
		{method: "GET", path: base + "/imports/{id}", access: perm, perm: "feedback.import", ok: 200,
			run: func(x *cell) resp { return x.do("GET", idPath(base+"/imports/{id}", x.feedbackImport()), nil) }},
		{method: "GET", path: base + "/records", access: perm, perm: "feedback.read", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/records", nil) }},
		{method: "GET", path: base + "/records", variant: "?branch_id=", access: perm, perm: "feedback.read", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", fmt.Sprintf("%s/records?branch_id=%d", base, x.branchID()), nil)
			}},
		{method: "GET", path: base + "/mine", access: perm, perm: "feedback.appeal", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/mine", nil) }},
		{method: "POST", path: base + "/records/{id}/appeals", access: perm, perm: "feedback.appeal", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", idPath(base+"/records/{id}/appeals", x.recordAboutCaller()), map[string]string{"reason_kind": "withdrawn", "reason": "matrix"})
			}},
		{method: "GET", path: base + "/appeals", access: perm, perm: "feedback.decide", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+"/appeals", nil) }},
		{method: "POST", path: base + "/appeals/{id}/decision", access: perm, perm: "feedback.decide", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("POST", idPath(base+"/appeals/{id}/decision", x.appealAt()), map[string]any{"uphold": false, "reason": "matrix"})
			}},
	}
}

// employeeCode is the code of a demo user of slug who has one.
func (x *cell) employeeCode(slug string) string {
	if slug == "demo2" {
		return "YL0002"
	}
	return "XH0008"
}

// feedbackSource is a source of the caller's bank (of demo for callers without one).
func (x *cell) feedbackSource() (int64, string) {
	slug := x.caller.tenant
	if slug == "" {
		slug = "demo"
	}
	var src feedback.Source
	if err := x.env().App.DB.R.Scopes(store.Tenant(x.w.tenant[slug])).Where("kind = ?", "feedback").Order("id").Take(&src).Error; err != nil {
		x.t.Fatalf("source fixture: %v", err)
	}
	return src.ID, src.Code
}

func (x *cell) feedbackImport() int64 {
	slug := x.caller.tenant
	if slug == "" {
		slug = "demo"
	}
	var id int64
	if err := x.env().App.DB.R.Model(&feedback.Import{}).Scopes(store.Tenant(x.w.tenant[slug])).Order("id").Limit(1).Pluck("id", &id).Error; err != nil || id == 0 {
		x.t.Fatalf("import fixture: %v", err)
	}
	return id
}

// recordAbout stores a fresh record about user (slug/username) at its home
// branch, as that bank's HR, and returns its id.
func (x *cell) recordAbout(user string) int64 {
	slug, name := splitKey(user)
	ctx, hr := x.w.principalCtx(x.t, slug, "hr")
	var u org.User
	if err := x.env().App.DB.R.Scopes(store.Tenant(x.w.tenant[slug])).Where("username = ?", name).Take(&u).Error; err != nil {
		x.t.Fatal(err)
	}
	var code string
	if err := x.env().App.DB.R.Model(&org.Branch{}).Scopes(store.Tenant(x.w.tenant[slug])).Where("id = ?", u.BranchID).Pluck("code", &code).Error; err != nil {
		x.t.Fatal(err)
	}
	ext := fmt.Sprintf("MXR-%d", x.w.next())
	score := 2.0
	if _, err := x.env().App.Feedback.IngestRecords(ctx, hr, "matrix", []feedback.RecordIn{{ExternalID: ext, Channel: "counter",
		OccurredAt: x.env().Clock.Now().Add(-time.Hour), BranchCode: code, EmployeeCode: u.EmployeeCode, Score: &score}}); err != nil {
		x.t.Fatalf("record fixture about %s: %v", user, err)
	}
	var id int64
	if err := x.env().App.DB.R.Model(&feedback.Record{}).Scopes(store.Tenant(x.w.tenant[slug])).Where("source = ? AND external_id = ?", "matrix", ext).Pluck("id", &id).Error; err != nil {
		x.t.Fatal(err)
	}
	return id
}

// recordAboutCaller is a fresh record about the caller (a missing id for
// callers without a bank).
func (x *cell) recordAboutCaller() int64 {
	if x.caller.kind != member || x.caller.username == "auditor" {
		return missingID
	}
	return x.recordAbout(x.caller.tenant + "/" + x.caller.username)
}

// appealAt is a pending appeal by the fixed user at the target, about a
// record at the target branch.
func (x *cell) appealAt() int64 {
	if x.missing {
		return missingID
	}
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id
	}
	user := x.target.user()
	rec := x.recordAbout(user)
	slug, name := splitKey(user)
	ctx, p := x.w.principalCtx(x.t, slug, name)
	a, err := x.env().App.Feedback.Appeal(ctx, p, rec, feedback.ReasonWrongPerson, "matrix")
	if err != nil {
		x.t.Fatalf("appeal fixture at %s: %v", x.target, err)
	}
	fixtures[x.fixtureKey()] = a.ID
	return a.ID
}

func splitKey(k string) (string, string) {
	for i := range k {
		if k[i] == '/' {
			return k[:i], k[i+1:]
		}
	}
	return k, ""
}
