// Package web assembles Fiber and huma: middleware, the JSON API, operations
// endpoints and the embedded SPA.
package web

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"github.com/servicestar/servicestar/app/apperr"
)

// writeProblem answers outside huma (middleware, Fiber errors) in the same
// RFC 9457 shape huma uses, so clients handle one error format, and in the
// request's language like huma's answers (see localizeBody).
func writeProblem(c *fiber.Ctx, status int, detail string, fs ...apperr.Field) error {
	p := &apperr.Problem{Status: status, Detail: detail, Fields: fs}
	body := p.In(apperr.LangOf(c.Get(fiber.HeaderAcceptLanguage)))
	if body.Title == "" {
		body.Title = "Error" // a status net/http has no name for
	}
	b, _ := json.Marshal(body)
	c.Set(fiber.HeaderContentType, "application/problem+json")
	return c.Status(status).Send(b)
}

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
