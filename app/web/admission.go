package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// readPatience is how long a read waits for a slot before it runs anyway:
// long enough for any queue of fast reads, short enough that slow ones (an
// export, a large report) never hold the others up for more than that.
const readPatience = 100 * time.Millisecond

// admitReads lets at most n API reads run at once; the others wait their turn
// in arrival order (a channel's blocked senders are served first come, first
// served), for up to patience. With many more requests in flight than CPUs,
// the scheduler, the connection pool and SQLite's locks serve them in no
// particular order, and under load some waited five times as long as the
// median (p99 22 ms against p50 5 ms in `make bench`); queued in order, p99
// was about 12 ms at the same throughput, and 8–9 ms with one read per CPU
// and a spare processor to read the network (see spareProcessor in
// package main). Writes are left alone: they already
// queue for SQLite's single writer, and a long import must not hold up every
// read behind it.
func admitReads(n int, patience time.Duration) fiber.Handler {
	if n <= 0 {
		return func(c *fiber.Ctx) error { return c.Next() }
	}
	slots := make(chan struct{}, n)
	return func(c *fiber.Ctx) error {
		if m := c.Method(); m != fiber.MethodGet && m != fiber.MethodHead {
			return c.Next()
		}
		select {
		case slots <- struct{}{}:
		default:
			wait := time.NewTimer(patience)
			select {
			case slots <- struct{}{}:
				wait.Stop()
			case <-wait.C:
				return c.Next() // slow reads hold every slot: run beside them
			}
		}
		defer func() { <-slots }()
		return c.Next()
	}
}
