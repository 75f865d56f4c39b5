package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/server"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/web"
)

// ---------------------------------------------------------------------------
// Shared helpers of the security tests (matrix, isolation, revocation, bad
// input). testkit's Client.Do hides response headers, and these tests need the
// Content-Type of every error, so requests are sent here with the client's
// cookies and CSRF header.

type resp struct {
	Status  int
	CType   string
	Body    string
	Cookies []*http.Cookie
}

func (r resp) String() string {
	b := r.Body
	if len(b) > 300 {
		b = b[:300] + "…"
	}
	return fmt.Sprintf("%d %s", r.Status, b)
}

func sendReq(t testing.TB, env *testkit.Env, c *testkit.Client, req *http.Request) resp {
	t.Helper()
	if c != nil {
		for _, name := range []string{web.SessionCookie, web.PlatformCookie, web.CSRFCookie} {
			if v := c.Cookie(name); v != "" {
				req.AddCookie(&http.Cookie{Name: name, Value: v})
			}
		}
		if v := c.Cookie(web.CSRFCookie); v != "" {
			req.Header.Set(web.CSRFHeader, v)
		}
	}
	res, err := env.App.HTTP.Fiber.Test(req, -1)
	if err != nil {
		t.Errorf("%s %s: %v", req.Method, req.URL, err)
		return resp{}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{Status: res.StatusCode, CType: res.Header.Get("Content-Type"), Body: string(b), Cookies: res.Cookies()}
}

// send issues a JSON request (body nil, raw string/[]byte, or a value to encode).
func send(t testing.TB, env *testkit.Env, c *testkit.Client, method, path string, body any) resp {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return sendReq(t, env, c, req)
}

// upload posts one file as multipart form field "file".
func upload(t testing.TB, env *testkit.Env, c *testkit.Client, path, filename string, data []byte) resp {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, _ := w.CreateFormFile("file", filename)
	_, _ = fw.Write(data)
	_ = w.Close()
	req := httptest.NewRequest("POST", path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return sendReq(t, env, c, req)
}

// signIn logs a tenant user in without testkit's Fatal (which must not be
// called on a parent test from elsewhere) and returns a client holding the cookies.
func signIn(t testing.TB, env *testkit.Env, tenant, username, pw string) (*testkit.Client, resp) {
	t.Helper()
	c := env.Anonymous()
	r := send(t, env, c, "POST", "/api/v1/auth/login", map[string]string{"tenant": tenant, "username": username, "password": pw})
	for _, ck := range r.Cookies {
		c.SetCookie(ck.Name, ck.Value)
	}
	return c, r
}

func signInOperator(t testing.TB, env *testkit.Env) (*testkit.Client, resp) {
	t.Helper()
	c := env.Anonymous()
	r := send(t, env, c, "POST", "/api/v1/platform/auth/login", map[string]string{"username": "operator", "password": "operator12345"})
	for _, ck := range r.Cookies {
		c.SetCookie(ck.Name, ck.Value)
	}
	return c, r
}

// isProblem reports whether a response is RFC 9457 problem+json.
func isProblem(r resp) bool {
	if !strings.HasPrefix(r.CType, "application/problem+json") {
		return false
	}
	var m map[string]any
	return json.Unmarshal([]byte(r.Body), &m) == nil && m["status"] != nil
}

// problemLocations lists errors[].location of a problem body.
func problemLocations(body string) []string {
	var p huma.ErrorModel
	_ = json.Unmarshal([]byte(body), &p)
	var out []string
	for _, e := range p.Errors {
		if e != nil {
			out = append(out, e.Location)
		}
	}
	return out
}

// shape is a response with the parts that legitimately differ between two
// requests (echoed values, import keys) removed: an object from another
// tenant must answer with the same shape as a missing one.
func shape(r resp) string {
	var v any
	if err := json.Unmarshal([]byte(r.Body), &v); err != nil {
		return fmt.Sprintf("%d %s", r.Status, r.Body)
	}
	var scrub func(any) any
	scrub = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "value")
			delete(x, "key")
			for k, e := range x {
				x[k] = scrub(e)
			}
		case []any:
			for i, e := range x {
				x[i] = scrub(e)
			}
		}
		return v
	}
	b, _ := json.Marshal(scrub(v))
	return fmt.Sprintf("%d %s %s", r.Status, r.CType, b)
}

// world is a seeded app plus what the tests need to address its objects.
type world struct {
	env    *testkit.Env
	tenant map[string]int64             // slug → id
	branch map[string]org.Branch        // "demo/north", "demo2/kunming", "demo/HQ", …
	user   map[string]int64             // "demo/admin", "demo2/emp.1", …
	hash   string                       // demo password, hashed once for fixture users
	seq    int                          // unique suffix for codes and names
	admins map[string]*access.Principal // "slug/username" → a principal, for fixtures
}

