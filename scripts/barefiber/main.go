// Command barefiber serves one JSON handler on bare Fiber: the ceiling that
// `make bench` compares ServiceStar's authenticated read against.
package main

import (
	"os"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/json", func(c *fiber.Ctx) error {
		return c.JSON(fiber.Map{"items": []fiber.Map{{"id": 2, "name": "北方分行", "path": "/1/2/"}}})
	})
	addr := "127.0.0.1:18182"
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	if err := app.Listen(addr); err != nil {
		panic(err)
	}
}
