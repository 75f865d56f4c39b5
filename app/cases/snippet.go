package cases

import (
	"html"
	"strings"
	"unicode"
)

const snippetRunes = 120

// Snippet cuts a window of plain text around the first match of any token
// and marks every match in it. The text is escaped before the marks are
// added, so nothing from a case body reaches the page as markup.
func Snippet(plain string, tokens []string) string {
	text := []rune(plain)
	lower := []rune(strings.ToLower(plain))
	if len(lower) != len(text) { // lower-casing changed the length: match on the text itself
		lower = text
	}
	type hit struct{ at, n int }
	var hits []hit
	for i := 0; i < len(lower); i++ {
		for _, t := range tokens {
			tr := []rune(t)
			if i+len(tr) <= len(lower) && string(lower[i:i+len(tr)]) == t && wordEdge(lower, i, len(tr), tr) {
				hits = append(hits, hit{i, len(tr)})
				i += len(tr) - 1
				break
			}
		}
	}
	start := 0
	if len(hits) > 0 {
		start = max(0, hits[0].at-snippetRunes/4)
	}
	end := min(len(text), start+snippetRunes)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, h := range hits {
		if h.at < at || h.at+h.n > end {
			continue
		}
		b.WriteString(html.EscapeString(string(text[at:h.at])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(string(text[h.at : h.at+h.n])))
		b.WriteString("</mark>")
		at = h.at + h.n
	}
	b.WriteString(html.EscapeString(string(text[at:end])))
	if end < len(text) {
		b.WriteString("…")
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// wordEdge keeps a Latin token from matching inside a longer word ("loan"
// in "loans" is a different token in the index too); CJK pairs match
// anywhere, as they are indexed.
func wordEdge(text []rune, at, n int, tok []rune) bool {
	if isCJK(tok[0]) {
		return true
	}
	inWord := func(r rune) bool { return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	if at > 0 && inWord(text[at-1]) {
		return false
	}
	return at+n >= len(text) || !inWord(text[at+n])
}