func newWorld(t testing.TB) *world {
	t.Helper()
	env := testkit.New(t)
	w := &world{env: env, tenant: map[string]int64{}, branch: map[string]org.Branch{}, user: map[string]int64{}, admins: map[string]*access.Principal{}}
	ctx := context.Background()
	for _, slug := range []string{"demo", "demo2"} {
		tn, err := env.App.Org.TenantBySlug(ctx, slug)
		if err != nil || tn == nil {
			t.Fatalf("tenant %s: %v", slug, err)
		}
		w.tenant[slug] = tn.ID
		var bs []org.Branch
		if err := env.App.DB.R.Scopes(store.Tenant(tn.ID)).Find(&bs).Error; err != nil {
			t.Fatal(err)
		}
		for _, b := range bs {
			w.branch[slug+"/"+b.Code] = b
		}
		var us []org.User
		if err := env.App.DB.R.Scopes(store.Tenant(tn.ID)).Find(&us).Error; err != nil {
			t.Fatal(err)
		}
		for _, u := range us {
			w.user[slug+"/"+u.Username] = u.ID
		}
	}
	h, err := password.Hash(demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	w.hash = h
	return w
}

func (w *world) next() int { w.seq++; return w.seq }

// adminCtx returns the tenant admin as a service principal (with a current
// policy version) and a context carrying it, for creating fixtures directly
// through org.Service: setup, not the thing under test.
func (w *world) adminCtx(t testing.TB, slug string) (context.Context, *access.Principal) {
	return w.principalCtx(t, slug, "admin")
}

// principalCtx is adminCtx for any user of a tenant.
func (w *world) principalCtx(t testing.TB, slug, username string) (context.Context, *access.Principal) {
	t.Helper()
	ctx := context.Background()
	key := slug + "/" + username
	p := w.admins[key]
	if p == nil {
		tid := w.tenant[slug]
		var u org.User
		if err := w.env.App.DB.R.Scopes(store.Tenant(tid)).Where("username = ?", username).Take(&u).Error; err != nil {
			t.Fatal(err)
		}
		var b org.Branch
		if err := w.env.App.DB.R.Scopes(store.Tenant(tid)).Where("id = ?", u.BranchID).Take(&b).Error; err != nil {
			t.Fatal(err)
		}
		p = &access.Principal{TenantID: tid, TenantSlug: slug, UserID: u.ID, Username: u.Username, DisplayName: u.DisplayName, BranchID: b.ID, BranchPath: b.Path}
		w.admins[key] = p
	}
	if err := w.env.App.Org.Refresh(ctx, p); err != nil {
		t.Fatal(err)
	}
	return access.With(ctx, p), p
}

// freshBranch creates an empty leaf branch under parent ("demo/north").
func (w *world) freshBranch(t testing.TB, parent string) int64 {
	t.Helper()
	slug := strings.SplitN(parent, "/", 2)[0]
	ctx, p := w.adminCtx(t, slug)
	n := w.next()
	b, err := w.env.App.Org.CreateBranch(ctx, p, org.BranchInput{ParentID: w.branch[parent].ID, Code: fmt.Sprintf("fx-b%d", n), Name: fmt.Sprintf("Fixture branch %d", n)})
	if err != nil {
		t.Fatalf("fixture branch under %s: %v", parent, err)
	}
	return b.ID
}

// freshUser creates an active employee whose home is branch ("demo/south").
func (w *world) freshUser(t testing.TB, branch string, roles ...org.RoleGrant) int64 {
	t.Helper()
	slug := strings.SplitN(branch, "/", 2)[0]
	ctx, p := w.adminCtx(t, slug)
	n := w.next()
	u, err := w.env.App.Org.CreateUser(ctx, p, org.NewUser{Username: fmt.Sprintf("fx.u%d", n), DisplayName: fmt.Sprintf("Fixture %d", n),
		EmployeeCode: fmt.Sprintf("FX%05d", n), Password: demo.Password, PasswordHash: w.hash, BranchID: w.branch[branch].ID, Roles: roles, Ready: true})
	if err != nil {
		t.Fatalf("fixture user in %s: %v", branch, err)
	}
	return u.ID
}

// ---------------------------------------------------------------------------
// The authorization matrix.

type callerKind int

const (
	anonymous callerKind = iota
	member
	operator
)

// caller is a demo login and what its role may do according to the product
// rules (ISSUE 2 and ARCHITECTURE.md), written out here rather than read from
// policy.csv so the matrix checks the policy instead of repeating it:
// tenant_admin manages branches and users and reads the audit log; hr and
// auditor read everything in the tenant and change nothing; a manager reads
// the branches and users of his subtree; an employee has none of these.
// Everyone but the auditor also holds the employee grant at home
// ("training.take": play scenarios); the auditor holds no other role.
type caller struct {
	name             string
	kind             callerKind
	tenant, username string
	can              map[string]string // "users.read" → branch key of the grant ("demo/north")
}

func (c caller) String() string { return c.name }

var (
	adminCan = func(slug string) map[string]string {
		root := slug + "/HQ"
		return map[string]string{"branches.read": root, "branches.write": root, "users.read": root, "users.write": root, "audit.read": root, "tenant.write": root, "jobs.read": root, "training.take": root,
			"feedback.appeal": root, "kpi.self": root, "kpi.any": root,
			"awards.view": root, "awards.any": root,
			"careers.self": root, "careers.any": root, "suggestions.submit": root, "suggestions.any": root,
			"cases.read": root, "cases.write": root}
	}
)

var callers = []caller{
	{name: "anonymous", kind: anonymous},
	{name: "admin", kind: member, tenant: "demo", username: "admin", can: adminCan("demo")},
	{name: "hr", kind: member, tenant: "demo", username: "hr", can: map[string]string{"branches.read": "demo/HQ", "users.read": "demo/HQ", "audit.read": "demo/HQ",
		"training.manage": "demo/HQ", "training.review": "demo/HQ", "training.reviewread": "demo/HQ", "training.assign": "demo/HQ", "training.progress": "demo/HQ",
		"jobs.read": "demo/HQ", "training.take": "demo/HQ", "kpi.self": "demo/HQ", "kpi.review": "demo/HQ", "kpi.manage": "demo/HQ", "kpi.any": "demo/HQ",
		"feedback.import": "demo/HQ", "feedback.read": "demo/HQ", "feedback.decide": "demo/HQ", "feedback.appeal": "demo/HQ",
		"awards.view": "demo/HQ", "awards.manage": "demo/HQ", "awards.any": "demo/HQ", "awards.decide": "demo/HQ",
		"careers.self": "demo/HQ", "careers.manage": "demo/HQ", "careers.any": "demo/HQ", "careers.people": "demo/HQ",
		"suggestions.submit": "demo/HQ", "suggestions.review": "demo/HQ", "suggestions.pay": "demo/HQ", "suggestions.any": "demo/HQ",
		"cases.read": "demo/HQ", "cases.write": "demo/HQ", "cases.review": "demo/HQ", "cases.manage": "demo/HQ"}},
	{name: "auditor", kind: member, tenant: "demo", username: "auditor", can: map[string]string{"branches.read": "demo/HQ", "users.read": "demo/HQ", "audit.read": "demo/HQ",
		"training.reviewread": "demo/HQ", "training.progress": "demo/HQ", "jobs.read": "demo/HQ",
		"awards.view": "demo/HQ", "awards.any": "demo/HQ",
		"cases.read": "demo/HQ"}},
	{name: "mgr.north", kind: member, tenant: "demo", username: "mgr.north", can: map[string]string{"branches.read": "demo/north", "users.read": "demo/north",
		"training.review": "demo/north", "training.reviewread": "demo/north", "training.assign": "demo/north", "training.progress": "demo/north", "training.take": "demo/north",
		"feedback.read": "demo/north", "feedback.decide": "demo/north", "feedback.appeal": "demo/north", "kpi.self": "demo/north", "kpi.review": "demo/north", "kpi.any": "demo/north",
		"awards.view": "demo/north", "awards.nominate": "demo/north", "awards.any": "demo/north",
		"careers.self": "demo/north", "careers.review": "demo/north", "careers.any": "demo/north", "careers.people": "demo/north",
		"suggestions.submit": "demo/north", "suggestions.review": "demo/north", "suggestions.any": "demo/north",
		"cases.read": "demo/north", "cases.write": "demo/north", "cases.review": "demo/north"}},
	{name: "emp.north.1", kind: member, tenant: "demo", username: "emp.north.1", can: map[string]string{"training.take": "demo/north-chaoyang", "feedback.appeal": "demo/north-chaoyang", "kpi.self": "demo/north-chaoyang", "kpi.any": "demo/north-chaoyang",
		"awards.view": "demo/north-chaoyang", "awards.any": "demo/north-chaoyang",
		"careers.self": "demo/north-chaoyang", "careers.any": "demo/north-chaoyang", "suggestions.submit": "demo/north-chaoyang", "suggestions.any": "demo/north-chaoyang",
		"cases.read": "demo/north-chaoyang", "cases.write": "demo/north-chaoyang"}},
	{name: "emp.south.1", kind: member, tenant: "demo", username: "emp.south.1", can: map[string]string{"training.take": "demo/south", "feedback.appeal": "demo/south", "kpi.self": "demo/south", "kpi.any": "demo/south",
		"awards.view": "demo/south", "awards.any": "demo/south",
		"careers.self": "demo/south", "careers.any": "demo/south", "suggestions.submit": "demo/south", "suggestions.any": "demo/south",
		"cases.read": "demo/south", "cases.write": "demo/south"}},
	{name: "demo2.admin", kind: member, tenant: "demo2", username: "admin", can: adminCan("demo2")},
	{name: "operator", kind: operator},
}

// target says where the object of a request sits, seen from the North
// branch (the one mgr.north manages): at North itself, in its sub-branch
// Chaoyang, in the sibling South branch, or in the other tenant's Kunming
// branch. A user object lives there (home branch; writes use a fresh user
// there); a branch object is that branch (rename), or for moves and closes a
// fresh empty leaf under it; for creates and imports it is the parent / home
// branch named in the body; for ?branch_id= it is the filter.
type target int

const (
	noObject target = iota
	ownBranch
	childBranch
	siblingBranch
	otherTenant
)

var objectTargets = []target{ownBranch, childBranch, siblingBranch, otherTenant}

func (tg target) String() string {
	return [...]string{"-", "own branch", "child branch", "sibling branch", "other tenant"}[tg]
}

func (tg target) branch() string {
	return [...]string{"", "demo/north", "demo/north-chaoyang", "demo/south", "demo2/kunming"}[tg]
}

func (tg target) tenant() string { return strings.SplitN(tg.branch(), "/", 2)[0] }

// fixed users at each position, for read-only rows.
func (tg target) user() string {
	return [...]string{"", "demo/staff.north.1", "demo/emp.north.1", "demo/emp.south.1", "demo2/emp.1"}[tg]
}

// missingID exists in no tenant: a foreign id must answer exactly like it.
const missingID = 2_000_000_000

type accessKind int

const (
	public   accessKind = iota // anyone: sign-in and sign-out
	self                       // any signed-in tenant user, about themself
	platform                   // the platform operator only
	perm                       // a tenant permission, maybe on an object
)

type row struct {
	method, path string // exactly as registered in the OpenAPI document
	variant      string
	access       accessKind
	perm         string
	object       bool
	ok           int // the success status
	// foreign is the answer when the object is not in the caller's tenant
	// (and for an id that exists nowhere): 404 for an object named in the URL;
	// 422 naming the field when a body refers to a branch, which is a
	// validation answer that is identical for a missing branch.
	foreign      int
	freshSession bool // the cell ends or rotates sessions: run it on a new session of the caller
	run          func(x *cell) resp
	check        func(x *cell, r resp) // extra checks on success (lists: nothing leaks)
}

func (r row) key() string { return r.method + " " + r.path }

func (r row) name() string {
	if r.variant != "" {
		return r.key() + " " + r.variant
	}
	return r.key()
}

type cell struct {
	row     string // the row's name, for the fixture cache
	t       *testing.T
	w       *world
	caller  caller
	target  target
	client  *testkit.Client
	missing bool
}

func (x *cell) env() *testkit.Env { return x.w.env }

func (x *cell) do(method, path string, body any) resp {
	return send(x.t, x.w.env, x.client, method, path, body)
}

// branchID is the target branch (or a missing id).
func (x *cell) branchID() int64 {
	if x.missing {
		return missingID
	}
	return x.w.branch[x.target.branch()].ID
}

func (x *cell) branchCode() string {
	if x.missing {
		return "no-such-branch-code"
	}
	return x.w.branch[x.target.branch()].Code
}

// fixedUser is the read-only user at the target.
func (x *cell) fixedUser() int64 {
	if x.missing {
		return missingID
	}
	return x.w.user[x.target.user()]
}

// fixtures holds the object of each (row, target) until a cell changes it:
// cells that are refused leave it as it was, so the next caller reuses it.
var fixtures = map[string]int64{}

func (x *cell) fixtureKey() string { return x.row + "|" + x.target.String() }

// freshBranch is an empty leaf under the target branch, untouched so far.
func (x *cell) freshBranch() int64 {
	if x.missing {
		return missingID
	}
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id
	}
	id := x.w.freshBranch(x.t, x.target.branch())
	fixtures[x.fixtureKey()] = id
	return id
}

