package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/valyala/fasthttp"
)

var (
	appJS     = []byte(strings.Repeat("export const greeting = 'welcome to the branch';\n", 200))
	indexHTML = []byte(`<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>服务之星 ServiceStar</title>` +
		`<script type="module" crossorigin src="/assets/app-Dx3k9a1Q.js"></script>` +
		strings.Repeat(`<link rel="modulepreload" crossorigin href="/assets/chunk-Dx3k9a1Q.js">`, 6) +
		`</head><body><div id="app"></div></body></html>`)
	favicon = []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)
)

// A build as Vite and scripts/compress-dist.mjs leave it: the hashed script has its
// compressed copies beside it; index.html and the favicon have none.
func testBuild() fstest.MapFS {
	return fstest.MapFS{
		"index.html":                {Data: indexHTML},
		"favicon.svg":               {Data: favicon},
		"assets/app-Dx3k9a1Q.js":    {Data: appJS},
		"assets/app-Dx3k9a1Q.js.br": {Data: fasthttp.AppendBrotliBytesLevel(nil, appJS, 11)},
		"assets/app-Dx3k9a1Q.js.gz": {Data: fasthttp.AppendGzipBytesLevel(nil, appJS, 9)},
	}
}

type bigList struct {
	Body struct {
		Items []string `json:"items"`
	}
}

// noLimit counts no sign-in attempts: these tests sign nobody in, and the
// counter that does (auth.Attempts, on the database) is tested in app/auth.
type noLimit struct{}

func (noLimit) Take(context.Context, string, int) (bool, time.Duration, error) { return true, 0, nil }

// testServer is the whole HTTP stack (security headers, compression, API, SPA)
// with one API route whose answer is large enough to compress.
func testServer(t *testing.T, build fstest.MapFS) *Server {
	t.Helper()
	s := New(Options{
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Registry: prometheus.NewRegistry(),
		Ready:    func() error { return nil },

		LoginAttempts: noLimit{},
	})
	huma.Get(s.API, "/api/v1/test-list", func(context.Context, *struct{}) (*bigList, error) {
		out := &bigList{}
		for i := range 100 {
			out.Body.Items = append(out.Body.Items, strings.Repeat("branch ", 3)+string(rune('A'+i%26)))
		}
		return out, nil
	})
	s.Finish(build)
	return s
}

func get(t *testing.T, s *Server, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := s.Fiber.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// decode undoes a response's Content-Encoding.
func decode(t *testing.T, encoding string, body []byte) []byte {
	t.Helper()
	var out []byte
	var err error
	switch encoding {
	case "":
		return body
	case "br":
		out, err = fasthttp.AppendUnbrotliBytes(nil, body)
	case "gzip":
		out, err = fasthttp.AppendGunzipBytes(nil, body)
	default:
		t.Fatalf("unexpected Content-Encoding %q", encoding)
	}
	if err != nil {
		t.Fatalf("decoding %s: %v", encoding, err)
	}
	return out
}

func TestFrontendFilesAreSentCompressedAndCachedByName(t *testing.T) {
	build := testBuild()
	s := testServer(t, build)
	const year = "public, max-age=31536000, immutable"
	cases := []struct {
		name, path, acceptEncoding string
		wantEncoding, wantCache    string
		want                       []byte
		wantExact                  []byte // when set, the bytes sent must be these (no compression per request)
	}{
		{"hashed asset, brotli", "/assets/app-Dx3k9a1Q.js", "gzip, deflate, br, zstd", "br", year, appJS, build["assets/app-Dx3k9a1Q.js.br"].Data},
		{"hashed asset, gzip only", "/assets/app-Dx3k9a1Q.js", "gzip", "gzip", year, appJS, build["assets/app-Dx3k9a1Q.js.gz"].Data},
		{"brotli refused by q=0", "/assets/app-Dx3k9a1Q.js", "br;q=0, gzip;q=0.5", "gzip", year, appJS, nil},
		{"no compression asked", "/assets/app-Dx3k9a1Q.js", "", "", year, appJS, appJS},
		{"index.html, compressed at start-up", "/", "gzip, deflate, br", "br", "no-cache", indexHTML, nil},
		{"deep link gets index.html", "/training/inbox", "gzip", "gzip", "no-cache", indexHTML, nil},
		{"small file left as it is", "/favicon.svg", "gzip, br", "", "no-cache", favicon, favicon},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, s, tc.path, map[string]string{"Accept-Encoding": tc.acceptEncoding})
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.wantEncoding)
			}
			if got := res.Header.Get("Cache-Control"); got != tc.wantCache {
				t.Errorf("Cache-Control %q, want %q", got, tc.wantCache)
			}
			if tc.wantExact != nil && !bytes.Equal(body, tc.wantExact) {
				t.Errorf("sent %d bytes, not the %d prepared", len(body), len(tc.wantExact))
			}
			if got := decode(t, tc.wantEncoding, body); !bytes.Equal(got, tc.want) {
				t.Errorf("decoded body of %d bytes differs from the file's %d", len(got), len(tc.want))
			}
			if tc.wantEncoding != "" && !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary %q lacks Accept-Encoding", res.Header.Get("Vary"))
			}
			// The browser protections stay on every file.
			if res.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
				t.Errorf("security headers missing: %v", res.Header)
			}
		})
	}
	if res, _ := get(t, s, "/assets/app-0ld0ne.js", nil); res.StatusCode != 404 {
		t.Errorf("an old build's asset: status %d, want 404 (not index.html)", res.StatusCode)
	}
	if res, _ := get(t, s, "/assets/app-Dx3k9a1Q.js", nil); !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("script served as %q", res.Header.Get("Content-Type"))
	}
}

