package cases

import (
	"bytes"
	"html"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Markdown is rendered by goldmark (raw HTML is dropped, as goldmark does
// unless told otherwise) and the result passes bluemonday's policy for
// user-generated content, which keeps formatting and safe links and drops
// scripts, event handlers, styles and javascript:/data: URLs. Neither is
// hand-written filtering.
var (
	md        = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	sanitizer = newSanitizer()
	stripper  = bluemonday.StrictPolicy()
)

func newSanitizer() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return p
}

// RenderHTML turns a Markdown field into sanitized HTML.
func RenderHTML(src string) string {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return html.EscapeString(src)
	}
	return sanitizer.Sanitize(buf.String())
}

// PlainText is what a reader sees of a Markdown field, without markup:
// the text search indexes and cuts snippets from.
func PlainText(src string) string {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return src
	}
	text := html.UnescapeString(stripper.Sanitize(buf.String()))
	return strings.Join(strings.Fields(text), " ")
}
