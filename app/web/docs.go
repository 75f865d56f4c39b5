package web

import "github.com/gofiber/fiber/v2"

// docsPage is the human API reference: RapiDoc, served from the embedded
// build (dist/vendor), reading our own OpenAPI document. load-fonts="false":
// RapiDoc otherwise fetches Open Sans from Google, which a bank's network
// blocks, our Content-Security-Policy refuses, and which would tell Google
// who reads the docs; system fonts serve instead. The page gives the
// reference its landmark and heading, and a primary colour dark enough for
// white text on it and for text on white (5.4:1; RapiDoc's gold was 3:1).
const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ServiceStar API</title>
<script type="module" src="/vendor/rapidoc-min.js"></script>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  h1 { font-size: 1.25rem; margin: 0; padding: 12px 16px; }
  /* RapiDoc's method names are light colours on white (2–3:1); its parts can be styled. */
  rapi-doc::part(label-operation-method) { color: #1f2328; }
</style>
</head>
<body>
<main>
<h1>ServiceStar API reference</h1>
<rapi-doc spec-url="/api/openapi.json" render-style="read" show-header="false" allow-try="true"
  theme="light" primary-color="#8a6400" schema-style="table" allow-authentication="false"
  load-fonts="false" regular-font="system-ui, sans-serif" mono-font="ui-monospace, monospace"></rapi-doc>
</main>
</body>
</html>`

func docsRoute(app *fiber.App) {
	app.Get("/api/docs", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
		return c.SendString(docsPage)
	})
}
