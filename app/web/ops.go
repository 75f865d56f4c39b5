package web

import (
	"os"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// opsRoutes: liveness (process up), readiness (database reachable), metrics.
func opsRoutes(app *fiber.App, o Options) {
	// The pid tells a script which process answered: scripts/bench.sh checks
	// it measures the server it started, not whatever else holds the port.
	pid := os.Getpid()
	app.Get("/healthz", func(c *fiber.Ctx) error {
		return c.JSON(fiber.Map{"status": "ok", "pid": pid})
	})
	app.Get("/readyz", func(c *fiber.Ctx) error {
		if err := o.Ready(); err != nil {
			o.Log.Error("readiness", "err", err)
			return writeProblem(c, fiber.StatusServiceUnavailable, "database unreachable")
		}
		return c.JSON(fiber.Map{"status": "ready"})
	})
	app.Get("/metrics", adaptor.HTTPHandler(promhttp.HandlerFor(o.Registry, promhttp.HandlerOpts{})))
}
