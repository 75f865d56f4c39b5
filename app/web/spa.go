package web

import (
	"io/fs"
	"log/slog"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// serveSPA serves the built frontend from memory, each file compressed as the
// client accepts and cached as its name allows (spafiles.go); unknown paths get
// index.html so the router's history mode works on reload.
func serveSPA(app *fiber.App, spa fs.FS, log *slog.Logger) {
	if spa == nil {
		return
	}
	files, err := loadSPA(spa)
	if err != nil {
		log.Error("reading the built frontend", "err", err)
	}
	index := files["index.html"]
	app.Use(func(c *fiber.Ctx) error {
		if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
			return fiber.ErrMethodNotAllowed
		}
		if err != nil {
			return c.Type("txt").Status(fiber.StatusServiceUnavailable).SendString("ServiceStar: the built frontend could not be read; see the log.")
		}
		if index == nil {
			return c.Type("txt").Status(fiber.StatusServiceUnavailable).SendString("ServiceStar: the frontend is not built; run `make build`.")
		}
		p := strings.TrimPrefix(path.Clean(c.Path()), "/")
		if f := files[p]; f != nil {
			return sendSPAFile(c, f)
		}
		// A missing asset is an old build's: index.html in its place would be
		// run as a script and fail obscurely.
		if strings.HasPrefix(p, "assets/") {
			return fiber.ErrNotFound
		}
		return sendSPAFile(c, index)
	})
}

func sendSPAFile(c *fiber.Ctx, f *spaFile) error {
	v := f.pick(c.Get(fiber.HeaderAcceptEncoding))
	h := &c.Response().Header
	h.Set(fiber.HeaderCacheControl, f.cacheControl)
	h.Set(fiber.HeaderETag, v.etag)
	if len(f.variants) > 1 {
		h.Add(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
	}
	if etagMatches(c.Get(fiber.HeaderIfNoneMatch), v.etag) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	if v.encoding != "" {
		h.Set(fiber.HeaderContentEncoding, v.encoding)
	}
	h.SetContentType(f.contentType)
	// The bytes are read-only and live as long as the server: no copy per request.
	c.Response().SetBodyRaw(v.body)
	return nil
}

// etagMatches is If-None-Match's weak comparison (RFC 9110 13.1.2).
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == etag {
			return true
		}
	}
	return false
}
