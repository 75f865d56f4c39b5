package server_test

import (
	"strconv"
	"strings"
	"time"

	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training/assignments"
)

// assignmentRows cover assignments, analytics, the inbox and notifications.
// "training.assign" creates and cancels under a branch of the caller's
// subtree; "training.progress" (assign or inspect) reads the numbers of the
// members in the caller's subtree.
func assignmentRows() []row {
	base := "/api/v1/training/assignments"
	due := func(x *cell) string { return x.env().Clock.Now().Add(72 * time.Hour).Format(time.RFC3339) }
	return append([]row{
		{method: "POST", path: base, access: perm, perm: "training.assign", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				return x.do("POST", base, map[string]any{"scenario_keys": []string{"lost-card-report"}, "branch_id": x.branchID(),
					"audience": "subtree", "due_at": due(x)})
			}},
		{method: "GET", path: base, access: perm, perm: "training.progress", ok: 200,
			run: func(x *cell) resp { return x.do("GET", base, nil) }},
		{method: "GET", path: "/api/v1/training/programmes", access: perm, perm: "training.progress", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/programmes", nil) }},
		{method: "GET", path: base + "/{id}", access: perm, perm: "training.progress", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", idPath(base+"/{id}", x.assignmentAt()), nil) }},
		{method: "POST", path: base + "/{id}/cancel", access: perm, perm: "training.assign", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("POST", idPath(base+"/{id}/cancel", x.assignmentAt()), nil) }},
		// Analytics: reviewers and auditors, over the attempts of their branches.
		{method: "GET", path: "/api/v1/training/analytics", access: perm, perm: "training.reviewread", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/analytics", nil) }},
		{method: "GET", path: "/api/v1/training/analytics/{key}", access: perm, perm: "training.reviewread", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/analytics/salary-to-fixed-deposit", nil) }},
		{method: "GET", path: "/api/v1/training/analytics/{key}/export", access: perm, perm: "training.reviewread", ok: 200,
			run: func(x *cell) resp {
				return x.do("GET", "/api/v1/training/analytics/salary-to-fixed-deposit/export", nil)
			}},
		{method: "GET", path: "/api/v1/training/inbox", access: perm, perm: "training.take", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/inbox", nil) }},
		{method: "GET", path: "/api/v1/notifications", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/notifications", nil) }},
		{method: "POST", path: "/api/v1/notifications/read-all", access: self, ok: 204,
			run: func(x *cell) resp { return x.do("POST", "/api/v1/notifications/read-all", nil) }},
		{method: "POST", path: "/api/v1/notifications/{id}/read", variant: "own", access: self, ok: 204,
			run: func(x *cell) resp {
				return x.do("POST", idPath("/api/v1/notifications/{id}/read", x.ownNotification()), nil)
			}},
		{method: "POST", path: "/api/v1/notifications/{id}/read", variant: "another user's", access: othersAttempt, object: true, ok: 204, foreign: 404,
			run: func(x *cell) resp {
				return x.do("POST", idPath("/api/v1/notifications/{id}/read", x.othersNotification()), nil)
			}},
	}, workflowRows()...)
}

// assignmentAt is an assignment (cached per row and target until a cell
// changes it) whose one member is the fixed user at the target, made under
// the target branch by that tenant's assigner.
func (x *cell) assignmentAt() int64 {
	if x.missing {
		return missingID
	}
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id
	}
	slug, assigner := "demo", "hr"
	if x.target == otherTenant {
		slug, assigner = "demo2", "mgr.1"
	}
	ctx, p := x.w.principalCtx(x.t, slug, assigner)
	as, _, err := x.env().App.Assignments.Assign(ctx, p, assignments.AssignInput{ScenarioKeys: []string{"lost-card-report"},
		BranchID: x.w.branch[x.target.branch()].ID, Audience: assignments.AudienceUsers, UserIDs: []int64{x.w.user[x.target.user()]},
		DueAt: x.env().Clock.Now().Add(72 * time.Hour)})
	if err != nil {
		x.t.Fatalf("assignment fixture at %s: %v", x.target, err)
	}
	fixtures[x.fixtureKey()] = as[0].ID
	return as[0].ID
}

// notificationOf writes a notification to a user (fixture setup).
func (x *cell) notificationOf(slug, username string) int64 {
	user := x.w.user[slug+"/"+username]
	db := x.env().App.DB.W
	if err := notify.Push(db, x.w.tenant[slug], []int64{user}, "matrix.fixture", 0, map[string]string{"n": strconv.Itoa(x.w.next())}, x.env().Clock.Now()); err != nil {
		x.t.Fatal(err)
	}
	var n notify.Notification
	if err := db.Scopes(store.Tenant(x.w.tenant[slug])).Where("user_id = ?", user).Order("id DESC").Take(&n).Error; err != nil {
		x.t.Fatal(err)
	}
	return n.ID
}

// ownNotification is a fresh notification of the caller.
func (x *cell) ownNotification() int64 {
	if x.caller.kind != member {
		return missingID
	}
	return x.notificationOf(x.caller.tenant, x.caller.username)
}

// othersNotification is a notification of the fixed user at the target.
func (x *cell) othersNotification() int64 {
	if x.missing {
		return missingID
	}
	slug, username, _ := strings.Cut(x.target.user(), "/")
	return x.notificationOf(slug, username)
}
