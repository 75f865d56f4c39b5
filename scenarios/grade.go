package scenarios

import (
	"strings"
	"unicode/utf8"
)

// Reasons a typed reply is graded as unsure (Grade.Unsure): the rules may have
// misjudged it, so the attempt is marked for a human look.
const (
	// UnsureFewHits: a reply that reads as an answer (at least unsureMinUnits
	// Chinese characters and words, with a clause of at least unsureMinClause) met
	// fewer than half the elements. A real answer the phrasings missed looks like this.
	UnsureFewHits = "few_hits"
	// UnsureShortPhrasings: every element met was met only through very short
	// phrasings (two Chinese characters, or one English word of four letters or
	// fewer), which also turn up by accident ("进展" in "没有进展").
	UnsureShortPhrasings = "short_phrasings"
	// UnsureNegation: a phrasing of a checklist or forbidden element is followed in
	// its clause by a negation ("挂失就不用了", "freeze it? not needed") or preceded by
	// two negators ("不能不挂失"); the rules read neither.
	UnsureNegation = "negation"
)

const (
	unsureMinUnits  = 20 // Chinese characters plus English words
	unsureMinClause = 8
	shortHan        = 2
	shortLetters    = 4
	afterReachRunes = 10 // how far after a phrasing a trailing negation is looked for:
	afterReachWords = 5  // in Chinese characters, in English words
)

// zhAfterNegations and enAfterNegations cancel what came before them in a clause.
var (
	zhAfterNegations = []string{"不用", "不需要", "不必", "没必要", "算了", "免了", "不要了"}
	enAfterNegations = []string{"not needed", "no need", "not necessary", "unnecessary", "not required", "never mind"}
)

// Grade is the grading of one typed reply.
type Grade struct {
	// Hits are the ids of the checklist elements met, in checklist order.
	Hits []string
	// KeywordsOnly marks a bare list of phrasings, which meets nothing.
	KeywordsOnly bool
	// OrderMet: the turn asks for an order and every element of it was met, their
	// first occurrences in that order.
	OrderMet bool
	// Unsure are the reasons (Unsure… codes) the grade may be wrong; empty when sure.
	Unsure []string
}

// elementMatch is where and how a checklist element was met.
type elementMatch struct {
	met   bool
	at    int  // byte offset of its first occurrence: the earliest of its concepts
	short bool // met only through very short phrasings
}

// GradeAnswer grades a typed reply against a typed turn. An element is met when the
// reply holds each of its concepts (a phrasing of each group, the pattern), compared
// case-insensitively after NFKC folding with runs of white space as one space, and not
// negated just before within its clause. A reply that is only the phrasings of two or
// more elements is a keyword list: it meets nothing. The script order is met when every
// element it lists is met and their first occurrences come in its order: saying an
// element again later changes nothing, and a negated or missing element breaks it.
func GradeAnswer(ft *FreeText, text string) Grade {
	reply := normalize(text)
	var g Grade
	matches := make(map[string]elementMatch, len(ft.Checklist))
	allShort := true
	for i := range ft.Checklist {
		item := &ft.Checklist[i]
		m := matchElement(item, reply)
		if m.met {
			g.Hits = append(g.Hits, item.ID)
			matches[item.ID] = m
			allShort = allShort && m.short
		}
	}
	if len(g.Hits) >= 2 && onlyPhrasings(ft.Checklist, reply) {
		g.Hits, g.KeywordsOnly = nil, true
		return g
	}
	if ft.Order != nil && len(ft.Order.Elements) > 0 {
		g.OrderMet = true
		last := -1
		for _, id := range ft.Order.Elements {
			m, ok := matches[id]
			if !ok || m.at <= last {
				g.OrderMet = false
				break
			}
			last = m.at
		}
	}
	if 2*len(g.Hits) < len(ft.Checklist) && substantial(reply) {
		g.Unsure = append(g.Unsure, UnsureFewHits)
	}
	if len(g.Hits) > 0 && allShort {
		g.Unsure = append(g.Unsure, UnsureShortPhrasings)
	}
	if unresolvedNegation(ft, reply) {
		g.Unsure = append(g.Unsure, UnsureNegation)
	}
	return g
}

// matchElement finds each concept of the element in the normalized reply.
func matchElement(item *ChecklistItem, reply string) elementMatch {
	groups := item.concepts()
	if len(groups) == 0 && item.Pattern == "" {
		return elementMatch{}
	}
	m := elementMatch{met: true, at: len(reply), short: item.Pattern == ""}
	for _, group := range groups {
		at, short := firstUnnegated(group, reply)
		if at < 0 {
			return elementMatch{}
		}
		m.at = min(m.at, at)
		m.short = m.short && short
	}
	if item.Pattern != "" {
		at, _ := patternAt(item.Pattern, reply)
		if at < 0 {
			return elementMatch{}
		}
		m.at = min(m.at, at)
	}
	return m
}