// freshUser is an employee at the target branch, untouched so far.
func (x *cell) freshUser() int64 {
	if x.missing {
		return missingID
	}
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id
	}
	id := x.w.freshUser(x.t, x.target.branch())
	fixtures[x.fixtureKey()] = id
	return id
}

// dest is a valid destination in the object's own tenant (for moves).
func (x *cell) dest() int64 {
	if x.target == otherTenant {
		return x.w.branch["demo2/HQ"].ID
	}
	return x.w.branch["demo/east"].ID
}

// expect derives a cell's status from the rules: 401 anonymous; 403 when the
// role may do the action nowhere; 404 (or the row's foreign answer) when the
// object is outside the caller's subtree or tenant; the success status otherwise.
func (r row) expect(c caller, tg target, w *world) int {
	switch r.access {
	case othersAttempt:
		return expectOthersAttempt(c, tg, r.ok)
	case ownAttempt:
		return expectOwnAttempt(c, r.ok)
	case public:
		return r.ok
	case platform:
		if c.kind == operator {
			return r.ok
		}
		return http.StatusUnauthorized
	case self:
		if c.kind == member {
			return r.ok
		}
		return http.StatusUnauthorized
	}
	if c.kind != member {
		return http.StatusUnauthorized
	}
	scope, ok := c.can[r.perm]
	if !ok {
		return http.StatusForbidden
	}
	if !r.object {
		return r.ok
	}
	if tg.tenant() != c.tenant {
		return r.foreign
	}
	if strings.HasPrefix(w.branch[tg.branch()].Path, w.branch[scope].Path) {
		return r.ok
	}
	return http.StatusNotFound
}

