// Package frontend embeds the built single-page app so the Go binary can serve it.
// dist/ holds a committed .gitkeep so `go build` works before the first `npm run build`.
package frontend

import "embed"

//go:embed all:dist
var Dist embed.FS
