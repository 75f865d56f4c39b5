package web

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
)

// serveSPA serves the built frontend; unknown paths get index.html so the
// router's history mode works on reload.
func serveSPA(app *fiber.App, spa fs.FS) {
	if spa == nil {
		return
	}
	hasIndex := true
	if _, err := fs.Stat(spa, "index.html"); err != nil {
		hasIndex = false
	}
	app.Use("/assets", filesystem.New(filesystem.Config{Root: http.FS(spa), PathPrefix: "assets", MaxAge: 31536000}))
	app.Use(func(c *fiber.Ctx) error {
		if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
			return fiber.ErrMethodNotAllowed
		}
		if !hasIndex {
			return c.Type("txt").Status(fiber.StatusServiceUnavailable).SendString("ServiceStar: the frontend is not built; run `make build`.")
		}
		p := strings.TrimPrefix(path.Clean(c.Path()), "/")
		if p != "" && !strings.HasSuffix(p, "/") {
			if st, err := fs.Stat(spa, p); err == nil && !st.IsDir() {
				return filesystem.SendFile(c, http.FS(spa), p)
			}
		}
		c.Set(fiber.HeaderCacheControl, "no-cache")
		return filesystem.SendFile(c, http.FS(spa), "index.html")
	})
}
