package scenarios

import (
	"slices"
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
// order, and whether it was a bare keyword list (see GradeAnswer).
func GradeReply(items []ChecklistItem, text string) (hits []string, keywordsOnly bool) {
	g := GradeAnswer(&FreeText{Checklist: items}, text)
	return g.Hits, g.KeywordsOnly
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
			for _, group := range item.concepts() {
				for _, l := range sortedKeys(group) {
					for _, p := range group[l] {
						if p := normalize(p); p != "" {
							rest = strings.ReplaceAll(rest, p, " ")
						}
					}
				}
			}
			if item.Pattern != "" {
				if at, end := patternAt(item.Pattern, rest); at >= 0 {
					rest = rest[:at] + " " + rest[end:]
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

// satisfyingAnswer builds a reply that meets every element of a typed turn, in the
// order the turn asks for: for each element the first zh-CN phrasing (or the first of any
// language) of each concept group and an example of its pattern, each element in a
// sentence of its own, so it is neither a keyword list nor negated by its neighbour.
func satisfyingAnswer(ft *FreeText) string {
	items := slices.Clone(ft.Checklist)
	if ft.Order != nil {
		rank := func(id string) int {
			if i := slices.Index(ft.Order.Elements, id); i >= 0 {
				return i
			}
			return len(ft.Order.Elements)
		}
		slices.SortStableFunc(items, func(a, b ChecklistItem) int { return rank(a.ID) - rank(b.ID) })
	}
	parts := make([]string, 0, len(items))
	for _, item := range items {
		var words []string
		for _, group := range item.concepts() {
			for _, l := range append([]string{LocaleZH}, sortedKeys(group)...) {
				if ps := group[l]; len(ps) > 0 && normalize(ps[0]) != "" {
					words = append(words, strings.TrimSpace(ps[0]))
					break
				}
			}
		}
		if ex := patternExamples[item.Pattern]; ex != "" {
			words = append(words, ex)
		}
		parts = append(parts, "关于这一点，"+strings.Join(words, "，")+"，我会跟进到底。")
	}
	return strings.Join(parts, "")
}
