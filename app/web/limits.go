package web

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

// loginLimiters bound sign-in attempts per client IP and per account
// (tenant + username), answering 429 problem+json with Retry-After.
func loginLimiters(perIP, perAccount int) []any {
	tooMany := func(c *fiber.Ctx) error {
		return writeProblem(c, fiber.StatusTooManyRequests, "too many sign-in attempts; wait and try again")
	}
	onlyPost := func(c *fiber.Ctx) bool { return c.Method() != fiber.MethodPost }
	return []any{
		limiter.New(limiter.Config{Max: perIP, Expiration: time.Minute, LimitReached: tooMany, Next: onlyPost,
			KeyGenerator: func(c *fiber.Ctx) string { return "ip:" + c.IP() }}),
		limiter.New(limiter.Config{Max: perAccount, Expiration: time.Minute, LimitReached: tooMany, Next: onlyPost,
			KeyGenerator: func(c *fiber.Ctx) string {
				var b struct{ Tenant, Username string }
				_ = json.Unmarshal(c.Body(), &b)
				return "acct:" + strings.ToLower(strings.TrimSpace(b.Tenant)) + "/" + strings.ToLower(strings.TrimSpace(b.Username))
			}}),
	}
}
