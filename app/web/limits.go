package web

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// LoginCounter counts sign-in attempts where every instance sees them (the
// database: auth.Attempts), so that a limit holds across instances.
type LoginCounter interface {
	Take(ctx context.Context, bucket string, limit int) (ok bool, retryAfter time.Duration, err error)
}

// loginLimiter bounds sign-in attempts at path per client IP, then per
// account (tenant + username), answering 429 problem+json with Retry-After.
// An attempt refused per IP is not counted against the account, as before
// with two chained in-memory limiters.
func loginLimiter(counter LoginCounter, path string, perIP, perAccount int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.Method() != fiber.MethodPost {
			return c.Next()
		}
		var b struct{ Tenant, Username string }
		_ = json.Unmarshal(bodyOf(c), &b)
		account := strings.ToLower(strings.TrimSpace(b.Tenant)) + "/" + strings.ToLower(strings.TrimSpace(b.Username))
		for _, l := range []struct {
			bucket string
			limit  int
		}{
			{"ip " + path + " " + c.IP(), perIP},
			{"account " + path + " " + account, perAccount},
		} {
			ok, wait, err := counter.Take(c.UserContext(), l.bucket, l.limit)
			if err != nil {
				return err
			}
			if !ok {
				c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(math.Ceil(wait.Seconds()))))
				return writeProblem(c, fiber.StatusTooManyRequests, "too many sign-in attempts; wait and try again")
			}
		}
		return c.Next()
	}
}
