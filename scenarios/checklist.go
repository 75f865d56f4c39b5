package scenarios

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MatchChecklist returns the ids of the checklist elements a typed reply meets, in
// checklist order (see GradeReply).
func MatchChecklist(items []ChecklistItem, text string) []string {
	hits, _ := GradeReply(items, text)
	return hits
}

// GradeReply returns the ids of the checklist elements a typed reply meets, in checklist
// order. An element is met when the reply contains any of its phrasings in any language,
// compared case-insensitively after NFKC folding (so full-width "ＯＫ" matches "ok") and
// with runs of white space counted as one space, and not negated just before within its
// clause ("不用挂失" does not meet "挂失"; see negated). A reply that is only the
// phrasings of two or more elements with next to nothing around them ("别慌 挂失 核实
// 报警") is a keyword list, not an answer a customer could be given: it meets nothing,
// and keywordsOnly says why.
func GradeReply(items []ChecklistItem, text string) (hits []string, keywordsOnly bool) {
	reply := normalize(text)
	for _, item := range items {
		if phrasingsFound(item.Phrasings, reply) {
			hits = append(hits, item.ID)
		}
	}
	if len(hits) >= 2 && onlyPhrasings(items, reply) {
		return nil, true
	}
	return hits, false
}

// onlyPhrasings reports whether the reply is a list of keywords: every segment (between
// punctuation, or between spaces around Chinese) is a phrasing with at most one word or
// character around it, or a Chinese fragment of four characters or fewer.
func onlyPhrasings(items []ChecklistItem, reply string) bool {
	segs := segments(reply)
	if len(segs) < 2 {
		return false
	}
	for _, seg := range segs {
		rest := seg
		for _, item := range items {
			for _, l := range sortedKeys(item.Phrasings) {
				for _, p := range item.Phrasings[l] {
					if p := normalize(p); p != "" {
						rest = strings.ReplaceAll(rest, p, " ")
					}
				}
			}
		}
		han, words := units(seg)
		if restHan, restWords := units(rest); restHan+restWords > 1 && (words > 0 || han > 4) {
			return false
		}
	}
	return true
}

// segments splits a reply at punctuation (not apostrophes), and at spaces next to Chinese
// characters (Chinese puts none inside a clause; English puts one between every word).
func segments(reply string) []string {
	rs := []rune(reply)
	var out []string
	start := 0
	cut := func(end int) {
		if seg := strings.TrimSpace(string(rs[start:end])); seg != "" {
			out = append(out, seg)
		}
		start = end + 1
	}
	for i, r := range rs {
		switch {
		case r == '\'' || r == '’':
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			cut(i)
		case r == ' ' && (i > 0 && isHan(rs[i-1]) || i+1 < len(rs) && isHan(rs[i+1])):
			cut(i)
		}
	}
	cut(len(rs))
	return out
}

// units counts the Chinese characters and the other words (letters or digits) of s.
func units(s string) (han, words int) {
	inWord := false
	for _, r := range s {
		switch {
		case isHan(r):
			han++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'':
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return han, words
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func normalize(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// satisfyingAnswer builds a reply that meets every element of a checklist: the first
// zh-CN phrasing of each (or the first phrasing of any language), each in a sentence of
// its own, so it is neither a keyword list nor negated by its neighbour.
func satisfyingAnswer(items []ChecklistItem) string {
	parts := make([]string, 0, len(items))
	for _, item := range items {
		for _, l := range append([]string{LocaleZH}, sortedKeys(item.Phrasings)...) {
			if ps := item.Phrasings[l]; len(ps) > 0 && normalize(ps[0]) != "" {
				parts = append(parts, "关于这一点，"+strings.TrimSpace(ps[0])+"，我会跟进到底。")
				break
			}
		}
	}
	return strings.Join(parts, "")
}
