package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/demo"
)

// TestBadInputPagesAndText: a page number past the bound is a 422 naming
// it (a huge one once wrapped round to page 1), and NUL or invalid UTF-8 in
// any JSON body or query parameter is a 422 naming the field; nothing is
// stored.
func TestBadInputPagesAndText(t *testing.T) {
	w := newWorld(t)
	north := w.branch["demo/north"].ID
	user := w.user["demo/staff.north.1"]
	const huge = "9223372036854775807"
	newUser := func(name string) string {
		return `{"username":"bad.text","display_name":"` + name + `","employee_code":"BADT001","branch_id":` + fmt.Sprint(north) + `,"password":"Bad-Input-2026"}`
	}
	runBad(t, w, []badCase{
		{"huge page of users", "GET", "/api/v1/users?page=" + huge, nil, 422, []string{"query.page"}},
		{"page past the bound", "GET", "/api/v1/audit?page=1000001", nil, 422, []string{"query.page"}},
		{"huge page of notifications", "GET", "/api/v1/notifications?page=" + huge, nil, 422, []string{"query.page"}},
		{"huge page of jobs", "GET", "/api/v1/jobs?page=" + huge, nil, 422, []string{"query.page"}},
		{"huge page of reviews", "GET", "/api/v1/training/reviews?page=" + huge, nil, 422, []string{"query.page"}},
		{"huge page of an assignment's people", "GET", "/api/v1/training/assignments/1?page=" + huge, nil, 422, []string{"query.page"}},
		{"NUL in a display name", "POST", "/api/v1/users", newUser(`Bad\u0000Name`), 422, []string{"body.display_name"}},
		{"invalid UTF-8 in a display name", "POST", "/api/v1/users", newUser("Bad\xffName"), 422, []string{"body.display_name"}},
		{"lone surrogate in a display name", "POST", "/api/v1/users", newUser(`Bad\ud800Name`), 422, []string{"body.display_name"}},
		{"NUL in a branch name", "PATCH", fmt.Sprintf("/api/v1/branches/%d", north), map[string]any{"name": "北方\x00分行"}, 422, []string{"body.name"}},
		{"NUL in a nested role", "PUT", fmt.Sprintf("/api/v1/users/%d/roles", user), `{"roles":[{"role":"employee"},{"role":"hr\u0000"}]}`, 422, []string{"body.roles[1].role"}},
		{"invalid UTF-8 in a key", "POST", "/api/v1/branches", "{\"parent_id\":2,\"code\":\"x-1\",\"na\xffme\":\"X\"}", 422, []string{"body"}},
		{"NUL in a query", "GET", "/api/v1/users?q=a%00b", nil, 422, []string{"query.q"}},
		{"invalid UTF-8 in a query", "GET", "/api/v1/users?q=%FF", nil, 422, []string{"query.q"}},
	})

	// Sign-in refuses it before any account is looked at, and never echoes it.
	a := w.env.Anonymous()
	st, body := a.Do("POST", "/api/v1/auth/login", `{"tenant":"demo","username":"admin","password":"secret\u0000"}`)
	if st != 422 || !strings.Contains(body, `"body.password"`) || strings.Contains(body, "secret") {
		t.Fatalf("NUL password: %d %s, want 422 naming body.password", st, body)
	}

	// Valid text with escapes, a surrogate pair and a sent U+FFFD is kept.
	admin, r := signIn(t, w.env, "demo", "admin", demo.Password)
	if r.Status != 200 {
		t.Fatalf("sign in: %s", r)
	}
	r = send(t, w.env, admin, "PATCH", fmt.Sprintf("/api/v1/users/%d", user), `{"display_name":"\u5218\u6d0b \ud83d\ude00 \ufffd"}`)
	if r.Status != 200 || !strings.Contains(r.Body, `"display_name":"刘洋 😀 �"`) {
		t.Fatalf("valid escaped text: %s", r)
	}
}