// A revalidation of an unchanged file is answered without a body, and each
// encoding of a file has its own validator.
func TestFrontendFilesRevalidateByETag(t *testing.T) {
	s := testServer(t, testBuild())
	brRes, _ := get(t, s, "/", map[string]string{"Accept-Encoding": "br"})
	plainRes, _ := get(t, s, "/", nil)
	brTag, plainTag := brRes.Header.Get("ETag"), plainRes.Header.Get("ETag")
	if brTag == "" || plainTag == "" || brTag == plainTag {
		t.Fatalf("ETags brotli %q, identity %q: want two different ones", brTag, plainTag)
	}
	res, body := get(t, s, "/", map[string]string{"Accept-Encoding": "br", "If-None-Match": brTag})
	if res.StatusCode != 304 || len(body) != 0 {
		t.Errorf("revalidation: status %d with %d bytes, want 304 and none", res.StatusCode, len(body))
	}
	if res, _ := get(t, s, "/", map[string]string{"Accept-Encoding": "br", "If-None-Match": plainTag}); res.StatusCode != 200 {
		t.Errorf("another encoding's ETag: status %d, want 200", res.StatusCode)
	}
}

func TestAPIAnswersAreCompressedAsAccepted(t *testing.T) {
	s := testServer(t, testBuild())
	var want bigList
	for _, enc := range []string{"br", "gzip", ""} {
		res, body := get(t, s, "/api/v1/test-list", map[string]string{"Accept-Encoding": enc})
		if res.StatusCode != 200 {
			t.Fatalf("Accept-Encoding %q: status %d", enc, res.StatusCode)
		}
		if got := res.Header.Get("Content-Encoding"); got != enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q", enc, got)
		}
		plain := decode(t, enc, body)
		if enc != "" && len(body) >= len(plain) {
			t.Errorf("%s: %d bytes for %d of JSON", enc, len(body), len(plain))
		}
		if err := json.Unmarshal(plain, &want.Body); err != nil || len(want.Body.Items) != 100 {
			t.Errorf("%s: body does not decode to the list: %v", enc, err)
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", enc, cc)
		}
	}
	// A short answer fits one packet anyway: it is not worth the CPU.
	res, body := get(t, s, "/api/v1/no-such-route", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.StatusCode != 404 || res.Header.Get("Content-Encoding") != "" || len(body) >= minCompressBytes {
		t.Errorf("short problem answer: status %d, Content-Encoding %q, %d bytes", res.StatusCode, res.Header.Get("Content-Encoding"), len(body))
	}
}

func TestAcceptEncoding(t *testing.T) {
	cases := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate", "br", false},
		{"BR", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0.000", "br", false},
		{"br;q=0.1", "br", true},
		{"*", "br", true},
		{"*;q=0, gzip", "br", false},
		{"*, br;q=0", "br", false},
		{"", "gzip", false},
	}
	for _, tc := range cases {
		if got := accepts(tc.header, tc.coding); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tc.header, tc.coding, got, tc.want)
		}
	}
}