func idPath(pattern string, id int64) string {
	return strings.Replace(pattern, "{id}", fmt.Sprint(id), 1)
}

// usersListCheck and branchesListCheck check that a list holds only the
// caller's tenant's objects, inside the caller's scope, and all of them.
func usersListCheck(x *cell, r resp) {
	var out struct {
		Items []struct {
			ID         int64  `json:"id"`
			TenantID   int64  `json:"tenant_id"`
			BranchPath string `json:"branch_path"`
		} `json:"items"`
		Total int64 `json:"total"`
	}
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		x.t.Errorf("%s: users list: %v", x.caller, err)
		return
	}
	tid := x.w.tenant[x.caller.tenant]
	scope := x.w.branch[x.caller.can["users.read"]].Path
	for _, it := range out.Items {
		if it.TenantID != tid || !strings.HasPrefix(it.BranchPath, scope) {
			x.t.Errorf("LEAK: %s listed user %d (tenant %d, branch %s) outside tenant %d scope %s", x.caller, it.ID, it.TenantID, it.BranchPath, tid, scope)
			leaks++
		}
	}
	var want int64
	lo, hi := authz.PathRange(scope)
	if err := x.env().App.DB.R.Model(&org.User{}).Scopes(store.Tenant(tid)).
		Joins("JOIN branches b ON b.tenant_id = users.tenant_id AND b.id = users.branch_id").
		Where("b.path >= ? AND b.path < ?", lo, hi).Count(&want).Error; err != nil {
		x.t.Fatal(err)
	}
	if out.Total != want {
		x.t.Errorf("%s: users list total %d, want %d (users under %s in tenant %d)", x.caller, out.Total, want, scope, tid)
	}
}

