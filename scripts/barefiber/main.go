// Command barefiber serves one JSON handler on bare Fiber: the ceiling that
// `make bench` compares ServiceStar's authenticated read against.
package main

import (
	"fmt"
	"os"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/json", func(c *fiber.Ctx) error {
		return c.JSON(fiber.Map{"items": []fiber.Map{{"id": 2, "name": "北方分行", "path": "/1/2/"}}})
	})
	// Like ServiceStar's, so bench.sh can tell this process answered.
	pid := os.Getpid()
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok", "pid": pid}) })
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: barefiber host:port")
		os.Exit(2)
	}
	addr := os.Args[1]
	if err := app.Listen(addr); err != nil {
		panic(err)
	}
}
