package server_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/careers"
	caselib "github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/server"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/suggestions"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/training/assignments"
)

// snapshot is every tenant-owned row, the grants and the policy versions:
// bad input must leave all of it exactly as it was.
func snapshot(t *testing.T, w *world) string {
	t.Helper()
	db := w.env.App.DB.R
	var b strings.Builder
	for _, slug := range []string{"demo", "demo2"} {
		tid := w.tenant[slug]
		var us []org.User
		var bs []org.Branch
		var n int64
		if err := db.Scopes(store.Tenant(tid)).Order("id").Find(&us).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Scopes(store.Tenant(tid)).Order("id").Find(&bs).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Model(&audit.Entry{}).Scopes(store.Tenant(tid)).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		for _, u := range us {
			j, _ := json.Marshal(u)
			fmt.Fprintf(&b, "user %s %s %d %v\n", j, u.PasswordHash, u.FailedLogins, u.LockedUntil)
		}
		for _, br := range bs {
			j, _ := json.Marshal(br)
			fmt.Fprintf(&b, "branch %s\n", j)
		}
		fmt.Fprintf(&b, "audit %s %d\n", slug, n)
	}
	var rules []string
	if err := db.Raw("SELECT ptype || ',' || v0 || ',' || v1 || ',' || v2 FROM casbin_rule ORDER BY 1").Scan(&rules).Error; err != nil {
		t.Fatal(err)
	}
	var ts []org.Tenant
	if err := db.Order("id").Find(&ts).Error; err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(ts)
	fmt.Fprintf(&b, "rules %v\ntenants %s\n", rules, j)
	return b.String()
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	seen := map[string]int{}
	for _, l := range al {
		seen[l]++
	}
	var out []string
	for _, l := range bl {
		if seen[l] > 0 {
			seen[l]--
			continue
		}
		out = append(out, "+ "+l)
	}
	for l, n := range seen {
		if n > 0 && l != "" {
			out = append(out, "- "+l)
		}
	}
	sort.Strings(out)
	if len(out) > 8 {
		out = append(out[:8], "…")
	}
	return strings.Join(out, "\n")
}

type badCase struct {
	name         string
	method, path string
	body         any
	status       int
	// each must appear in errors[].location; "msg:x" instead requires x in
	// an errors[].message (huma names a missing or unparsable property in
	// the message of a whole-body error at location "body").
	locations []string
}

// senderOf is the demo user who sends a bad-input case: the tenant admin,
// except on review and library routes, which only reviewers and HR may use
// (an admin gets 403).
func senderOf(path string) string {
	if strings.Contains(path, "/training/reviews") || strings.Contains(path, "/training/library") || strings.Contains(path, "/training/assignments") ||
		strings.Contains(path, "/feedback/imports") || strings.Contains(path, "/feedback/sources") || strings.Contains(path, "/feedback/appeals") ||
		strings.Contains(path, "/kpi/") || strings.Contains(path, "/cases/") || strings.Contains(path, "/case-sessions/") ||
		strings.Contains(path, "/award-") || strings.Contains(path, "/nominations/") || strings.Contains(path, "/grants/") {
		return "hr"
	}
	if strings.Contains(path, "/career") || strings.Contains(path, "/suggestions/") {
		return "hr"
	}
	return "admin"
}

// runBad sends each case as the admin of demo and asserts a 4xx
// problem+json with the named locations, and that nothing changed.
func problemMessages(body string) string {
	var p huma.ErrorModel
	_ = json.Unmarshal([]byte(body), &p)
	var out []string
	for _, e := range p.Errors {
		if e != nil {
			out = append(out, e.Message)
		}
	}
	return strings.Join(out, "\n")
}

