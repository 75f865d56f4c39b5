package sso_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/sso/testop"
	"github.com/servicestar/servicestar/app/testkit"
)

const (
	clientID     = "servicestar"
	clientSecret = "op-secret-never-shown-3f9a"
)

// serve runs the app on a real local port: the provider redirects a real
// browser (here an http.Client with a cookie jar) to it.
func serve(t *testing.T, env *testkit.Env) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = env.App.HTTP.Fiber.Listener(ln) }()
	t.Cleanup(func() { _ = env.App.HTTP.Fiber.Shutdown() })
	return "http://" + ln.Addr().String()
}

// startOP starts the test OpenID Provider with users "emp" (the demo
// employee emp.north.1, code XH0008) and "ghost" (a code no user has).
func startOP(t *testing.T, appURL string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	issuer := "http://" + ln.Addr().String()
	h, err := testop.New(testop.Options{Issuer: issuer, ClientID: clientID, ClientSecret: clientSecret,
		RedirectURIs: []string{appURL + "/api/v1/sso/demo/oidc/callback"}, CodeClaim: "employee_code",
		Users: []testop.User{{Username: "emp", Code: "XH0008"}, {Username: "ghost", Code: "ZZ9999"}}})
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	return issuer
}

func configureOIDC(t *testing.T, env *testkit.Env, issuer string) string {
	t.Helper()
	admin := env.Login("demo", "admin")
	st, body := admin.Do("PUT", "/api/v1/sso/config", map[string]any{
		"oidc": map[string]any{"enabled": true, "issuer": issuer, "client_id": clientID, "client_secret": clientSecret, "code_claim": "employee_code"},
		"ldap": map[string]any{"enabled": false}})
	if st != 200 {
		t.Fatalf("configure: %d %s", st, body)
	}
	return body
}

func browser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar}
}

// signInAt drives the code flow as a browser: start at the app, sign in at
// the provider's page as username, follow the redirects back. It returns
// where the browser ended up.
func signInAt(t *testing.T, b *http.Client, appURL, username, returnTo string) *url.URL {
	t.Helper()
	res, err := b.Get(appURL + "/api/v1/sso/demo/oidc/start?return=" + url.QueryEscape(returnTo))
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	login := res.Request.URL
	if login.Path != "/login" || login.Query().Get("id") == "" {
		t.Fatalf("expected the provider's sign-in page, got %s (%d)", login, res.StatusCode)
	}
	res, err = b.PostForm(login.Scheme+"://"+login.Host+"/login", url.Values{"id": {login.Query().Get("id")}, "username": {username}})
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	return res.Request.URL
}

func me(t *testing.T, b *http.Client, appURL string) (int, map[string]any) {
	t.Helper()
	res, err := b.Get(appURL + "/api/v1/me")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return res.StatusCode, m
}

func auditCount(t *testing.T, env *testkit.Env, action, targetID string) int64 {
	t.Helper()
	var n int64
	if err := env.App.DB.R.Raw("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target_id = ?", action, targetID).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOIDCSignInThroughARealProvider(t *testing.T) {
	env := testkit.New(t)
	appURL := serve(t, env)
	issuer := startOP(t, appURL)
	saved := configureOIDC(t, env, issuer)
	if strings.Contains(saved, clientSecret) || !strings.Contains(saved, `"client_secret_set":true`) {
		t.Fatalf("the saved settings must say a secret is set, never show it: %s", saved)
	}

	t.Run("the employee signs in and lands where they were going", func(t *testing.T) {
		b := browser(t)
		end := signInAt(t, b, appURL, "emp", "/training?tab=mine")
		if end.Host != strings.TrimPrefix(appURL, "http://") || end.Path != "/training" || end.Query().Get("tab") != "mine" {
			t.Fatalf("ended at %s", end)
		}
		st, m := me(t, b, appURL)
		user, _ := m["user"].(map[string]any)
		if st != 200 || user["username"] != "emp.north.1" || user["employee_code"] != "XH0008" {
			t.Fatalf("/me after sign-in: %d %v", st, m)
		}
		var uid int64
		env.App.DB.R.Raw("SELECT id FROM users WHERE username = 'emp.north.1'").Scan(&uid)
		if auditCount(t, env, "sso.oidc.login", itoa(uid)) != 1 {
			t.Error("the sign-in is not in the audit log")
		}
	})

	t.Run("an unknown employee code is refused, audited and creates nobody", func(t *testing.T) {
		var before int64
		env.App.DB.R.Raw("SELECT COUNT(*) FROM users").Scan(&before)
		b := browser(t)
		end := signInAt(t, b, appURL, "ghost", "/")
		if end.Path != "/login" || end.Query().Get("sso_error") != "unknown_user" || end.Query().Get("tenant") != "demo" {
			t.Fatalf("ended at %s", end)
		}
		if st, _ := me(t, b, appURL); st != 401 {
			t.Fatalf("/me after a refused sign-in: %d", st)
		}
		var after int64
		env.App.DB.R.Raw("SELECT COUNT(*) FROM users").Scan(&after)
		if after != before {
			t.Fatalf("users %d → %d: a sign-in created someone", before, after)
		}
		if auditCount(t, env, "sso.oidc.refused", "ZZ9999") != 1 {
			t.Error("the refusal is not in the audit log")
		}
	})

	t.Run("a return address off the site is dropped", func(t *testing.T) {
		for _, evil := range []string{"https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"} {
			end := signInAt(t, browser(t), appURL, "emp", evil)
			if end.Host != strings.TrimPrefix(appURL, "http://") || end.Path != "/" {
				t.Errorf("return %q ended at %s", evil, end)
			}
		}
	})

	t.Run("a callback whose state is not the browser's is refused", func(t *testing.T) {
		b := browser(t)
		res, err := b.Get(appURL + "/api/v1/sso/demo/oidc/start")
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		res, err = b.Get(appURL + "/api/v1/sso/demo/oidc/callback?code=stolen&state=forged")
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if q := res.Request.URL.Query(); res.Request.URL.Path != "/login" || q.Get("sso_error") != "expired" {
			t.Fatalf("ended at %s", res.Request.URL)
		}
		if st, _ := me(t, b, appURL); st != 401 {
			t.Fatalf("/me: %d", st)
		}
	})

	t.Run("the secret is in no answer and no audit record", func(t *testing.T) {
		admin := env.Login("demo", "admin")
		if _, body := admin.Do("GET", "/api/v1/sso/config", nil); strings.Contains(body, clientSecret) {
			t.Fatalf("GET shows the secret: %s", body)
		}
		var n int64
		env.App.DB.R.Raw("SELECT COUNT(*) FROM audit_log WHERE before_json LIKE ? OR after_json LIKE ?", "%"+clientSecret+"%", "%"+clientSecret+"%").Scan(&n)
		if n != 0 {
			t.Fatal("an audit record holds the client secret")
		}
	})

	t.Run("a provider whose discovery names another issuer is refused", func(t *testing.T) {
		// localhost reaches the same provider, whose documents say 127.0.0.1.
		configureOIDC(t, env, strings.Replace(issuer, "127.0.0.1", "localhost", 1))
		res, err := browser(t).Get(appURL + "/api/v1/sso/demo/oidc/start")
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if q := res.Request.URL.Query(); res.Request.URL.Path != "/login" || q.Get("sso_error") != "provider" {
			t.Fatalf("ended at %s", res.Request.URL)
		}
	})
}
