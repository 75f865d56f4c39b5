package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/testkit"
)

// Problems answer in the language the client asks for (the SPA sends its
// UI language), and in English when it does not say.
func TestProblemsSpeakTheCallersLanguage(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	admin := env.Login("demo", "admin")
	north := branchIDByCode(t, admin, "north")
	pastDue := map[string]any{"scenario_keys": []string{"lost-card-report"}, "branch_id": north,
		"audience": "subtree", "due_at": env.Clock.Now().Add(-time.Hour)}
	badCode := map[string]any{"parent_id": north, "code": "a/b", "name": "Bad"}
	missing := "/api/v1/branches/999999999"

	cases := []struct {
		name, lang   string
		c            *testkit.Client
		method, path string
		body         any
		status       int
		want         problem
	}{
		{"past due date, zh", "zh-CN", hr, "POST", "/api/v1/training/assignments", pastDue, 422,
			problem{"输入有误", "输入校验未通过", "body.due_at", "必须是将来的时间"}},
		{"past due date, no header", "", hr, "POST", "/api/v1/training/assignments", pastDue, 422,
			problem{"Unprocessable Entity", "validation failed", "body.due_at", "must be in the future"}},
		{"past due date, en", "en", hr, "POST", "/api/v1/training/assignments", pastDue, 422,
			problem{"Unprocessable Entity", "validation failed", "body.due_at", "must be in the future"}},
		{"bad branch code, zh", "zh-CN,zh;q=0.9,en;q=0.8", admin, "POST", "/api/v1/branches", badCode, 422,
			problem{"输入有误", "输入校验未通过", "body.code", "1–64 个字符，不能含空格或斜杠"}},
		{"bad branch code, en", "en-US", admin, "POST", "/api/v1/branches", badCode, 422,
			problem{"Unprocessable Entity", "validation failed", "body.code", "1–64 characters, no spaces or slashes"}},
		{"missing branch, zh", "zh", admin, "PATCH", missing, map[string]string{"name": "X"}, 404,
			problem{"未找到", "机构不存在", "", ""}},
		{"missing branch, en", "", admin, "PATCH", missing, map[string]string{"name": "X"}, 404,
			problem{"Not Found", "branch not found", "", ""}},
		{"huma's own validation, zh", "zh-CN", admin, "POST", "/api/v1/branches", map[string]any{"parent_id": 0, "code": "x", "name": "X"}, 422,
			problem{"输入有误", "输入校验未通过", "body.parent_id", "应大于或等于 1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.Header("Accept-Language", tc.lang)
			st, body := tc.c.Do(tc.method, tc.path, tc.body)
			if st != tc.status {
				t.Fatalf("status %d, want %d: %s", st, tc.status, body)
			}
			tc.want.check(t, body)
		})
	}
}

// Problems written outside huma (middleware) follow the language too.
func TestMiddlewareProblemsSpeakTheCallersLanguage(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	admin.SetCookie("ss_csrf", "")
	admin.Header("Accept-Language", "zh-CN")
	st, body := admin.Do("POST", "/api/v1/branches", map[string]any{"parent_id": 1, "code": "x", "name": "X"})
	if st != http.StatusForbidden {
		t.Fatalf("status %d: %s", st, body)
	}
	problem{"无权操作", "缺少或错误的 CSRF 令牌", "header.X-CSRF-Token", "请发送 ss_csrf Cookie 的值"}.check(t, body)
}

// problem is what a test expects of a problem+json body; an empty
// location or message is not checked.
type problem struct{ title, detail, location, message string }

func (want problem) check(t *testing.T, body string) {
	t.Helper()
	var got huma.ErrorModel
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("not a problem: %v: %s", err, body)
	}
	if got.Title != want.title || got.Detail != want.detail {
		t.Errorf("title %q detail %q, want %q %q", got.Title, got.Detail, want.title, want.detail)
	}
	if want.location == "" {
		return
	}
	for _, e := range got.Errors {
		if e.Location == want.location && (want.message == "" || e.Message == want.message) {
			return
		}
	}
	t.Errorf("no error at %s saying %q in %s", want.location, want.message, body)
}

func branchIDByCode(t *testing.T, c *testkit.Client, code string) int64 {
	t.Helper()
	st, body := c.Do("GET", "/api/v1/branches", nil)
	if st != http.StatusOK {
		t.Fatalf("branches: %d %s", st, body)
	}
	for _, b := range testkit.JSON[struct {
		Items []struct {
			ID   int64
			Code string
		}
	}](t, body).Items {
		if b.Code == code {
			return b.ID
		}
	}
	panic(fmt.Sprintf("no branch %s", code))
}

// A scenario engine error: the detail is translated, the field message
// stays the engine's stable code, which clients may match on.
func TestEngineProblemsSpeakTheCallersLanguage(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1").Header("Accept-Language", "zh-CN")
	st, body := emp.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": "lost-card-report"})
	if st != http.StatusOK && st != http.StatusCreated {
		t.Fatalf("start: %d %s", st, body)
	}
	id := testkit.JSON[struct{ ID int64 }](t, body).ID
	st, body = emp.Do("POST", fmt.Sprintf("/api/v1/training/attempts/%d/choose", id), map[string]string{"choice_id": "no-such-choice"})
	if st != http.StatusUnprocessableEntity {
		t.Fatalf("status %d: %s", st, body)
	}
	// lost-card-report opens with a typed reply, so a choice is the wrong kind.
	problem{"输入有误", "当前回合需要另一种回复方式", "body.choice_id", "wrong_turn_kind"}.check(t, body)
}