func runBad(t *testing.T, w *world, cases []badCase) {
	t.Helper()
	clients := map[string]*testkit.Client{}
	caller := func(name string) *testkit.Client {
		if name == "" {
			name = "admin"
		}
		if c, ok := clients[name]; ok {
			return c
		}
		c, r := signIn(t, w.env, "demo", name, demo.Password)
		if r.Status != 200 {
			t.Fatalf("%s sign-in: %s", name, r)
		}
		clients[name] = c
		return c
	}
	caller("admin")
	before := snapshot(t, w)
	for _, c := range cases {
		got := send(t, w.env, caller(senderOf(c.path)), c.method, c.path, c.body)
		var wrong []string
		if got.Status != c.status {
			wrong = append(wrong, fmt.Sprintf("status %d, want %d", got.Status, c.status))
		}
		if got.Status < 400 || got.Status >= 500 {
			wrong = append(wrong, "not a 4xx")
		}
		if !isProblem(got) {
			wrong = append(wrong, fmt.Sprintf("not problem+json (Content-Type %q)", got.CType))
		}
		locs := problemLocations(got.Body)
		for _, want := range c.locations {
			if m, ok := strings.CutPrefix(want, "msg:"); ok {
				if !strings.Contains(problemMessages(got.Body), m) {
					wrong = append(wrong, fmt.Sprintf("no error message names %q", m))
				}
				continue
			}
			if !contains(locs, want) {
				wrong = append(wrong, fmt.Sprintf("errors[].location %v does not name %q", locs, want))
			}
		}
		label := fmt.Sprintf("%s: %s %s", c.name, c.method, c.path)
		if len(wrong) > 0 {
			t.Errorf("%s: %s; got %s", label, strings.Join(wrong, "; "), got)
		}
		if after := snapshot(t, w); after != before {
			t.Errorf("%s changed data:\n%s", label, diffLines(before, after))
			before = after
		}
	}
}

// TestBadInputProfileUpdate: PATCH /api/v1/users/{id} refuses malformed
// JSON, wrong types, unknown and read-only fields, and oversize bodies, and
// changes nothing; the user reads back the same.
func TestBadInputProfileUpdate(t *testing.T) {
	w := newWorld(t)
	id := w.user["demo/staff.north.1"]
	p := fmt.Sprintf("/api/v1/users/%d", id)
	admin, _ := signIn(t, w.env, "demo", "admin", demo.Password)
	readBack := func() string {
		r := send(t, w.env, admin, "GET", p, nil)
		if r.Status != 200 {
			t.Fatalf("read back: %s", r)
		}
		return r.Body
	}
	first := readBack()
	huge := strings.Repeat("x", 2<<20)
	runBad(t, w, []badCase{
		{"malformed JSON", "PATCH", p, `{"display_name": `, 400, []string{"body"}},
		{"trailing garbage", "PATCH", p, `{"display_name": "x"} }`, 400, []string{"body"}},
		{"not an object", "PATCH", p, `"display_name"`, 422, []string{"body"}},
		{"wrong type", "PATCH", p, `{"display_name": 5}`, 422, []string{"body.display_name"}},
		{"tenant_id", "PATCH", p, map[string]any{"display_name": "Moved", "tenant_id": w.tenant["demo2"]}, 422, []string{"body.tenant_id"}},
		{"roles", "PATCH", p, map[string]any{"display_name": "Boss", "roles": []any{map[string]any{"role": "tenant_admin"}}}, 422, []string{"body.roles"}},
		{"tenant_id and roles", "PATCH", p, map[string]any{"tenant_id": 2, "roles": []any{}}, 422, []string{"body.tenant_id", "body.roles"}},
		{"read-only id", "PATCH", p, map[string]any{"id": 1}, 422, []string{"body.id"}},
		{"read-only status", "PATCH", p, map[string]any{"status": "disabled"}, 422, []string{"body.status"}},
		{"read-only username", "PATCH", p, map[string]any{"username": "admin2"}, 422, []string{"body.username"}},
		{"read-only branch_id", "PATCH", p, map[string]any{"branch_id": w.branch["demo2/kunming"].ID}, 422, []string{"body.branch_id"}},
		{"read-only must_change_password", "PATCH", p, map[string]any{"must_change_password": false}, 422, []string{"body.must_change_password"}},
		{"password_hash", "PATCH", p, map[string]any{"password_hash": "x"}, 422, []string{"body.password_hash"}},
		{"too long display_name", "PATCH", p, map[string]any{"display_name": strings.Repeat("名", 101)}, 422, []string{"body.display_name"}},
		{"bad e-mail", "PATCH", p, map[string]any{"email": "not-an-email"}, 422, []string{"body.email"}},
		{"empty employee code", "PATCH", p, map[string]any{"employee_code": "  "}, 422, []string{"body.employee_code"}},
		{"duplicate employee code", "PATCH", p, map[string]any{"employee_code": "XH0001"}, 409, []string{"body.employee_code"}},
		{"oversize body", "PATCH", p, `{"display_name": "` + huge + `"}`, 413, nil},
	})
	if again := readBack(); again != first {
		t.Errorf("user changed by bad input:\nbefore %s\nafter  %s", first, again)
	}
}