// firstUnnegated returns the offset of the earliest phrasing of the group found not
// negated, or -1, and whether every phrasing found is a very short one.
func firstUnnegated(group Phrasings, reply string) (at int, short bool) {
	at, short = -1, true
	for _, l := range sortedKeys(group) {
		for _, p := range group[l] {
			p = normalize(p)
			if p == "" {
				continue
			}
			if i := indexUnnegated(reply, p); i >= 0 {
				if at < 0 || i < at {
					at = i
				}
				short = short && isShortPhrasing(p)
			}
		}
	}
	return at, short
}

// indexUnnegated is the offset of the first occurrence of phrasing not negated, or -1.
func indexUnnegated(reply, phrasing string) int {
	for from := 0; ; {
		i := strings.Index(reply[from:], phrasing)
		if i < 0 {
			return -1
		}
		if !negated(reply, from+i) {
			return from + i
		}
		from += i + len(phrasing)
	}
}

func isShortPhrasing(p string) bool {
	han, words := units(p)
	switch {
	case words == 0:
		return han <= shortHan
	case han == 0 && words == 1:
		return utf8.RuneCountInString(strings.TrimSpace(p)) <= shortLetters
	}
	return false
}

// substantial tells whether a reply reads as an answer, not a word or two.
func substantial(reply string) bool {
	han, words := units(reply)
	if han+words < unsureMinUnits {
		return false
	}
	for _, seg := range strings.FieldsFunc(reply, func(r rune) bool { return strings.ContainsRune(",.;!?:，。；！？：、\n", r) }) {
		if h, w := units(seg); h+w >= unsureMinClause {
			return true
		}
	}
	return false
}

// unresolvedNegation reports a negation the rules cannot read around any phrasing of the
// turn: one after the phrasing in its clause, or two negators before it.
func unresolvedNegation(ft *FreeText, reply string) bool {
	var groups []Phrasings
	for i := range ft.Checklist {
		groups = append(groups, ft.Checklist[i].concepts()...)
	}
	for _, f := range ft.Forbidden {
		groups = append(groups, f.Phrasings)
	}
	for _, group := range groups {
		for _, l := range sortedKeys(group) {
			for _, p := range group[l] {
				if p = normalize(p); p != "" && negationAround(reply, p) {
					return true
				}
			}
		}
	}
	return false
}

// negationAround reports whether an occurrence of the phrasing is followed by a
// negation in its clause or preceded by a double negation.
func negationAround(reply, p string) bool {
	for from := 0; ; {
		i := strings.Index(reply[from:], p)
		if i < 0 {
			return false
		}
		at, end := from+i, from+i+len(p)
		if negatedAfter(reply[end:]) || doubleNegated(reply[:at]) {
			return true
		}
		from = end
	}
}

// negatedAfter looks at the rest of the clause after a phrasing for a negation that
// takes it back.
func negatedAfter(rest string) bool {
	rest = head(rest, reachBytes)
	cut := len(rest)
	for _, b := range clauseBreaks {
		if i := strings.Index(rest, b); i >= 0 && i < cut {
			cut = i
		}
	}
	rest = rest[:cut]
	zh, n := rest, 0
	for i := range zh { // at each character
		if n == afterReachRunes {
			zh = zh[:i]
			break
		}
		n++
	}
	if strings.ContainsAny(zh, "不没算免") {
		zh = blankNotNegating(zh)
		for _, n := range zhAfterNegations {
			if strings.Contains(zh, n) {
				return true
			}
		}
	}
	if !strings.Contains(rest, "no") && !strings.Contains(rest, "ne") {
		return false // every English negation here has one
	}
	words := strings.Fields(rest)
	en := " " + strings.Join(words[:min(len(words), afterReachWords)], " ") + " "
	for _, n := range enAfterNegations {
		if strings.Contains(en, " "+n+" ") {
			return true
		}
	}
	return false
}

// doubleNegated tells whether the clause before a phrasing holds two negators within
// the reach of negation ("不能不", "not that we won't").
func doubleNegated(prefix string) bool {
	prefix = tail(prefix, reachBytes)
	for _, b := range clauseBreaks {
		if i := strings.LastIndex(prefix, b); i >= 0 {
			prefix = prefix[i+len(b):]
		}
	}
	if strings.ContainsAny(prefix, "不没别未勿") {
		zh := prefix
		if n := utf8.RuneCountInString(zh); n > negationRunesZH {
			for range n - negationRunesZH {
				_, size := utf8.DecodeRuneInString(zh)
				zh = zh[size:]
			}
		}
		count := 0
		for _, r := range blankNotNegating(zh) {
			if strings.ContainsRune("不没别未勿", r) {
				count++
			}
		}
		if count >= 2 {
			return true
		}
	}
	return countLastWords(prefix, negationWordsEN, isNegatorEN) >= 2
}
