package testkit

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/servicestar/servicestar/app/config"
	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/server"
)

// Clock is an injectable clock for session and lockout tests.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// Env is a running app on a fresh database with the demo banks seeded.
type Env struct {
	T     testing.TB
	App   *server.App
	Clock *Clock
	URL   string // the database, for another instance (see Instance)
}

// Config is the test configuration: generous rate limits unless a test sets its own.
func Config() config.Config {
	c := config.Default()
	c.LoginRatePerMinute = 100000
	c.LoginAccountRatePerMinute = 100000
	return c
}

// New starts an app with the demo data on a fresh database.
func New(t testing.TB, mutate ...func(*config.Config)) *Env {
	t.Helper()
	cfg := Config()
	for _, m := range mutate {
		m(&cfg)
	}
	url := URL(t)
	db := Open(t, url)
	clock := &Clock{now: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	spa := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>ServiceStar</title>")}}
	app, err := server.Wire(db, cfg, log, server.Options{Now: clock.Now, SPA: fs.FS(spa)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(context.Background(), app.Org, app.Modules, "operator", "operator12345"); err != nil {
		t.Fatal(err)
	}
	return &Env{T: t, App: app, Clock: clock, URL: url}
}

// Client is a cookie-carrying caller that sends the CSRF header like the SPA.
type Client struct {
	env     *Env
	cookies map[string]string
	headers map[string]string
}

// Anonymous is a client with no session.
func (e *Env) Anonymous() *Client { return &Client{env: e, cookies: map[string]string{}} }

// Login signs a demo user in (password demo12345) and fails the test otherwise.
func (e *Env) Login(tenant, username string) *Client {
	e.T.Helper()
	c := e.Anonymous()
	st, body := c.Do("POST", "/api/v1/auth/login", map[string]string{"tenant": tenant, "username": username, "password": demo.Password})
	if st != http.StatusOK {
		e.T.Fatalf("login %s/%s: %d %s", tenant, username, st, body)
	}
	return c
}

// LoginOperator signs the platform operator in.
func (e *Env) LoginOperator() *Client {
	e.T.Helper()
	c := e.Anonymous()
	st, body := c.Do("POST", "/api/v1/platform/auth/login", map[string]string{"username": "operator", "password": "operator12345"})
	if st != http.StatusOK {
		e.T.Fatalf("operator login: %d %s", st, body)
	}
	return c
}

// Do sends a JSON request (body may be nil, a string of raw JSON, or a value).
func (c *Client) Do(method, path string, body any) (int, string) {
	c.env.T.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req)
}

// Send sends a prepared request with the client's cookies and CSRF header.
func (c *Client) send(req *http.Request) (int, string) {
	c.env.T.Helper()
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	if v, ok := c.cookies["ss_csrf"]; ok {
		req.Header.Set("X-CSRF-Token", v)
	}
	resp, err := c.env.App.HTTP.Fiber.Test(req, -1)
	if err != nil {
		c.env.T.Fatal(err)
	}
	defer resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Value == "" || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// SendRaw sends a prepared request (multipart uploads).
func (c *Client) SendRaw(req *http.Request) (int, string) { return c.send(req) }

// Upload posts data as the multipart form field "file", as the SPA's import
// dialogs do.
func (c *Client) Upload(path, filename string, data []byte) (int, string) {
	c.env.T.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("file", filename)
	if err == nil {
		_, err = fw.Write(data)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		c.env.T.Fatal(err)
	}
	req := httptest.NewRequest("POST", path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.send(req)
}

// Header sets a header the client sends with every request from now on,
// e.g. Accept-Language as the SPA sends it.
func (c *Client) Header(name, value string) *Client {
	if c.headers == nil {
		c.headers = map[string]string{}
	}
	c.headers[name] = value
	return c
}

// Cookie returns a cookie the client holds.
func (c *Client) Cookie(name string) string { return c.cookies[name] }

// SetCookie overrides a cookie (to forge or drop one).
func (c *Client) SetCookie(name, value string) {
	if value == "" {
		delete(c.cookies, name)
		return
	}
	c.cookies[name] = value
}

// JSON decodes a response body or fails the test.
func JSON[T any](t testing.TB, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

// Instance starts another app on e's database with a database handle of its
// own and the same clock, as a second server process beside the first.
func Instance(t testing.TB, e *Env) *Env {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	spa := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>ServiceStar</title>")}}
	app, err := server.Wire(Open(t, e.URL), e.App.Cfg, log, server.Options{Now: e.Clock.Now, SPA: fs.FS(spa)})
	if err != nil {
		t.Fatal(err)
	}
	return &Env{T: t, App: app, Clock: e.Clock, URL: e.URL}
}

// Restart builds a new app over the same database, as after a server restart.
func Restart(t testing.TB, e *Env) *Env {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	spa := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>ServiceStar</title>")}}
	app, err := server.Wire(e.App.DB, e.App.Cfg, log, server.Options{Now: e.Clock.Now, SPA: fs.FS(spa)})
	if err != nil {
		t.Fatal(err)
	}
	return &Env{T: t, App: app, Clock: e.Clock, URL: e.URL}
}