// objectKind names what the {id} of a route is: "users", "training/attempts"…
func objectKind(path string) string {
	seg := strings.Split(path, "/")
	if seg[3] == "training" || seg[3] == "feedback" || seg[3] == "kpi" {
		return seg[3] + "/" + seg[4]
	}
	return seg[3]
}

// seededID is the id of a row of model that the demo seed made in a tenant.
func seededID(t *testing.T, w *world, slug string, model any) int64 {
	t.Helper()
	var id int64
	if err := w.env.App.DB.R.Model(model).Scopes(store.Tenant(w.tenant[slug])).Select("MIN(id)").Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("no seeded %T in %s: %v", model, slug, err)
	}
	return id
}

// TestBadInputIDs: every route with {id} answers 422 naming path.id for ids
// that are not positive int64s, and 404 for a well-formed id that is
// missing or belongs to another tenant, the two answers alike; nothing changes.
func TestBadInputIDs(t *testing.T) {
	w := newWorld(t)
	valid := map[string]any{ // a valid body for each route, so only the id is wrong
		"GET /api/v1/branches/{id}":                     nil,
		"PATCH /api/v1/branches/{id}":                   map[string]string{"name": "Renamed"},
		"POST /api/v1/branches/{id}/move":               map[string]int64{"parent_id": w.branch["demo/east"].ID},
		"POST /api/v1/branches/{id}/close":              nil,
		"GET /api/v1/users/{id}":                        nil,
		"PATCH /api/v1/users/{id}":                      map[string]string{"display_name": "Renamed"},
		"POST /api/v1/users/{id}/move":                  map[string]int64{"branch_id": w.branch["demo/east"].ID},
		"POST /api/v1/users/{id}/disable":               nil,
		"POST /api/v1/users/{id}/enable":                nil,
		"DELETE /api/v1/users/{id}/mfa":                 nil,
		"POST /api/v1/users/{id}/reset-password":        map[string]string{"password": "Reset-Pass-2026"},
		"PUT /api/v1/users/{id}/roles":                  map[string]any{"roles": []any{}},
		"GET /api/v1/training/attempts/{id}":            nil,
		"GET /api/v1/training/attempts/{id}/debrief":    nil,
		"POST /api/v1/training/attempts/{id}/choose":    map[string]string{"choice_id": "a"},
		"POST /api/v1/training/attempts/{id}/answer":    map[string]string{"text": "您好"},
		"POST /api/v1/training/attempts/{id}/confirm":   nil,
		"POST /api/v1/training/attempts/{id}/back":      nil,
		"POST /api/v1/training/attempts/{id}/insist":    nil,
		"GET /api/v1/training/reviews/{id}":             nil,
		"POST /api/v1/training/reviews/{id}/comments":   map[string]string{"body": "好"},
		"GET /api/v1/training/assignments/{id}":         nil,
		"POST /api/v1/training/assignments/{id}/cancel": nil,
		"POST /api/v1/notifications/{id}/read":          nil,
		"GET /api/v1/jobs/{id}":                         nil,
		"GET /api/v1/feedback/imports/{id}":             nil,
		"PUT /api/v1/feedback/sources/{id}":             map[string]string{"code": "survey-pad", "name": "柜面评价器", "kind": "feedback", "encoding": "utf-8"},
		"POST /api/v1/feedback/records/{id}/appeals":    map[string]string{"reason_kind": "withdrawn", "reason": "已撤诉"},
		"POST /api/v1/feedback/appeals/{id}/decision":   map[string]any{"uphold": false, "reason": "不成立"},
		"GET /api/v1/kpi/branches/{id}":                 nil,
		"GET /api/v1/kpi/branches/{id}/people":          nil,
		"GET /api/v1/kpi/branches/{id}/trend":           nil,
		"GET /api/v1/kpi/branches/{id}/export":          nil,
		"GET /api/v1/kpi/people/{id}":                   nil,
		"GET /api/v1/kpi/people/{id}/trend":             nil,
		"PUT /api/v1/award-types/{id}": map[string]any{"code": "bad-input-award", "name_zh": "奖", "name_en": "Award", "badge": "Trophy", "period": "quarter",
			"kind": "nomination", "quota": map[string]any{"per": "branch", "count": 1}, "approval_levels": []string{"hr"}, "active": true},
		"POST /api/v1/award-types/{id}/evaluate":                  map[string]string{"period_key": "2026-Q3"},
		"POST /api/v1/award-rounds/{id}/candidates/{employee_id}": map[string]string{"decision": "approve"},
		"POST /api/v1/award-rounds/{id}/grant":                    nil,
		"POST /api/v1/nominations/{id}/decision":                  map[string]any{"approve": false, "comment": "不通过"},
		"GET /api/v1/users/{id}/badges":                           nil,
		"GET /api/v1/grants/{id}/certificate":                     nil,
		// careers and suggestions
		"PUT /api/v1/career-tracks/{id}":               map[string]string{"code": "expert", "kind": "expert", "name_zh": "专家通道", "name_en": "Expert track"},
		"POST /api/v1/career-tracks/{id}/levels":       map[string]any{"rank": 9, "code": "bad_input", "name_zh": "级", "name_en": "Level", "requirements": []any{}},
		"PUT /api/v1/career-levels/{id}":               map[string]any{"rank": 9, "code": "bad_input", "name_zh": "级", "name_en": "Level", "requirements": []any{}},
		"GET /api/v1/users/{id}/career":                nil,
		"POST /api/v1/users/{id}/career/promote":       map[string]int{"level_id": 1},
		"POST /api/v1/users/{id}/career/move":          map[string]int{"track_id": 1, "level_id": 1},
		"PUT /api/v1/users/{id}/career/profile":        map[string]string{"hired_on": "2020-01-01"},
		"GET /api/v1/suggestions/{id}":                 nil,
		"PUT /api/v1/suggestions/{id}":                 map[string]string{"title": "t", "problem": "p", "proposal": "q", "expected_benefit": "r", "process": "s"},
		"POST /api/v1/suggestions/{id}/decision":       map[string]string{"decision": "adopt"},
		"PUT /api/v1/suggestions/{id}/project":         map[string]any{"pool_cents": 1, "contributors": []any{map[string]int{"user_id": 1, "share_bp": 10000}}},
		"GET /api/v1/suggestions/{id}/payout":          nil,
		"POST /api/v1/suggestions/{id}/payout/approve": nil,
		// The case library (HR sends them: it holds every cases permission).
		"GET /api/v1/cases/{id}":                 nil,
		"PUT /api/v1/cases/{id}":                 map[string]any{"title": "案例", "customer_type": "individual", "business_line": "retail", "summary": "", "situation": "", "actions": "", "outcome": "", "lesson": "", "revision": 1},
		"POST /api/v1/cases/{id}/submit":         nil,
		"POST /api/v1/cases/{id}/approve":        map[string]any{},
		"POST /api/v1/cases/{id}/return":         map[string]string{"comment": "请补充"},
		"POST /api/v1/cases/{id}/feature":        map[string]bool{"featured": true},
		"POST /api/v1/cases/{id}/archive":        nil,
		"POST /api/v1/cases/{id}/reverify":       map[string]string{"review_by": "2030-01-01T00:00:00Z"},
		"PUT /api/v1/cases/{id}/visibility":      map[string]string{"scope": "tenant"},
		"PUT /api/v1/cases/{id}/rating":          map[string]int{"stars": 4},
		"POST /api/v1/cases/{id}/views":          nil,
		"POST /api/v1/cases/{id}/to-scenario":    nil,
		"GET /api/v1/cases/{id}/revisions":       nil,
		"GET /api/v1/cases/{id}/revisions/{rev}": nil,
		"GET /api/v1/cases/{id}/diff":            nil,
		"GET /api/v1/case-sessions/{id}":         nil,
		"PUT /api/v1/case-sessions/{id}/record":  map[string]any{"attended_ids": []int64{}, "notes": ""},
		// The training workflow: comments with their turns, a comment on one turn, reminders.
		"GET /api/v1/training/attempts/{id}/comments":                 nil,
		"GET /api/v1/training/reviews/{id}/comments":                  nil,
		"POST /api/v1/training/reviews/{id}/turns/{turn_id}/comments": map[string]string{"body": "好"},
		"POST /api/v1/training/assignments/{id}/remind":               nil,
	}
	var routes []string
	for k := range server.Operations(w.env.App.HTTP.API) {
		if strings.Contains(k, "{id}") {
			routes = append(routes, k)
		}
	}
	sort.Strings(routes)
	var cases []badCase
	attempt := foreignAttempt(t, w)
	foreign := map[string]int64{"branches": w.branch["demo2/kunming"].ID, "users": w.user["demo2/emp.1"],
		"training/attempts": attempt, "training/reviews": attempt,
		"training/assignments": seededID(t, w, "demo2", &assignments.Assignment{}), "notifications": seededID(t, w, "demo2", &notify.Notification{}),
		"jobs":             w.queueJob(t, "demo2"),
		"feedback/imports": seededID(t, w, "demo2", &feedback.Import{}), "feedback/sources": seededID(t, w, "demo2", &feedback.Source{}),
		"feedback/records": seededID(t, w, "demo2", &feedback.Record{}), "feedback/appeals": seededID(t, w, "demo2", &feedback.Appeal{}),
		"kpi/branches": w.branch["demo2/kunming"].ID, "kpi/people": w.user["demo2/emp.1"],
		"award-types": seededID(t, w, "demo2", &awards.Type{}), "award-rounds": seededID(t, w, "demo2", &awards.Round{}),
		"nominations": seededID(t, w, "demo2", &awards.Nomination{}), "grants": seededID(t, w, "demo2", &awards.Grant{})}
	foreign["career-tracks"] = seededID(t, w, "demo2", &careers.CareerTrack{})
	foreign["career-levels"] = seededID(t, w, "demo2", &careers.CareerLevel{})
	foreign["suggestions"] = seededID(t, w, "demo2", &suggestions.Suggestion{})
	foreign["cases"] = seededID(t, w, "demo2", &caselib.Case{})
	foreign["case-sessions"] = seededID(t, w, "demo2", &caselib.Session{})
	for _, k := range routes {
		body, ok := valid[k]
		if !ok {
			t.Errorf("route %s has an {id} but no valid body in TestBadInputIDs: add one", k)
			continue
		}
		method, path, _ := strings.Cut(k, " ")
		path = strings.ReplaceAll(path, "{employee_id}", "1")
		path = strings.Replace(path, "{rev}", "1", 1) // a case's revision: only the id is wrong
		path = strings.Replace(path, "{turn_id}", "t1", 1)
		for _, bad := range []string{"0", "-1", "abc", "1.5", "99999999999999999999", "0x10", "%20"} {
			cases = append(cases, badCase{"id " + bad, method, strings.Replace(path, "{id}", bad, 1), body, 422, []string{"path.id"}})
		}
		kind := objectKind(path)
		cases = append(cases,
			badCase{"missing id", method, strings.Replace(path, "{id}", "9223372036854775807", 1), body, 404, nil},
			badCase{"other tenant's id", method, idPath(path, foreign[kind]), body, 404, nil})
	}
	runBad(t, w, cases)

	// The foreign id answers exactly like the missing one.
	admin, _ := signIn(t, w.env, "demo", "admin", demo.Password)
	for _, k := range routes {
		method, path, _ := strings.Cut(k, " ")
		path = strings.ReplaceAll(path, "{employee_id}", "1")
		path = strings.Replace(path, "{rev}", "1", 1)
		kind := objectKind(path)
		a := send(t, w.env, admin, method, idPath(path, foreign[kind]), valid[k])
		b := send(t, w.env, admin, method, strings.Replace(path, "{id}", "9223372036854775807", 1), valid[k])
		if shape(a) != shape(b) {
			t.Errorf("%s: another tenant's id answers %s, a missing id %s", k, a, b)
		}
	}
	// And the other tenant's objects read back unchanged for their own admin.
	admin2, _ := signIn(t, w.env, "demo2", "admin", demo.Password)
	u := send(t, w.env, admin2, "GET", fmt.Sprintf("/api/v1/users/%d", foreign["users"]), nil)
	var uv struct {
		DisplayName string `json:"display_name"`
		Status      string `json:"status"`
		BranchID    int64  `json:"branch_id"`
	}
	_ = json.Unmarshal([]byte(u.Body), &uv)
	if u.Status != 200 || uv.Status != "active" || uv.BranchID != foreign["branches"] || uv.DisplayName == "Renamed" {
		t.Errorf("demo2's emp.1 after demo's admin aimed at it: %s", u)
	}
}