func branchesListCheck(x *cell, r resp) {
	var out struct {
		Items []struct {
			ID   int64  `json:"id"`
			Path string `json:"path"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		x.t.Errorf("%s: branches list: %v", x.caller, err)
		return
	}
	tid := x.w.tenant[x.caller.tenant]
	scope := x.w.branch[x.caller.can["branches.read"]].Path
	var ids []int64
	for _, it := range out.Items {
		ids = append(ids, it.ID)
		if !strings.HasPrefix(it.Path, scope) {
			x.t.Errorf("LEAK: %s listed branch %d at %s outside scope %s", x.caller, it.ID, it.Path, scope)
			leaks++
		}
	}
	var mine int64
	if len(ids) > 0 {
		if err := x.env().App.DB.R.Model(&org.Branch{}).Scopes(store.Tenant(tid)).Where("id IN ?", ids).Count(&mine).Error; err != nil {
			x.t.Fatal(err)
		}
	}
	if int(mine) != len(ids) {
		x.t.Errorf("LEAK: %s listed %d branches of which only %d are in its tenant", x.caller, len(ids), mine)
		leaks++
	}
	var want int64
	lo, hi := authz.PathRange(scope)
	if err := x.env().App.DB.R.Model(&org.Branch{}).Scopes(store.Tenant(tid)).Where("path >= ? AND path < ?", lo, hi).Count(&want).Error; err != nil {
		x.t.Fatal(err)
	}
	if int64(len(ids)) != want {
		x.t.Errorf("%s: branches list has %d items, want %d", x.caller, len(ids), want)
	}
}

func auditListCheck(x *cell, r resp) {
	var out struct {
		Total int64 `json:"total"`
	}
	_ = json.Unmarshal([]byte(r.Body), &out)
	var want int64
	if err := x.env().App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(x.w.tenant[x.caller.tenant])).Count(&want).Error; err != nil {
		x.t.Fatal(err)
	}
	if out.Total != want {
		x.t.Errorf("%s: audit total %d, want %d (its tenant's entries only)", x.caller, out.Total, want)
	}
}

var leaks int

func matrixRows() []row {
	pw := demo.Password
	userPath := "/api/v1/users/{id}"
	userWrite := func(method, path string, ok int, body func(x *cell) any) row {
		return row{method: method, path: path, access: perm, perm: "users.write", object: true, ok: ok, foreign: 404,
			run: func(x *cell) resp { return x.do(method, idPath(path, x.freshUser()), body(x)) }}
	}
	return append([]row{
		// Sign-in and sign-out are open to everyone.
		{method: "POST", path: "/api/v1/auth/login", access: public, ok: 200, freshSession: true,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/auth/login", map[string]string{"tenant": "demo", "username": "staff.east.1", "password": pw})
			}},
		{method: "POST", path: "/api/v1/auth/logout", access: public, ok: 204, freshSession: true,
			run: func(x *cell) resp {
				r := x.do("POST", "/api/v1/auth/logout", nil)
				if x.caller.kind == member {
					if me := x.do("GET", "/api/v1/me", nil); me.Status != 401 {
						x.t.Errorf("%s: session still alive after logout: GET /me %s", x.caller, me)
					}
				}
				return r
			}},
		{method: "GET", path: "/api/v1/me", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/me", nil) }},
		{method: "POST", path: "/api/v1/me/password", access: self, ok: 204, freshSession: true,
			run: func(x *cell) resp {
				r := x.do("POST", "/api/v1/me/password", map[string]string{"current_password": pw, "new_password": "Matrix-Changed-2026"})
				if r.Status == 204 { // put it back; the other sessions of the user have ended
					if back := x.do("POST", "/api/v1/me/password", map[string]string{"current_password": "Matrix-Changed-2026", "new_password": pw}); back.Status != 204 {
						x.t.Fatalf("%s: restore password: %s", x.caller, back)
					}
					delete(sessions, x.caller.name)
				}
				return r
			}},
		{method: "POST", path: "/api/v1/platform/auth/login", access: public, ok: 200, freshSession: true,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/platform/auth/login", map[string]string{"username": "operator", "password": "operator12345"})
			}},
		{method: "POST", path: "/api/v1/platform/auth/logout", access: public, ok: 204, freshSession: true,
			run: func(x *cell) resp {
				r := x.do("POST", "/api/v1/platform/auth/logout", nil)
				if x.caller.kind == operator {
					if me := x.do("GET", "/api/v1/platform/me", nil); me.Status != 401 {
						x.t.Errorf("operator session alive after logout: %s", me)
					}
				}
				return r
			}},
		// Platform routes: the operator only; tenant sessions are not platform sessions.
		{method: "GET", path: "/api/v1/platform/me", access: platform, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/platform/me", nil) }},
		{method: "GET", path: "/api/v1/platform/tenants", access: platform, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/platform/tenants", nil) }},
		{method: "POST", path: "/api/v1/platform/tenants", access: platform, ok: 200,
			run: func(x *cell) resp {
				n := x.w.next()
				return x.do("POST", "/api/v1/platform/tenants", map[string]string{"slug": fmt.Sprintf("mx-bank-%d", n), "name": fmt.Sprintf("Matrix bank %d", n), "admin_username": "admin", "admin_password": "first-pass-1"})
			}},
		// Branches.
		{method: "GET", path: "/api/v1/branches", access: perm, perm: "branches.read", ok: 200, check: branchesListCheck,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/branches", nil) }},
		{method: "POST", path: "/api/v1/branches", access: perm, perm: "branches.write", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				n := x.w.next()
				return x.do("POST", "/api/v1/branches", map[string]any{"parent_id": x.branchID(), "code": fmt.Sprintf("mx-b%d", n), "name": fmt.Sprintf("Matrix %d", n)})
			}},
		{method: "GET", path: "/api/v1/branches/{id}", access: perm, perm: "branches.read", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", idPath("/api/v1/branches/{id}", x.branchID()), nil) }},
		{method: "PATCH", path: "/api/v1/branches/{id}", access: perm, perm: "branches.write", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("PATCH", idPath("/api/v1/branches/{id}", x.branchID()), map[string]string{"name": fmt.Sprintf("Renamed %d", x.w.next())})
			}},
		{method: "POST", path: "/api/v1/branches/{id}/move", access: perm, perm: "branches.write", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("POST", idPath("/api/v1/branches/{id}/move", x.freshBranch()), map[string]int64{"parent_id": x.dest()})
			}},
		{method: "POST", path: "/api/v1/branches/{id}/close", access: perm, perm: "branches.write", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("POST", idPath("/api/v1/branches/{id}/close", x.freshBranch()), nil) }},
		{method: "POST", path: "/api/v1/branches/import", access: perm, perm: "branches.write", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				n := x.w.next()
				csv := fmt.Sprintf("code,name,parent_code\nmx-i%d,Imported %d,%s\n", n, n, x.branchCode())
				return upload(x.t, x.env(), x.client, "/api/v1/branches/import", "branches.csv", []byte(csv))
			}},
		// Users.
		{method: "GET", path: "/api/v1/users", access: perm, perm: "users.read", ok: 200, check: usersListCheck,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/users?page_size=200", nil) }},
		{method: "GET", path: "/api/v1/users", variant: "?branch_id=", access: perm, perm: "users.read", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", fmt.Sprintf("/api/v1/users?branch_id=%d", x.branchID()), nil) }},
		{method: "GET", path: userPath, access: perm, perm: "users.read", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("GET", idPath(userPath, x.fixedUser()), nil) }},
		{method: "POST", path: "/api/v1/users", access: perm, perm: "users.write", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				n := x.w.next()
				return x.do("POST", "/api/v1/users", map[string]any{"username": fmt.Sprintf("mx.u%d", n), "display_name": fmt.Sprintf("Matrix %d", n),
					"employee_code": fmt.Sprintf("MX%05d", n), "branch_id": x.branchID(), "password": "Matrix-Pass-2026"})
			}},
		userWrite("PATCH", userPath, 200, func(x *cell) any { return map[string]string{"display_name": "Matrix renamed"} }),
		userWrite("POST", "/api/v1/users/{id}/move", 200, func(x *cell) any { return map[string]int64{"branch_id": x.dest()} }),
		userWrite("POST", "/api/v1/users/{id}/disable", 200, func(x *cell) any { return nil }),
		userWrite("POST", "/api/v1/users/{id}/enable", 200, func(x *cell) any { return nil }),
		userWrite("POST", "/api/v1/users/{id}/reset-password", 204, func(x *cell) any { return map[string]string{"password": "Matrix-Reset-2026"} }),
		userWrite("PUT", "/api/v1/users/{id}/roles", 200, func(x *cell) any { return map[string]any{"roles": []any{}} }),
		{method: "POST", path: "/api/v1/users/import", access: perm, perm: "users.write", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				n := x.w.next()
				csv := fmt.Sprintf("username,display_name,employee_code,branch_code,password\nmx.i%d,Imported %d,MXI%05d,%s,Matrix-Pass-2026\n", n, n, n, x.branchCode())
				return upload(x.t, x.env(), x.client, "/api/v1/users/import", "users.csv", []byte(csv))
			}},
		// Tenant settings.
		{method: "PATCH", path: "/api/v1/tenant", access: perm, perm: "tenant.write", ok: 200,
			run: func(x *cell) resp {
				return x.do("PATCH", "/api/v1/tenant", map[string]string{"time_zone": "Asia/Shanghai"})
			}},
		// Audit log.
		{method: "GET", path: "/api/v1/audit", access: perm, perm: "audit.read", ok: 200, check: auditListCheck,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/audit", nil) }},
	}, slices.Concat(trainingRows(), libraryRows(), assignmentRows(), jobsRows(), auditChainRows(), feedbackRows(), kpiRows(), casesRows(), awardsRows(), careersRows(), suggestionsRows(), retentionRows(), readlogRows(), mfaRows(), importTemplateRows(), ssoRows())...)
}

// sessions caches one signed-in client per caller; a cell that ends the
// caller's other sessions drops it.
var sessions = map[string]*testkit.Client{}

func sessionOf(t *testing.T, env *testkit.Env, c caller, fresh bool) *testkit.Client {
	t.Helper()
	if cl, ok := sessions[c.name]; ok && !fresh {
		return cl
	}
	var cl *testkit.Client
	var r resp
	switch c.kind {
	case anonymous:
		return env.Anonymous()
	case operator:
		cl, r = signInOperator(t, env)
	default:
		cl, r = signIn(t, env, c.tenant, c.username, demo.Password)
	}
	if r.Status != 200 {
		t.Fatalf("sign in %s: %s", c, r)
	}
	if !fresh {
		sessions[c.name] = cl
	}
	return cl
}

// TestAuthzMatrix runs every registered route × every demo caller × every
// object position and asserts the exact status of each cell.
func TestAuthzMatrix(t *testing.T) {
	w := newWorld(t)
	env := w.env
	sessions = map[string]*testkit.Client{}
	fixtures = map[string]int64{}
	leaks = 0
	rows := matrixRows()

	// Every route of every module must have rows: the matrix grows with the
	// API, and a module whose routes have none fails here by name.
	have := map[string]bool{}
	for _, r := range rows {
		have[r.key()] = true
	}
	reg := server.Operations(env.App.HTTP.API)
	owned := map[string]bool{}
	for _, m := range env.App.Modules {
		var missing []string
		for _, op := range env.App.RoutesOf[m.Name] {
			owned[op] = true
			if !have[op] {
				missing = append(missing, op)
			}
		}
		if len(missing) > 0 {
			t.Errorf("module %s: routes with no rows in the authorization matrix (add them to matrixRows): %v", m.Name, missing)
		}
	}
	var unowned, stale []string
	for k := range reg {
		if !owned[k] {
			unowned = append(unowned, k)
		}
	}
	for k := range have {
		if !reg[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(unowned)
	sort.Strings(stale)
	if len(unowned) > 0 {
		t.Errorf("routes registered outside any module (register them in a module's Routes): %v", unowned)
	}
	if len(stale) > 0 {
		t.Errorf("matrix rows for routes that are not registered: %v", stale)
	}

	cells, crossCells, crossOK := 0, 0, 0
	var grids []string
	for _, r := range rows {
		targets := []target{noObject}
		if r.object {
			targets = objectTargets
		}
		grid := &strings.Builder{}
		fmt.Fprintf(grid, "%s\n  %-12s", r.name(), "caller")
		for _, tg := range targets {
			fmt.Fprintf(grid, " %-14s", tg)
		}
		if r.object {
			fmt.Fprintf(grid, " %-14s", "missing id")
		}
		wrong := 0
		mark := func(got resp, want int) {
			if got.Status == want {
				fmt.Fprintf(grid, " %-14d", got.Status)
				return
			}
			wrong++
			fmt.Fprintf(grid, " %-14s", fmt.Sprintf("%d (want %d)", got.Status, want))
		}
		for _, c := range callers {
			fmt.Fprintf(grid, "\n  %-12s", c)
			answers := map[target]resp{}
			for _, tg := range targets {
				x := &cell{row: r.name(), t: t, w: w, caller: c, target: tg, client: sessionOf(t, env, c, r.freshSession)}
				got := r.run(x)
				if got.Status < 400 {
					delete(fixtures, x.fixtureKey()) // changed (or it should have been refused): next caller gets a new one
				}
				answers[tg] = got
				cells++
				want := r.expect(c, tg, w)
				mark(got, want)
				label := fmt.Sprintf("%s × %s × %s", r.name(), c, tg)
				if got.Status >= 400 && !isProblem(got) {
					t.Errorf("%s: error is not problem+json: Content-Type %q, body %s", label, got.CType, got)
				}
				if c.kind == member && tg != noObject && tg.tenant() != c.tenant {
					crossCells++
					if got.Status < 400 {
						crossOK++
						t.Errorf("CROSS-TENANT SUCCESS: %s answered %s", label, got)
					}
				}
				if got.Status < 300 && got.Status == want && r.check != nil {
					r.check(x, got)
				}
			}
			// An object of another tenant answers exactly like one that exists nowhere.
			if !r.object {
				continue
			}
			if c.kind != member {
				fmt.Fprintf(grid, " %-14s", "-")
				continue
			}
			x := &cell{row: r.name(), t: t, w: w, caller: c, target: otherTenant, client: sessionOf(t, env, c, r.freshSession), missing: true}
			if c.tenant == "demo2" {
				x.target = ownBranch // demo's North is the foreign one for demo2
			}
			gotMissing := r.run(x)
			cells++
			mark(gotMissing, r.expect(c, x.target, w))
			if a, b := shape(answers[x.target]), shape(gotMissing); a != b {
				t.Errorf("%s × %s: another tenant's object answers differently from a missing one:\n  foreign: %s\n  missing: %s", r.name(), c, a, b)
			}
		}
		if wrong > 0 {
			t.Errorf("%d wrong cells in\n%s", wrong, grid)
		}
		grids = append(grids, grid.String())
	}
	if testing.Verbose() {
		t.Logf("the matrix (got, or \"got (want w)\"):\n%s", strings.Join(grids, "\n"))
	}
	t.Logf("authorization matrix: %d routes, %d rows, %d callers, %d cells; %d cross-tenant cells, %d cross-tenant successes, %d leaked list items",
		len(reg), len(rows), len(callers), cells, crossCells, crossOK, leaks)
	if crossOK != 0 || leaks != 0 {
		t.Errorf("cross-tenant successes: %d, leaked list items: %d; want 0 and 0", crossOK, leaks)
	}
}

// TestAuthzMatrixSubtreePrefixPair proves the materialized-path trap: a
// manager of /1/5/ covers /1/5/9/ and never /1/50/, with real branches of
// those very ids and real requests.
func TestAuthzMatrixSubtreePrefixPair(t *testing.T) {
	for _, c := range []struct {
		scope, path string
		want        bool
	}{{"/1/5/", "/1/5/", true}, {"/1/5/", "/1/5/9/", true}, {"/1/5/", "/1/50/", false}, {"/1/5/", "/1/", false}} {
		if got := authz.Covers(c.scope, c.path); got != c.want {
			t.Errorf("authz.Covers(%q, %q) = %v, want %v", c.scope, c.path, got, c.want)
		}
	}

	w := newWorld(t)
	env := w.env
	ctx, admin := w.adminCtx(t, "demo")
	svc := env.App.Org
	tid := w.tenant["demo"]
	byID := func(id int64) org.Branch {
		var b org.Branch
		if err := env.App.DB.R.Scopes(store.Tenant(tid)).Where("id = ?", id).Take(&b).Error; err != nil {
			t.Fatalf("branch %d: %v", id, err)
		}
		return b
	}
	root := w.branch["demo/HQ"]
	if root.Path != "/1/" {
		t.Skipf("demo head office is %s, not /1/: ids differ on this database", root.Path)
	}
	// Branch 5 to the head office (/1/5/), branch 9 under it (/1/5/9/), and a new branch 50 (/1/50/).
	if _, err := svc.MoveBranch(ctx, admin, 5, root.ID); err != nil {
		t.Fatalf("move 5 under HQ: %v", err)
	}
	ctx, admin = w.adminCtx(t, "demo")
	if _, err := svc.MoveBranch(ctx, admin, 9, 5); err != nil {
		t.Fatalf("move 9 under 5: %v", err)
	}
	for {
		var maxID int64
		if err := env.App.DB.R.Raw("SELECT COALESCE(MAX(id), 0) FROM branches").Scan(&maxID).Error; err != nil {
			t.Fatal(err)
		}
		if maxID >= 50 {
			t.Skipf("branch ids already past 50 (%d)", maxID)
		}
		parent := w.branch["demo/south"].ID // fillers
		if maxID == 49 {
			parent = root.ID
		}
		ctx, admin = w.adminCtx(t, "demo")
		n := w.next()
		b, err := svc.CreateBranch(ctx, admin, org.BranchInput{ParentID: parent, Code: fmt.Sprintf("pair-%d", n), Name: fmt.Sprintf("Pair %d", n)})
		if err != nil {
			t.Fatal(err)
		}
		if b.ID >= 50 {
			break
		}
	}
	if p5, p9, p50 := byID(5).Path, byID(9).Path, byID(50).Path; p5 != "/1/5/" || p9 != "/1/5/9/" || p50 != "/1/50/" {
		t.Fatalf("setup: paths %s %s %s, want /1/5/ /1/5/9/ /1/50/", p5, p9, p50)
	}
	w.branch["demo/b5"], w.branch["demo/b9"], w.branch["demo/b50"] = byID(5), byID(9), byID(50)
	mgr5 := w.freshUser(t, "demo/b5", org.RoleGrant{Role: "manager", BranchID: 5})
	in5, in9, in50 := w.freshUser(t, "demo/b5"), w.freshUser(t, "demo/b9"), w.freshUser(t, "demo/b50")
	var mgrName string
	if err := env.App.DB.R.Model(&org.User{}).Scopes(store.Tenant(tid)).Where("id = ?", mgr5).Pluck("username", &mgrName).Error; err != nil {
		t.Fatal(err)
	}

	// The authorizer itself.
	var version int64
	if err := env.App.DB.R.Model(&org.Tenant{}).Where("id = ?", tid).Pluck("policy_version", &version).Error; err != nil {
		t.Fatal(err)
	}
	actor := authz.Actor{TenantID: tid, UserID: mgr5, PolicyVersion: version}
	for path, want := range map[string]bool{"/1/5/": true, "/1/5/9/": true, "/1/5/9/10/": true, "/1/50/": false, "/1/": false} {
		if got, err := env.App.Authz.Allowed(context.Background(), actor, path, "users", "read"); err != nil || got != want {
			t.Errorf("Allowed(manager of /1/5/, %s, users.read) = %v, %v; want %v", path, got, err, want)
		}
	}

	// Real requests.
	c, r := signIn(t, env, "demo", mgrName, demo.Password)
	if r.Status != 200 {
		t.Fatalf("sign in manager of /1/5/: %s", r)
	}
	for _, tc := range []struct {
		name string
		id   int64
		want int
	}{{"user at /1/5/", in5, 200}, {"user at /1/5/9/", in9, 200}, {"user at /1/50/", in50, 404}} {
		if got := send(t, env, c, "GET", fmt.Sprintf("/api/v1/users/%d", tc.id), nil); got.Status != tc.want {
			t.Errorf("manager of /1/5/ reads %s: %s, want %d", tc.name, got, tc.want)
		}
	}
	if got := send(t, env, c, "GET", "/api/v1/users?branch_id=9", nil); got.Status != 200 || !strings.Contains(got.Body, fmt.Sprintf(`"id":%d,`, in9)) {
		t.Errorf("manager of /1/5/ lists users of /1/5/9/: %s", got)
	}
	list := send(t, env, c, "GET", "/api/v1/users?page_size=200", nil)
	if list.Status != 200 || strings.Contains(list.Body, `"branch_path":"/1/50/"`) || !strings.Contains(list.Body, `"branch_path":"/1/5/9/"`) {
		t.Errorf("manager of /1/5/ user list must hold /1/5/9/ and never /1/50/: %s", list)
	}
	br := send(t, env, c, "GET", "/api/v1/branches", nil)
	if br.Status != 200 || strings.Contains(br.Body, `"path":"/1/50/"`) || !strings.Contains(br.Body, `"path":"/1/5/9/"`) {
		t.Errorf("manager of /1/5/ branch list must hold /1/5/9/ and never /1/50/: %s", br)
	}
}
