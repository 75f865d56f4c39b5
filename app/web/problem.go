// Package web assembles Fiber and huma: middleware, the JSON API, operations
// endpoints and the embedded SPA.
package web

import (
	"encoding/json"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gofiber/fiber/v2"
)

// writeProblem answers outside huma (middleware, Fiber errors) in the same
// RFC 9457 shape huma uses, so clients handle one error format.
func writeProblem(c *fiber.Ctx, status int, detail string, errs ...*huma.ErrorDetail) error {
	body := huma.ErrorModel{Title: statusTitle(status), Status: status, Detail: detail, Errors: errs}
	b, _ := json.Marshal(body)
	c.Set(fiber.HeaderContentType, "application/problem+json")
	return c.Status(status).Send(b)
}

func statusTitle(status int) string {
	if t := fiberStatusText(status); t != "" {
		return t
	}
	return "Error"
}

func fiberStatusText(status int) string { return fiber.NewError(status).Message }

// errorHandler turns Fiber-level errors (unknown route, body too large,
// panics recovered) into problem+json without leaking internals.
func errorHandler(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	detail := "internal error"
	if fe, ok := err.(*fiber.Error); ok {
		status = fe.Code
		detail = fe.Message
		if status == fiber.StatusRequestEntityTooLarge {
			detail = "request body too large"
		}
	}
	return writeProblem(c, status, detail)
}