// TestBadInputBodiesAndQueries: ids and fields inside bodies and query
// strings are checked the same way, and a branch of another tenant named in
// a body is answered like a missing one.
func TestBadInputBodiesAndQueries(t *testing.T) {
	w := newWorld(t)
	kunming := w.branch["demo2/kunming"].ID
	north := w.branch["demo/north"].ID
	user := w.user["demo/staff.north.1"]
	const lib = "/api/v1/training/library"
	newUser := func(branch any) map[string]any {
		return map[string]any{"username": "bad.input", "display_name": "Bad Input", "employee_code": "BAD0001", "branch_id": branch, "password": "Bad-Input-2026"}
	}
	runBad(t, w, []badCase{
		{"malformed JSON", "POST", "/api/v1/branches", `{"parent_id": 2, "code": "x", `, 400, []string{"body"}},
		{"parent_id not a number", "POST", "/api/v1/branches", map[string]any{"parent_id": "abc", "code": "bad-1", "name": "Bad"}, 422, []string{"body.parent_id"}},
		{"parent_id 0", "POST", "/api/v1/branches", map[string]any{"parent_id": 0, "code": "bad-1", "name": "Bad"}, 422, []string{"body.parent_id"}},
		{"parent_id -1", "POST", "/api/v1/branches", map[string]any{"parent_id": -1, "code": "bad-1", "name": "Bad"}, 422, []string{"body.parent_id"}},
		{"parent in another tenant", "POST", "/api/v1/branches", map[string]any{"parent_id": kunming, "code": "bad-1", "name": "Bad"}, 404, nil},
		{"branch code with a slash", "POST", "/api/v1/branches", map[string]any{"parent_id": north, "code": "a/b", "name": "Bad"}, 422, []string{"body.code"}},
		{"unknown field tenant_id", "POST", "/api/v1/branches", map[string]any{"parent_id": north, "code": "bad-1", "name": "Bad", "tenant_id": 2}, 422, []string{"body.tenant_id"}},
		{"missing required fields", "POST", "/api/v1/users", map[string]any{}, 422, []string{"body", "msg:username", "msg:display_name", "msg:employee_code", "msg:branch_id", "msg:password"}},
		{"user branch in another tenant", "POST", "/api/v1/users", newUser(kunming), 422, []string{"body.branch_id"}},
		{"user branch huge", "POST", "/api/v1/users", newUser(9223372036854775807), 422, []string{"body.branch_id"}},
		{"user branch overflow", "POST", "/api/v1/users", `{"username":"bad.input","display_name":"B","employee_code":"BAD0001","branch_id":99999999999999999999,"password":"Bad-Input-2026"}`, 422, []string{"body", "msg:branch_id"}},
		{"user with tenant_id", "POST", "/api/v1/users", func() map[string]any { m := newUser(north); m["tenant_id"] = 2; return m }(), 422, []string{"body.tenant_id"}},
		{"short password", "POST", "/api/v1/users", func() map[string]any { m := newUser(north); m["password"] = "short"; return m }(), 422, []string{"body.password"}},
		{"unknown role", "POST", "/api/v1/users", func() map[string]any {
			m := newUser(north)
			m["roles"] = []any{map[string]any{"role": "superuser"}}
			return m
		}(), 422, []string{"body.roles[0].role"}},
		{"manager at another tenant's branch", "PUT", fmt.Sprintf("/api/v1/users/%d/roles", user), map[string]any{"roles": []any{map[string]any{"role": "manager", "branch_id": kunming}}}, 422, []string{"body.roles[0].branch_id"}},
		{"move user to another tenant's branch", "POST", fmt.Sprintf("/api/v1/users/%d/move", user), map[string]any{"branch_id": kunming}, 422, []string{"body.branch_id"}},
		{"move branch under another tenant's branch", "POST", fmt.Sprintf("/api/v1/branches/%d/move", north), map[string]any{"parent_id": kunming}, 404, nil},
		{"page_size too big", "GET", "/api/v1/users?page_size=100000", nil, 422, []string{"query.page_size"}},
		{"page 0", "GET", "/api/v1/users?page=0", nil, 422, []string{"query.page"}},
		{"branch_id abc", "GET", "/api/v1/users?branch_id=abc", nil, 422, []string{"query.branch_id"}},
		{"branch_id -1", "GET", "/api/v1/users?branch_id=-1", nil, 422, []string{"query.branch_id"}},
		// Scenario library (HR); every accepted write there is audited, so an
		// unchanged audit count proves nothing was stored.
		{"clone to a bad key", "POST", lib + "/green-loan-enquiry/clone", map[string]any{"new_key": "Bad Key"}, 422, []string{"body.new_key"}},
		{"clone with tenant_id", "POST", lib + "/green-loan-enquiry/clone", map[string]any{"new_key": "fine-key", "tenant_id": 2}, 422, []string{"body.tenant_id"}},
		{"publish another tenant's scenario", "POST", lib + "/elderly-app-distrust-yunling/publish", nil, 404, nil},
		{"retire another tenant's scenario", "POST", lib + "/elderly-app-distrust-yunling/retire", nil, 404, nil},
		{"versions of another tenant's scenario", "GET", lib + "/elderly-app-distrust-yunling/versions", nil, 404, nil},
		{"hide a tenant's own scenario", "PUT", lib + "/social-media-post-xinghai/hidden", map[string]any{"hidden": true}, 404, nil},
		{"hidden not a boolean", "PUT", lib + "/green-loan-enquiry/hidden", map[string]any{"hidden": "yes"}, 422, []string{"body.hidden"}},
		{"preview move of no kind", "POST", lib + "/green-loan-enquiry/preview", map[string]any{"moves": []any{map[string]any{"kind": "jump"}}}, 422, []string{"body.moves[0].kind"}},
		{"preview of another tenant's scenario", "POST", lib + "/elderly-app-distrust-yunling/preview", map[string]any{"moves": []any{}}, 404, nil},
		{"source version abc", "GET", lib + "/social-media-post-xinghai/source?version=abc", nil, 422, []string{"query.version"}},
		{"publish a published scenario", "POST", lib + "/social-media-post-xinghai/publish", nil, 409, nil},
		{"branch_id of another tenant", "GET", fmt.Sprintf("/api/v1/users?branch_id=%d", kunming), nil, 404, nil},
		{"unknown role filter", "GET", "/api/v1/users?role=boss", nil, 422, []string{"query.role"}},
		{"audit from not a time", "GET", "/api/v1/audit?from=yesterday", nil, 422, []string{"query.from"}},
		{"oversize branch body", "POST", "/api/v1/branches", `{"parent_id": 2, "code": "big", "name": "` + strings.Repeat("x", 2<<20) + `"}`, 413, nil},
	})
}
