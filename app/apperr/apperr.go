// Package apperr builds the RFC 9457 problem responses that services return.
// Each names the field and the reason, so a client can show it beside the input.
package apperr

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// Field is one input problem: where (e.g. "body.username") and why.
type Field struct {
	Location string
	Message  string
	Value    any
}

func details(fs []Field) []error {
	out := make([]error, len(fs))
	for i, f := range fs {
		out[i] = &huma.ErrorDetail{Location: f.Location, Message: f.Message, Value: f.Value}
	}
	return out
}

// Invalid is a 422 for input that is well-formed but wrong.
func Invalid(fs ...Field) error {
	return huma.NewError(http.StatusUnprocessableEntity, "validation failed", details(fs)...)
}

// Conflict is a 409, e.g. a duplicate employee code.
func Conflict(msg string, fs ...Field) error {
	return huma.NewError(http.StatusConflict, msg, details(fs)...)
}

// NotFound is a 404. Objects of another tenant, or outside the caller's
// branches, answer exactly like missing ones.
func NotFound(what string) error {
	return huma.NewError(http.StatusNotFound, what+" not found")
}

// Forbidden is a 403: the caller may not do this anywhere.
func Forbidden() error {
	return huma.NewError(http.StatusForbidden, "you do not have permission to do this")
}

// Unauthorized is a 401.
func Unauthorized(msg string) error {
	return huma.NewError(http.StatusUnauthorized, msg)
}

// TooMany is a 429; the caller sets Retry-After.
func TooMany(msg string) error {
	return huma.NewError(http.StatusTooManyRequests, msg)
}

// Internal hides the cause from the client; the caller logs it.
func Internal() error {
	return huma.NewError(http.StatusInternalServerError, "internal error")
}
