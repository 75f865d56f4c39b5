package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
)

// compressAPI compresses the answers of /api/ (JSON, problem+json, the OpenAPI
// document, the docs page) with brotli or gzip, as the client accepts, when a
// body is large enough to gain (fasthttp leaves bodies under 200 bytes alone).
// The frontend's files are not compressed here: they are sent as compressed at
// build time (spa.go). No secret travels in an answer's body (the session and
// CSRF tokens are cookies), so there is nothing for a BREACH-style guess to
// recover from the compressed sizes.
func compressAPI() fiber.Handler {
	return compress.New(compress.Config{
		Next:  func(c *fiber.Ctx) bool { return !strings.HasPrefix(c.Path(), "/api/") },
		Level: compress.LevelDefault,
	})
}
