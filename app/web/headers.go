package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/helmet"
)

// contentSecurityPolicy lets pages run only the scripts this server ships
// (the SPA and the API docs are built into the binary; nothing comes from
// another origin), so injected markup cannot run code or send data away.
// Styles may be inline: Element Plus and ECharts set style attributes.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders are the browser protections every response carries: the
// policy above, no framing (clickjacking), no MIME sniffing, no referrer
// leaving the site, no access to camera, microphone or location, and HSTS
// when the request came over HTTPS (directly or via a proxy's X-Forwarded-Proto).
func securityHeaders() fiber.Handler {
	return helmet.New(helmet.Config{
		ContentSecurityPolicy: contentSecurityPolicy,
		XFrameOptions:         "DENY",
		ReferrerPolicy:        "no-referrer",
		PermissionPolicy:      "camera=(), microphone=(), geolocation=(), payment=()",
		HSTSMaxAge:            31536000,
	})
}
