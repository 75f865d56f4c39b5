package web

import "github.com/gofiber/fiber/v2"

// admitReads lets at most n API reads run at once; the others wait their turn
// in arrival order (a channel's blocked senders are served first come, first
// served). With many more requests in flight than CPUs, the scheduler, the
// connection pool and SQLite's locks serve them in no particular order, and
// under load some waited five times as long as the median (p99 22 ms against
// p50 5 ms in `make bench`); queued in order, p99 was about 12 ms at the same
// throughput. Writes are left alone: they already queue for SQLite's single
// writer, and a long import must not hold up every read behind it.
func admitReads(n int) fiber.Handler {
	if n <= 0 {
		return func(c *fiber.Ctx) error { return c.Next() }
	}
	slots := make(chan struct{}, n)
	return func(c *fiber.Ctx) error {
		if m := c.Method(); m != fiber.MethodGet && m != fiber.MethodHead {
			return c.Next()
		}
		slots <- struct{}{}
		defer func() { <-slots }()
		return c.Next()
	}
}
