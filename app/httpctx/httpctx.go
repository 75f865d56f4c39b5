// Package httpctx lets a huma handler reach the Fiber request it runs in,
// for the few things huma's types do not carry (cookies, client IP, files).
package httpctx

import (
	"context"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/gofiber/fiber/v2"
)

type key struct{}

// Middleware stores the Fiber context in the request context.
func Middleware(ctx huma.Context, next func(huma.Context)) {
	next(huma.WithValue(ctx, key{}, humafiber.Unwrap(ctx)))
}

// Fiber returns the Fiber context of a huma handler's ctx.
func Fiber(ctx context.Context) *fiber.Ctx {
	c, _ := ctx.Value(key{}).(*fiber.Ctx)
	return c
}
