package server_test

import (
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/store"
)

// casesRows cover the case library. Published cases are read bank-wide
// ("cases.read"), so the rows about one published case use a case of the
// caller's own bank. Reviews are objects: a submitted case written at the
// target branch by the person who works there is seen only by its author
// and its reviewers, so a manager outside its subtree gets 404. Sessions
// are objects of their branch ("cases.review"); their attendees here are
// fresh people, none of the callers.
func casesRows() []row {
	base := "/api/v1/cases"
	read := func(method, path string, ok int, body func(x *cell) any) row {
		return row{method: method, path: base + path, access: perm, perm: "cases.read", ok: ok,
			run: func(x *cell) resp { return x.do(method, idPath(base+path, x.publishedCase()), body(x)) }}
	}
	manage := func(method, path string, fresh bool, body any) row {
		return row{method: method, path: base + path, access: perm, perm: "cases.manage", ok: 200,
			run: func(x *cell) resp {
				id := x.publishedCase()
				if fresh && x.caller.can["cases.manage"] != "" {
					id = x.newPublishedCase()
				}
				return x.do(method, idPath(base+path, id), body)
			}}
	}
	review := func(path string, body any) row {
		return row{method: "POST", path: base + path, access: perm, perm: "cases.review", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				r := x.do("POST", idPath(base+path, x.submittedCase()), body)
				if r.Status == 200 {
					delete(fixtures, "cases|"+x.fixtureKey())
				}
				return r
			}}
	}
	own := func(method, path string, submit bool) row {
		return row{method: method, path: base + path, access: perm, perm: "cases.write", ok: 200,
			run: func(x *cell) resp {
				id, rev := x.ownDraft()
				if submit {
					return x.do(method, idPath(base+path, id), nil)
				}
				b := matrixCase("Matrix edit")
				b["revision"] = rev
				return x.do(method, idPath(base+path, id), b)
			}}
	}
	list := func(path, p string) row {
		return row{method: "GET", path: base + path, access: perm, perm: p, ok: 200,
			run: func(x *cell) resp { return x.do("GET", base+path, nil) }}
	}
	session := func(method, path string, body any) row {
		return row{method: method, path: "/api/v1/case-sessions/{id}" + path, access: perm, perm: "cases.review", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do(method, idPath("/api/v1/case-sessions/{id}"+path, x.caseSession()), body)
			}}
	}
	nothing := func(*cell) any { return nil }
	return []row{
		list("", "cases.read"),
		list("/featured", "cases.read"),
		list("/useful", "cases.read"),
		list("/options", "cases.read"),
		list("/mine", "cases.write"),
		list("/review-queue", "cases.review"),
		list("/due-review", "cases.manage"),
		{method: "POST", path: base + "/pii-check", access: perm, perm: "cases.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", base+"/pii-check", map[string]string{"text": "电话 13812345678"})
			}},
		{method: "POST", path: base + "/preview", access: perm, perm: "cases.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", base+"/preview", map[string]string{"situation": "**客户**电话 13812345678"})
			}},
		{method: "POST", path: base, access: perm, perm: "cases.write", ok: 200,
			run: func(x *cell) resp { return x.do("POST", base, matrixCase("Matrix case")) }},
		own("PUT", "/{id}", false),
		own("POST", "/{id}/submit", true),
		read("GET", "/{id}", 200, nothing),
		read("GET", "/{id}/revisions", 200, nothing),
		{method: "GET", path: base + "/{id}/revisions/{rev}", access: perm, perm: "cases.read", ok: 200,
			run: func(x *cell) resp { return x.do("GET", idPath(base+"/{id}/revisions/1", x.publishedCase()), nil) }},
		{method: "GET", path: base + "/{id}/diff", access: perm, perm: "cases.read", ok: 200,
			run: func(x *cell) resp {
				return x.do("GET", idPath(base+"/{id}/diff", x.publishedCase())+"?from=1&to=1", nil)
			}},
		read("POST", "/{id}/views", 204, nothing),
		{method: "PUT", path: base + "/{id}/rating", access: perm, perm: "cases.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", idPath(base+"/{id}/rating", x.publishedCase()), map[string]int{"stars": 4})
			}},
		review("/{id}/approve", map[string]any{}),
		review("/{id}/return", map[string]string{"comment": "matrix"}),
		manage("POST", "/{id}/feature", false, map[string]bool{"featured": true}),
		manage("POST", "/{id}/reverify", false, map[string]string{"review_by": "2030-01-01T00:00:00Z"}),
		manage("POST", "/{id}/archive", true, nil),
		manage("POST", "/{id}/to-scenario", true, nil),
		{method: "PUT", path: base + "/{id}/visibility", access: perm, perm: "cases.review", ok: 200,
			run: func(x *cell) resp {
				id := x.publishedCase()
				if x.caller.can["cases.review"] != "" { // a case of the North, which both reviewers reach
					id = x.newPublishedCase()
				}
				return x.do("PUT", idPath(base+"/{id}/visibility", id), map[string]string{"scope": "tenant"})
			}},
		{method: "GET", path: "/api/v1/case-sessions", access: perm, perm: "cases.read", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/case-sessions", nil) }},
		{method: "POST", path: "/api/v1/case-sessions", access: perm, perm: "cases.review", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				attendee := x.fixedUser()
				return x.do("POST", "/api/v1/case-sessions", map[string]any{"title": "Matrix session", "branch_id": x.branchID(),
					"scheduled_at": "2026-12-01T09:00:00Z", "case_ids": []int64{x.publishedCase()}, "attendee_ids": []int64{attendee}})
			}},
		session("GET", "", nil),
		session("PUT", "/record", map[string]any{"attended_ids": []int64{}, "notes": "matrix"}),
	}
}

