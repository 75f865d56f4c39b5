package server_test

import (
	"net/http/httptest"
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
		"Permissions-Policy":     "camera=()",
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
		csp := res.Header.Get("Content-Security-Policy")
		for _, directive := range []string{"script-src 'self';", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, directive) {
				t.Errorf("GET %s: Content-Security-Policy %q lacks %q", path, csp, directive)
			}
		}
		if hsts := res.Header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("GET %s over plain HTTP: HSTS %q, want none", path, hsts)
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
