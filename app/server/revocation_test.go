package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"testing"
	"testing/fstest"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/server"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/web"
)

// secondInstance wires another app over the same database, as a second
// server behind a load balancer would be: its own authorizer and caches.
func secondInstance(t *testing.T, env *testkit.Env) *testkit.Env {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	spa := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>ServiceStar</title>")}}
	app, err := server.Wire(env.App.DB, env.App.Cfg, log, server.Options{Now: env.Clock.Now, SPA: fs.FS(spa)})
	if err != nil {
		t.Fatal(err)
	}
	return &testkit.Env{T: t, App: app, Clock: env.Clock}
}

// sameSession is a client of env carrying c's cookies: the same browser
// session, routed to another instance.
func sameSession(env *testkit.Env, c *testkit.Client) *testkit.Client {
	cl := env.Anonymous()
	for _, name := range []string{web.SessionCookie, web.PlatformCookie, web.CSRFCookie} {
		cl.SetCookie(name, c.Cookie(name))
	}
	return cl
}

type meRoles struct {
	Roles []struct {
		Role     string `json:"role"`
		BranchID int64  `json:"branch_id"`
	} `json:"roles"`
	Permissions []string `json:"permissions"`
}

func hasRole(t *testing.T, body, role string) bool {
	t.Helper()
	var me meRoles
	if err := json.Unmarshal([]byte(body), &me); err != nil {
		t.Fatalf("decode /me: %v: %s", err, body)
	}
	for _, r := range me.Roles {
		if r.Role == role {
			return true
		}
	}
	return false
}

// managerReads asserts what mgr.north's session may read right now, on one instance.
func managerReads(t *testing.T, when, instance string, env *testkit.Env, c *testkit.Client, w *world, want int) {
	t.Helper()
	emp := w.user["demo/emp.north.1"]
	for _, path := range []string{fmt.Sprintf("/api/v1/users/%d", emp), "/api/v1/users", "/api/v1/branches"} {
		if got := send(t, env, c, "GET", path, nil); got.Status != want {
			t.Errorf("%s, %s: mgr.north GET %s: %s, want %d", when, instance, path, got, want)
		}
	}
}

// TestRevocationRoleRemovedViaAPI: tenant admin removes mgr.north's manager
// role with PUT /api/v1/users/{id}/roles; the manager's existing session
// loses it on its very next request, on this instance and on a second one
// whose cached enforcer had already answered yes.
func TestRevocationRoleRemovedViaAPI(t *testing.T) {
	w := newWorld(t)
	env := w.env
	env2 := secondInstance(t, env)
	admin, r := signIn(t, env, "demo", "admin", demo.Password)
	if r.Status != 200 {
		t.Fatalf("admin sign-in: %s", r)
	}
	mgr, r := signIn(t, env, "demo", "mgr.north", demo.Password)
	if r.Status != 200 {
		t.Fatalf("mgr.north sign-in: %s", r)
	}
	mgr2 := sameSession(env2, mgr)
	mgrID := w.user["demo/mgr.north"]

	// Warm both instances' caches with allowed answers.
	for i := 0; i < 2; i++ {
		managerReads(t, "before", "instance 1", env, mgr, w, 200)
		managerReads(t, "before", "instance 2", env2, mgr2, w, 200)
	}

	got := send(t, env, admin, "PUT", fmt.Sprintf("/api/v1/users/%d/roles", mgrID), map[string]any{"roles": []any{}})
	if got.Status != 200 {
		t.Fatalf("PUT /api/v1/users/%d/roles (remove manager): %s, want 200", mgrID, got)
	}
	managerReads(t, "right after revocation", "instance 1", env, mgr, w, 403)
	managerReads(t, "right after revocation", "instance 2", env2, mgr2, w, 403)
	if me := send(t, env2, mgr2, "GET", "/api/v1/me", nil); me.Status != 200 || hasRole(t, me.Body, "manager") {
		t.Errorf("/me on instance 2 after revocation still lists manager: %s", me)
	}

	// Granting it back works at once too, and a revocation made on instance 2
	// reaches instance 1.
	got = send(t, env, admin, "PUT", fmt.Sprintf("/api/v1/users/%d/roles", mgrID), map[string]any{"roles": []any{map[string]any{"role": "manager", "branch_id": w.branch["demo/north"].ID}}})
	if got.Status != 200 {
		t.Fatalf("re-grant manager: %s", got)
	}
	managerReads(t, "after re-grant", "instance 1", env, mgr, w, 200)
	managerReads(t, "after re-grant", "instance 2", env2, mgr2, w, 200)
	admin2 := sameSession(env2, admin)
	if got := send(t, env2, admin2, "PUT", fmt.Sprintf("/api/v1/users/%d/roles", mgrID), map[string]any{"roles": []any{}}); got.Status != 200 {
		t.Fatalf("revoke on instance 2: %s", got)
	}
	managerReads(t, "after revocation on instance 2", "instance 1", env, mgr, w, 403)
}