func matrixCase(title string) map[string]any {
	return map[string]any{"title": title, "summary": "矩阵测试", "situation": "情况", "actions": "做法", "outcome": "结果", "lesson": "启示",
		"customer_type": "individual", "business_line": "retail", "tags": []string{"矩阵"}}
}

// publishedIn is a published case open to the whole of tenant slug.
func (x *cell) publishedIn(slug string) int64 {
	var id int64
	if err := x.env().App.DB.R.Model(&cases.Case{}).Scopes(store.Tenant(x.w.tenant[slug])).
		Where("status = ? AND vis_branch_id IS NULL AND featured = ?", cases.Published, false).Order("id").Limit(1).Pluck("id", &id).Error; err != nil || id == 0 {
		x.t.Fatalf("no published case in %s: %v", slug, err)
	}
	return id
}

// publishedCase is a published case of the caller's bank (any for those
// outside a bank: they are refused before it matters).
func (x *cell) publishedCase() int64 {
	slug := x.caller.tenant
	if slug == "" {
		slug = "demo"
	}
	return x.publishedIn(slug)
}

// newPublishedCase is a case emp.north.1 wrote and HR approved just now.
func (x *cell) newPublishedCase() int64 {
	actx, author := x.w.principalCtx(x.t, "demo", "emp.north.1")
	c, err := x.env().App.Cases.Create(actx, author, cases.CaseIn{Title: fmt.Sprintf("Matrix %d", x.w.next()), Summary: "s", Situation: "s", Actions: "a",
		Outcome: "o", Lesson: "l", CustomerType: "individual", BusinessLine: "retail"})
	if err != nil {
		x.t.Fatal(err)
	}
	if _, err := x.env().App.Cases.Submit(actx, author, c.ID); err != nil {
		x.t.Fatal(err)
	}
	hctx, hr := x.w.principalCtx(x.t, "demo", "hr")
	if _, err := x.env().App.Cases.Approve(hctx, hr, c.ID, "", nil); err != nil {
		x.t.Fatal(err)
	}
	return c.ID
}

// ownDraft is a new draft of the caller's (nothing for a caller who may
// not write: the request is refused before the id matters).
func (x *cell) ownDraft() (int64, int) {
	if x.caller.can["cases.write"] == "" {
		return missingID, 1
	}
	ctx, p := x.w.principalCtx(x.t, x.caller.tenant, x.caller.username)
	c, err := x.env().App.Cases.Create(ctx, p, cases.CaseIn{Title: fmt.Sprintf("Matrix draft %d", x.w.next()), Summary: "s", Situation: "s", Actions: "a",
		Outcome: "o", Lesson: "l", CustomerType: "individual", BusinessLine: "retail"})
	if err != nil {
		x.t.Fatal(err)
	}
	return c.ID, c.Revision
}

// submittedCase is a case submitted by the person working at the target
// branch, until a reviewer decides it.
func (x *cell) submittedCase() int64 {
	if x.missing {
		return missingID
	}
	key := "cases|" + x.fixtureKey()
	if id, ok := fixtures[key]; ok {
		return id
	}
	user := x.target.user()
	slug, name := x.target.tenant(), user[len(x.target.tenant())+1:]
	ctx, p := x.w.principalCtx(x.t, slug, name)
	c, err := x.env().App.Cases.Create(ctx, p, cases.CaseIn{Title: fmt.Sprintf("Matrix review %d", x.w.next()), Summary: "s", Situation: "s", Actions: "a",
		Outcome: "o", Lesson: "l", CustomerType: "individual", BusinessLine: "retail"})
	if err != nil {
		x.t.Fatal(err)
	}
	if _, err := x.env().App.Cases.Submit(ctx, p, c.ID); err != nil {
		x.t.Fatal(err)
	}
	fixtures[key] = c.ID
	return c.ID
}

// caseSession is a past session of the target branch whose one attendee
// is a fresh person there.
func (x *cell) caseSession() int64 {
	if x.missing {
		return missingID
	}
	key := "case-session|" + x.target.String()
	if id, ok := fixtures[key]; ok {
		return id
	}
	slug := x.target.tenant()
	attendee := x.w.freshUser(x.t, x.target.branch())
	ctx, p := x.w.principalCtx(x.t, slug, "hr")
	s, err := x.env().App.Cases.CreateSession(ctx, p, cases.SessionIn{Title: "Matrix session", BranchID: x.w.branch[x.target.branch()].ID,
		ScheduledAt: x.env().Clock.Now().Add(-24 * time.Hour), CaseIDs: []int64{x.publishedIn(slug)}, AttendeeIDs: []int64{attendee}})
	if err != nil {
		x.t.Fatal(err)
	}
	fixtures[key] = s.ID
	return s.ID
}
