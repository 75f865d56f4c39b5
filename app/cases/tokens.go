package cases

import (
	"strings"
	"unicode"
)

// Tokens splits text into what search indexes: every overlapping pair of
// CJK characters in a run of them ("理财产品" → 理财 财产 产品; a run of one
// character is that character), and every run of other letters and digits,
// lower-cased. Both databases index exactly these tokens and a query is
// split the same way, so "理财" is one token that an index finds at once,
// where trigram indexes and LIKE cannot (ARCHITECTURE.md, "Traps").
func Tokens(text string) []string {
	var out []string
	var cjk []rune
	var word strings.Builder
	flushCJK := func() {
		switch len(cjk) {
		case 0:
		case 1:
			out = append(out, string(cjk))
		default:
			for i := 0; i+1 < len(cjk); i++ {
				out = append(out, string(cjk[i:i+2]))
			}
		}
		cjk = cjk[:0]
	}
	flushWord := func() {
		if word.Len() > 0 {
			w := word.String()
			if len(w) > 64 {
				w = w[:64]
			}
			out = append(out, w)
			word.Reset()
		}
	}
	for _, r := range text {
		switch {
		case isCJK(r):
			flushWord()
			cjk = append(cjk, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushCJK()
			word.WriteRune(unicode.ToLower(r))
		default:
			flushCJK()
			flushWord()
		}
	}
	flushCJK()
	flushWord()
	return out
}

// isCJK reports whether r is written without spaces between words.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// queryTokens are the distinct tokens of a query, in order, at most 16.
func queryTokens(q string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range Tokens(q) {
		if !seen[t] && len(out) < 16 {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// singleChar reports whether a query is one CJK character and nothing
// else: no token pairs exist to look up, so search falls back to the
// titles (see search.go).
func singleChar(q string) (rune, bool) {
	rs := []rune(strings.TrimSpace(q))
	if len(rs) == 1 && isCJK(rs[0]) {
		return rs[0], true
	}
	return 0, false
}