// TestRevocationRoleRemovedViaService makes the same revocation through
// org.Service (the code the route calls), so the cache invalidation is
// proven even while the HTTP route cannot reach it.
func TestRevocationRoleRemovedViaService(t *testing.T) {
	w := newWorld(t)
	env := w.env
	env2 := secondInstance(t, env)
	mgr, r := signIn(t, env, "demo", "mgr.north", demo.Password)
	if r.Status != 200 {
		t.Fatalf("mgr.north sign-in: %s", r)
	}
	mgr2 := sameSession(env2, mgr)
	for i := 0; i < 2; i++ {
		managerReads(t, "before", "instance 1", env, mgr, w, 200)
		managerReads(t, "before", "instance 2", env2, mgr2, w, 200)
	}
	ctx, admin := w.adminCtx(t, "demo")
	if _, err := env.App.Org.SetRoles(ctx, admin, w.user["demo/mgr.north"], nil); err != nil {
		t.Fatalf("SetRoles: %v", err)
	}
	managerReads(t, "right after revocation", "instance 1", env, mgr, w, 403)
	managerReads(t, "right after revocation", "instance 2", env2, mgr2, w, 403)
	if me := send(t, env, mgr, "GET", "/api/v1/me", nil); me.Status != 200 || hasRole(t, me.Body, "manager") {
		t.Errorf("/me after revocation still lists manager: %s", me)
	}
}

// TestRevocationDisabledUserLosesSessionAtOnce: a user disabled by the admin
// is signed out on the next request, on every instance, and stays out.
func TestRevocationDisabledUserLosesSessionAtOnce(t *testing.T) {
	w := newWorld(t)
	env := w.env
	env2 := secondInstance(t, env)
	admin, r := signIn(t, env, "demo", "admin", demo.Password)
	if r.Status != 200 {
		t.Fatalf("admin sign-in: %s", r)
	}
	for _, tc := range []struct {
		user     string
		disabler *testkit.Env // which instance the admin uses
	}{{"emp.north.1", env}, {"mgr.north", env2}} {
		victim, r := signIn(t, env, "demo", tc.user, demo.Password)
		if r.Status != 200 {
			t.Fatalf("%s sign-in: %s", tc.user, r)
		}
		victim2 := sameSession(env2, victim)
		for _, c := range []struct {
			env *testkit.Env
			cl  *testkit.Client
		}{{env, victim}, {env2, victim2}} {
			if got := send(t, c.env, c.cl, "GET", "/api/v1/me", nil); got.Status != 200 {
				t.Fatalf("%s before disable: %s", tc.user, got)
			}
		}
		id := w.user["demo/"+tc.user]
		if got := send(t, tc.disabler, sameSession(tc.disabler, admin), "POST", fmt.Sprintf("/api/v1/users/%d/disable", id), nil); got.Status != 200 {
			t.Fatalf("disable %s: %s", tc.user, got)
		}
		for _, c := range []struct {
			name string
			env  *testkit.Env
			cl   *testkit.Client
		}{{"instance 1", env, victim}, {"instance 2", env2, victim2}} {
			if got := send(t, c.env, c.cl, "GET", "/api/v1/me", nil); got.Status != 401 {
				t.Errorf("%s disabled: next GET /me on %s: %s, want 401", tc.user, c.name, got)
			}
			if got := send(t, c.env, c.cl, "POST", "/api/v1/auth/logout", nil); got.Status != 204 {
				t.Errorf("%s disabled: logout on %s: %s", tc.user, c.name, got)
			}
		}
		if _, r := signIn(t, env, "demo", tc.user, demo.Password); r.Status != 401 {
			t.Errorf("disabled %s signs in: %s, want 401", tc.user, r)
		}
		// Enabling again does not revive the old session; a new sign-in works.
		if got := send(t, env, admin, "POST", fmt.Sprintf("/api/v1/users/%d/enable", id), nil); got.Status != 200 {
			t.Fatalf("enable %s: %s", tc.user, got)
		}
		if got := send(t, env, victim, "GET", "/api/v1/me", nil); got.Status != 401 {
			t.Errorf("%s re-enabled: old session answers %s, want 401", tc.user, got)
		}
		if _, r := signIn(t, env, "demo", tc.user, demo.Password); r.Status != 200 {
			t.Errorf("re-enabled %s cannot sign in: %s", tc.user, r)
		}
	}
}

// TestRevocationStatusCheckedOnEverySessionLookup: even when a user is
// disabled by a write that does not end sessions (a direct database change,
// another tool), the session lookup itself refuses a disabled user.
func TestRevocationStatusCheckedOnEverySessionLookup(t *testing.T) {
	w := newWorld(t)
	env := w.env
	emp, r := signIn(t, env, "demo", "emp.south.1", demo.Password)
	if r.Status != 200 {
		t.Fatalf("sign-in: %s", r)
	}
	if got := send(t, env, emp, "GET", "/api/v1/me", nil); got.Status != 200 {
		t.Fatalf("before: %s", got)
	}
	err := env.App.DB.W.WithContext(context.Background()).Model(&org.User{}).Scopes(store.Tenant(w.tenant["demo"])).
		Where("id = ?", w.user["demo/emp.south.1"]).Update("status", org.StatusDisabled).Error
	if err != nil {
		t.Fatal(err)
	}
	if got := send(t, env, emp, "GET", "/api/v1/me", nil); got.Status != 401 {
		t.Errorf("user disabled in the database: next request %s, want 401", got)
	}
}
