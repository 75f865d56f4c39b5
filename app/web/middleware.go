package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/session"
)

// Cookie names.
const (
	SessionCookie  = "ss_session"
	PlatformCookie = "ss_psession"
	CSRFCookie     = "ss_csrf"
	CSRFHeader     = "X-CSRF-Token"
)

func requestID(c *fiber.Ctx) error {
	id := c.Get("X-Request-ID")
	if id == "" || len(id) > 64 {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id = hex.EncodeToString(b)
	}
	c.Locals(access.RequestIDKey, id)
	c.Set("X-Request-ID", id)
	return c.Next()
}

type metrics struct {
	requests *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "servicestar_http_request_duration_seconds",
		Help:    "HTTP requests by route and status.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	}, []string{"method", "route", "status"})}
	reg.MustRegister(m.requests)
	return m
}

// observe logs and measures every request.
func observe(log *slog.Logger, m *metrics) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		if err != nil {
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		status := c.Response().StatusCode()
		route := c.Route().Path
		m.requests.WithLabelValues(c.Method(), route, strconv.Itoa(status)).Observe(time.Since(start).Seconds())
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		// Enabled first: at SS_LOG_LEVEL=warn or above the line is never
		// written, and building its attributes was measurable per request.
		if log.Enabled(c.UserContext(), level) && (status >= 500 || log.Enabled(c.UserContext(), slog.LevelDebug) || !strings.HasPrefix(c.Path(), "/assets/")) {
			attrs := []any{"method", c.Method(), "path", c.Path(), "status", status,
				"ms", float64(time.Since(start).Microseconds()) / 1000, "request_id", c.Locals(access.RequestIDKey)}
			if p, ok := c.Locals(access.LocalsKey).(*access.Principal); ok {
				attrs = append(attrs, "tenant", p.TenantSlug, "user_id", p.UserID)
			}
			log.Log(c.UserContext(), level, "request", attrs...)
		}
		return nil
	}
}

// resolveSession puts the principal (or platform operator) of the request's
// cookie into locals. An unknown or expired cookie is simply anonymous.
func resolveSession(s *session.Sessions, log *slog.Logger) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if strings.HasPrefix(c.Path(), "/api/v1/platform/") {
			if tok := c.Cookies(PlatformCookie); tok != "" {
				op, err := s.Platform(c.UserContext(), tok)
				if err != nil {
					log.Error("platform session lookup", "err", err)
					return writeProblem(c, 503, "session store unavailable")
				}
				if op != nil {
					c.Locals(session.OperatorKey, op)
				}
			}
			return c.Next()
		}
		if tok := c.Cookies(SessionCookie); tok != "" {
			p, err := s.User(c.UserContext(), tok)
			if err != nil {
				log.Error("session lookup", "err", err)
				return writeProblem(c, 503, "session store unavailable")
			}
			if p != nil {
				c.Locals(access.LocalsKey, p)
			}
		}
		return c.Next()
	}
}

// ldapLoginPath is sso.LDAPLoginPath (sso builds on auth, which this package
// must not import): a directory sign-in is a sign-in like /auth/login.
const ldapLoginPath = "/api/v1/sso/ldap/login"

var csrfExempt = map[string]bool{
	"/api/v1/auth/login":          true,
	"/api/v1/platform/auth/login": true,
	ldapLoginPath:                 true,
}

// csrf requires the session's token in a header on unsafe methods. The
// token is readable from a non-HttpOnly cookie by our own pages only
// (SameSite), so a forged cross-site form cannot send it.
func csrf(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	if csrfExempt[c.Path()] {
		return c.Next()
	}
	want := ""
	if p, ok := c.Locals(access.LocalsKey).(*access.Principal); ok {
		want = p.CSRFToken
	} else if op, ok := c.Locals(session.OperatorKey).(*session.Operator); ok {
		want = op.CSRFToken
	} else {
		return c.Next() // anonymous: the handler answers 401
	}
	got := c.Get(CSRFHeader)
	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return writeProblem(c, fiber.StatusForbidden, "missing or wrong CSRF token",
			apperr.Field{Location: "header." + CSRFHeader, Message: "send the value of the {cookie} cookie", Args: apperr.Args{"cookie": CSRFCookie}})
	}
	return c.Next()
}

var passwordChangeAllowed = map[string]bool{
	"/api/v1/me":          true,
	"/api/v1/me/password": true,
	"/api/v1/auth/logout": true,
	"/api/v1/auth/login":  true,
	ldapLoginPath:         true,
}

// forcePasswordChange blocks everything but the password change for a user
// whose password was set by an administrator.
func forcePasswordChange(c *fiber.Ctx) error {
	if p, ok := c.Locals(access.LocalsKey).(*access.Principal); ok && p.MustChangePwd && !passwordChangeAllowed[c.Path()] {
		return writeProblem(c, fiber.StatusForbidden, "change your password first",
			apperr.Field{Location: "body.new_password", Message: "an administrator set your password; choose your own"})
	}
	return c.Next()
}
