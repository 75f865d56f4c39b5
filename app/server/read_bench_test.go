package server_test

import (
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/servicestar/servicestar/app/testkit"
)

// BenchmarkAuthenticatedRead runs GET /api/v1/branches as a manager through
// the whole handler chain (session lookup, casbin check, one indexed query)
// without the network, to show where a request's time goes.
func BenchmarkAuthenticatedRead(b *testing.B) {
	env := testkit.New(b)
	c := env.Login("demo", "mgr.north")
	h := env.App.HTTP.Fiber.Handler()
	cookie := "ss_session=" + c.Cookie("ss_session")
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var ctx fasthttp.RequestCtx
		for pb.Next() {
			ctx.Request.Reset()
			ctx.Response.Reset()
			ctx.Request.Header.SetMethod("GET")
			ctx.Request.SetRequestURI("/api/v1/branches")
			ctx.Request.Header.Set("Cookie", cookie)
			h(&ctx)
			if ctx.Response.StatusCode() != 200 {
				b.Fatalf("status %d: %s", ctx.Response.StatusCode(), ctx.Response.Body())
			}
		}
	})
}
