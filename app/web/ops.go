package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// opsRoutes: liveness (process up), readiness (database reachable), metrics.
func opsRoutes(app *fiber.App, o Options) {
	app.Get("/healthz", func(c *fiber.Ctx) error {
		return c.JSON(fiber.Map{"status": "ok"})
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
