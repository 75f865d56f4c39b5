package web

import "github.com/gofiber/fiber/v2"

// docsPage is the human API reference: RapiDoc, served from the embedded
// build (dist/vendor), reading our own OpenAPI document. load-fonts="false":
// RapiDoc otherwise fetches Open Sans from Google, which a bank's network
// blocks, our Content-Security-Policy refuses, and which would tell Google
// who reads the docs; system fonts serve instead.
const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ServiceStar API</title>
<script type="module" src="/vendor/rapidoc-min.js"></script>
</head>
<body>
<rapi-doc spec-url="/api/openapi.json" render-style="read" show-header="false" allow-try="true"
  theme="light" primary-color="#b8860b" schema-style="table" allow-authentication="false"
  load-fonts="false" regular-font="system-ui, sans-serif" mono-font="ui-monospace, monospace"></rapi-doc>
</body>
</html>`

func docsRoute(app *fiber.App) {
	app.Get("/api/docs", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
		return c.SendString(docsPage)
	})
}
