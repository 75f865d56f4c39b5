package web

import (
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/servicestar/servicestar/app/httpctx"
	"github.com/servicestar/servicestar/app/session"
)

var hideOnce sync.Once

// Options configure the HTTP layer.
type Options struct {
	Log                       *slog.Logger
	Sessions                  *session.Sessions
	Registry                  *prometheus.Registry
	Ready                     func() error
	SPA                       fs.FS // the built frontend (dist/), may be empty
	LoginRatePerMinute        int
	MaxConcurrentReads        int // see admitReads; 0: no limit
	LoginAccountRatePerMinute int
	// LoginAttempts is required: sign-in limits are counted there.
	LoginAttempts LoginCounter
	// StreamedPaths are the API paths whose handlers read the request body
	// as a stream (large uploads); see bufferBody.
	StreamedPaths []string
}

// Server is the Fiber app with its huma API.
type Server struct {
	Fiber *fiber.App
	API   huma.API
	log   *slog.Logger
}

// MaxUploadBytes bounds a request body that is read whole; imports are the
// largest (thousands of rows). Streamed paths set their own bounds.
const MaxUploadBytes = 32 << 20

// New builds the app and its middleware; features register their routes on
// API afterwards, and Finish adds the SPA fallback last.
func New(o Options) *Server {
	app := fiber.New(fiber.Config{
		AppName:                      "ServiceStar",
		BodyLimit:                    MaxUploadBytes, // with streaming: what is read ahead, see bufferBody
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true, // or fasthttp would spool an upload before its handler runs
		ErrorHandler:                 errorHandler,
		DisableStartupMessage:        true,
		ReadTimeout:                  30 * time.Second,
		WriteTimeout:                 60 * time.Second,
		IdleTimeout:                  120 * time.Second,
	})
	hideOnce.Do(func() { hideInternalErrors(o.Log) })
	m := newMetrics(o.Registry)
	app.Use(recover.New())
	app.Use(compressAPI())
	app.Use(securityHeaders())
	app.Use(requestID)
	app.Use(bufferBody(streamedPaths(o.StreamedPaths)))
	app.Use(observe(o.Log, m))
	opsRoutes(app, o)
	docsRoute(app)
	if o.LoginAttempts == nil {
		panic("web.New: Options.LoginAttempts is required") // no limit at all would fail open
	}
	for _, p := range []string{"/api/v1/auth/login", "/api/v1/platform/auth/login", ldapLoginPath} {
		app.Use(p, loginLimiter(o.LoginAttempts, p, o.LoginRatePerMinute, o.LoginAccountRatePerMinute))
	}
	app.Use("/api/v1", admitReads(o.MaxConcurrentReads, readPatience), resolveSession(o.Sessions, o.Log), csrf, forcePasswordChange, validText)

	cfg := huma.DefaultConfig("ServiceStar API", "1.0.0")
	cfg.Info.Description = "ServiceStar (服务之星): training sandboxes, service-star cases, satisfaction-weighted KPIs, awards and career tracks for banks."
	cfg.OpenAPIPath = "/api/openapi"
	cfg.DocsPath = ""
	cfg.SchemasPath = "/api/schemas"
	cfg.CreateHooks = nil // no $schema links in bodies: clients get plain JSON
	cfg.Transformers = append(cfg.Transformers, localizeBody)
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"session": {Type: "apiKey", In: "cookie", Name: SessionCookie, Description: "set by POST /api/v1/auth/login; unsafe methods also need the " + CSRFHeader + " header"},
	}
	cfg.Security = []map[string][]string{{"session": {}}}
	api := humafiber.New(app, cfg)
	api.UseMiddleware(httpctx.Middleware)
	return &Server{Fiber: app, API: api, log: o.Log}
}

// Finish adds what must come after every API route: a problem+json 404 for
// unknown API paths, and the SPA for everything else.
func (s *Server) Finish(spa fs.FS) {
	s.Fiber.Use("/api", func(c *fiber.Ctx) error {
		return writeProblem(c, fiber.StatusNotFound, "no such API route: "+c.Method()+" "+c.Path())
	})
	serveSPA(s.Fiber, spa, s.log)
}
