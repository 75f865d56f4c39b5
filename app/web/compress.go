package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// Answers of /api/ (JSON, problem+json, the OpenAPI document, the docs page)
// are compressed with brotli or gzip, as the client accepts, from 1 KiB up.
// Below that an answer fits one TCP segment either way, so compressing saves no
// round trip; and it is not free: at fiber's default levels the branch list
// (481 bytes) lost a quarter of its throughput to it. At the fastest levels a
// 7 kB user page costs 17 µs (brotli) and shrinks to a seventh (measured,
// BENCHMARKS.md). The frontend's files are not compressed here: they are sent
// as compressed at build time (spa.go).
//
// No secret travels in an answer's body (the session and CSRF tokens are
// cookies), so there is nothing for a BREACH-style guess to recover from the
// compressed sizes.
const (
	minCompressBytes = 1024
	apiBrotliLevel   = 1
	apiGzipLevel     = 1
)

func compressAPI() fiber.Handler {
	compress := fasthttp.CompressHandlerBrotliLevel(func(*fasthttp.RequestCtx) {}, apiBrotliLevel, apiGzipLevel)
	return func(c *fiber.Ctx) error {
		if !strings.HasPrefix(c.Path(), "/api/") {
			return c.Next()
		}
		if err := c.Next(); err != nil {
			return err
		}
		if res := c.Response(); res.IsBodyStream() || len(res.Body()) >= minCompressBytes {
			compress(c.Context())
		}
		return nil
	}
}
