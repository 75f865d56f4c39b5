// Package apperr builds the RFC 9457 problem responses that services return.
// Each names the field and the reason, so a client can show it beside the
// input. Every text is a template of the catalogue (catalogue_zh.go), so
// the web layer can answer in the caller's language.
package apperr

import "net/http"

// Field is one input problem: where (e.g. "body.username") and why. Message
// is an English catalogue template; Args fill its {placeholders}.
type Field struct {
	Location string
	Message  string
	Args     Args
	Value    any
}

// Invalid is a 422 for input that is well-formed but wrong.
func Invalid(fs ...Field) error {
	return &Problem{Status: http.StatusUnprocessableEntity, Detail: "validation failed", Fields: fs}
}

// Conflict is a 409, e.g. a duplicate employee code.
func Conflict(msg string, fs ...Field) error {
	return &Problem{Status: http.StatusConflict, Detail: msg, Fields: fs}
}

// NotFound is a 404. Objects of another tenant, or outside the caller's
// branches, answer exactly like missing ones. The catalogue lists each
// "<what> not found" sentence whole: Chinese puts the noun elsewhere.
func NotFound(what string) error {
	return &Problem{Status: http.StatusNotFound, Detail: what + " not found"}
}

// Forbidden is a 403: the caller may not do this anywhere.
func Forbidden() error {
	return &Problem{Status: http.StatusForbidden, Detail: "you do not have permission to do this"}
}

// Unauthorized is a 401.
func Unauthorized(msg string) error {
	return &Problem{Status: http.StatusUnauthorized, Detail: msg}
}

// TooMany is a 429; the caller sets Retry-After.
func TooMany(msg string) error {
	return &Problem{Status: http.StatusTooManyRequests, Detail: msg}
}

// Internal hides the cause from the client; the caller logs it.
func Internal() error {
	return &Problem{Status: http.StatusInternalServerError, Detail: "internal error"}
}
