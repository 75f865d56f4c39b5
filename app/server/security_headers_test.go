package server_test

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// Every response — the SPA, the API docs, API answers and errors — carries
// the browser protections a bank's security review checks first.
func TestEveryResponseCarriesSecurityHeaders(t *testing.T) {
	env := testkit.New(t)
	want := map[string]string{
		"X-Frame-Options":        "DENY",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
	}
	for _, path := range []string{"/", "/branches", "/api/docs", "/api/v1/me", "/api/v1/nope", "/healthz"} {
		res, err := env.App.HTTP.Fiber.Test(httptest.NewRequest("GET", path, nil), -1)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		for name, value := range want {
			if got := res.Header.Get(name); !strings.Contains(got, value) {
				t.Errorf("GET %s: %s = %q, want %q", path, name, got, value)
			}
		}
		api := strings.HasPrefix(path, "/api/v1/")
		csp := res.Header.Get("Content-Security-Policy")
		directives := []string{"script-src 'self';", "frame-ancestors 'none'", "object-src 'none'"}
		if api { // JSON is never a page: nothing may run or load
			directives = []string{"default-src 'none'", "frame-ancestors 'none'"}
		}
		for _, directive := range directives {
			if !strings.Contains(csp, directive) {
				t.Errorf("GET %s: Content-Security-Policy %q lacks %q", path, csp, directive)
			}
		}
		if hsts := res.Header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("GET %s over plain HTTP: HSTS %q, want none", path, hsts)
		}
		if pp := res.Header.Get("Permissions-Policy"); !api && !strings.Contains(pp, "camera=()") {
			t.Errorf("GET %s: Permissions-Policy %q", path, pp)
		}
		if cc := res.Header.Values("Cache-Control"); api != slices.Contains(cc, "no-store") {
			t.Errorf("GET %s: Cache-Control %q; API answers, and only they, must be no-store", path, cc)
		}
		for name := range want {
			if n := len(res.Header.Values(name)); n != 1 {
				t.Errorf("GET %s: %s sent %d times", path, name, n)
			}
		}
	}
	// Behind a TLS-terminating proxy, HSTS tells browsers to stay on HTTPS.
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	res, err := env.App.HTTP.Fiber.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if hsts := res.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=31536000") {
		t.Errorf("over HTTPS: HSTS %q", hsts)
	}
}
