package web

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/valyala/fasthttp"

	"github.com/servicestar/servicestar/frontend"
)

// largestScript is the biggest script of the embedded build (skips when the
// frontend is not built).
func largestScript(b *testing.B) (string, []byte) {
	var name string
	var body []byte
	_ = fs.WalkDir(frontend.Dist, "dist/assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return nil
		}
		if data, err := fs.ReadFile(frontend.Dist, p); err == nil && len(data) > len(body) {
			name, body = strings.TrimPrefix(p, "dist/"), data
		}
		return nil
	})
	if body == nil {
		b.Skip("the frontend is not built (make build)")
	}
	return name, body
}

// What sending the largest script costs a browser's request (Accept-Encoding:
// gzip, deflate, br, zstd), as the server does it (the build's brotli copy,
// read at start-up) and as a per-request compression middleware would.
func BenchmarkServeLargestScript(b *testing.B) {
	name, body := largestScript(b)
	precompressed := fstest.MapFS{
		"index.html": {Data: []byte("<!doctype html>")},
		name:         {Data: body},
		name + ".br": {Data: fasthttp.AppendBrotliBytesLevel(nil, body, 11)},
	}
	run := func(b *testing.B, app *fiber.App) {
		h := app.Handler()
		var ctx fasthttp.RequestCtx
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		sent := 0
		for b.Loop() {
			ctx.Request.Reset()
			ctx.Response.Reset()
			ctx.Request.SetRequestURI("/" + name)
			ctx.Request.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
			h(&ctx)
			if ctx.Response.StatusCode() != 200 {
				b.Fatalf("status %d", ctx.Response.StatusCode())
			}
			sent = len(ctx.Response.Body())
		}
		b.ReportMetric(float64(sent), "bytes-sent")
	}
	b.Run("precompressed at build", func(b *testing.B) {
		app := fiber.New()
		serveSPA(app, precompressed, nil)
		run(b, app)
	})
	for _, level := range []struct {
		name  string
		level compress.Level
	}{{"default", compress.LevelDefault}, {"best speed", compress.LevelBestSpeed}} {
		b.Run("compressed per request, "+level.name, func(b *testing.B) {
			app := fiber.New()
			app.Use(compress.New(compress.Config{Level: level.level}))
			app.Get("/"+name, func(c *fiber.Ctx) error {
				c.Type("js")
				return c.Send(body)
			})
			run(b, app)
		})
	}
}
