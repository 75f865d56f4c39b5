package web

import (
	"log/slog"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// hideInternalErrors makes huma log the cause of a 5xx and send the client
// only "internal error": huma would otherwise put err.Error() (SQL, paths)
// into the response's error details.
func hideInternalErrors(log *slog.Logger) {
	orig := huma.NewErrorWithContext
	huma.NewErrorWithContext = func(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
		if status >= 500 {
			attrs := []any{"status", status, "msg", msg}
			for _, e := range errs {
				if e != nil {
					attrs = append(attrs, "err", e.Error())
				}
			}
			if ctx != nil {
				attrs = append(attrs, "path", ctx.URL().Path)
			}
			log.Error("request failed", attrs...)
			return orig(ctx, status, "internal error")
		}
		return orig(ctx, status, msg, redact(errs)...)
	}
}

// redact drops echoed values that may hold secrets: huma echoes the whole
// body (or the whole parent object of an unexpected property), and a
// password field's value when it is malformed.
func redact(errs []error) []error {
	for _, e := range errs {
		d, ok := e.(*huma.ErrorDetail)
		if !ok {
			continue
		}
		_, object := d.Value.(map[string]any)
		if object || d.Location == "body" || strings.Contains(strings.ToLower(d.Location), "password") {
			d.Value = nil
		}
	}
	return errs
}
