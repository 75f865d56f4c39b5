package scenarios

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phrasing found in a typed reply does not count when the same clause negates it just
// before: "不用挂失" does not say "挂失", "I will never ask for your password" does not ask
// for it. These are rules, not understanding: negation after the phrase ("挂失就不用了")
// and double negation are not recognised.
const (
	negationRunesZH = 8 // a Chinese negator governs the few characters after it
	negationWordsEN = 4 // an English one the few words after it
)

// zhNegators are read as negation wherever they stand, but for the words in zhNotNegating.
var zhNegators = []string{"不", "没", "别", "未", "勿", "无需", "无须", "无法", "并非", "非得"}

// zhNotNegating are words that hold a negator's character without negating what follows
// ("不错", "识别"), and reassurances that negate a feeling, not the action after them
// ("别慌，我帮您挂失").
var zhNotNegating = []string{
	"不错", "不久", "不断", "不少", "不仅", "不但", "不过", "不好意思", "不便", "不满", "不安", "不客气",
	"不论", "不管", "特别", "区别", "分别", "级别", "识别", "类别", "个别", "告别", "鉴别", "甄别", "别人", "别的",
	"未来", "没关系", "没问题", "没错",
	"别慌", "别急", "别着急", "别担心", "别怕", "不要慌", "不要急", "不要着急", "不要担心", "不用担心", "不必担心",
	"不用急", "不用着急", "不用怕", "不要怕", "无论", "不需要担心",
	// Questions of the form "A 不 A" ask; they do not deny.
	"对不对", "是不是", "好不好", "能不能", "要不要", "有没有", "可不可以", "行不行", "会不会",
}

// enNegators are whole words (after splitting off punctuation).
var enNegators = map[string]bool{
	"not": true, "no": true, "never": true, "without": true, "cannot": true, "nor": true,
	"don't": true, "doesn't": true, "didn't": true, "won't": true, "can't": true, "shouldn't": true,
	"mustn't": true, "needn't": true, "isn't": true, "aren't": true, "wouldn't": true, "neither": true,
}

// clauseBreaks end the reach of a negator: punctuation, and words that turn the sentence.
var clauseBreaks = []string{",", ".", ";", "!", "?", ":", "，", "。", "；", "！", "？", "：", "、", "\n",
	"但是", "但", "可是", "不过", "而是", " but ", " however "}

// negated reports whether the phrasing found at byte offset at of the normalized reply
// is negated within its clause.
func negated(reply string, at int) bool {
	prefix := tail(reply[:at], reachBytes)
	for _, b := range clauseBreaks {
		if i := strings.LastIndex(prefix, b); i >= 0 {
			prefix = prefix[i+len(b):]
		}
	}
	return negatedZH(prefix) || negatedEN(prefix)
}

// negatedZH looks for a negator among the last few characters before the phrasing.
// Chinese puts no spaces inside a clause, so a space ends the reach too ("别慌 挂失").
func negatedZH(prefix string) bool {
	if i := strings.LastIndexByte(prefix, ' '); i >= 0 {
		prefix = prefix[i+1:]
	}
	for range utf8.RuneCountInString(prefix) - negationRunesZH {
		_, size := utf8.DecodeRuneInString(prefix)
		prefix = prefix[size:]
	}
	if !strings.ContainsAny(prefix, "不没别未勿无并非") {
		return false // the common case, without blanking anything
	}
	prefix = blankNotNegating(prefix)
	for _, n := range zhNegators {
		if strings.Contains(prefix, n) {
			return true
		}
	}
	return false
}

// reachBytes bounds the text around a phrasing that negation is looked for in: more
// than the reach of a negator (eight characters, four or five words), so scanning for
// clause breaks costs the same at every place of a long reply.
const reachBytes = 96

// tail returns the last n bytes of s or fewer, starting at a character.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// head returns the first n bytes of s or fewer, ending at a character.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// blankNotNegating blanks out the words that only look negating, keeping the length in
// characters.
func blankNotNegating(s string) string {
	return notNegatingBlanks.Replace(s)
}

// notNegatingBlanks replaces each word of zhNotNegating by as many "·", in one pass.
var notNegatingBlanks = func() *strings.Replacer {
	// Longer words first, so "不要着急" is blanked whole rather than as "不要" + "着急".
	words := slices.Clone(zhNotNegating)
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	pairs := make([]string, 0, 2*len(words))
	for _, w := range words {
		pairs = append(pairs, w, strings.Repeat("·", utf8.RuneCountInString(w)))
	}
	return strings.NewReplacer(pairs...)
}()

// negatedEN looks for a negating word among the last few words before the phrasing.
func negatedEN(prefix string) bool {
	return countLastWords(prefix, negationWordsEN, isNegatorEN) > 0
}

func isNegatorEN(w string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	w = strings.ReplaceAll(w, "’", "'")
	return enNegators[w] || strings.HasSuffix(w, "n't")
}

// countLastWords counts the words among the last k of s (split at white space) that
// match, without building a list: this runs at every occurrence of every phrasing.
func countLastWords(s string, k int, match func(string) bool) int {
	if !strings.ContainsRune(s, 'n') {
		return 0 // every English negator has an n
	}
	count := 0
	for end := len(s); k > 0; k-- {
		for end > 0 && s[end-1] == ' ' {
			end--
		}
		if end == 0 {
			break
		}
		start := strings.LastIndexByte(s[:end], ' ') + 1
		if match(s[start:end]) {
			count++
		}
		end = start
	}
	return count
}

// containsUnnegated reports whether the normalized reply contains the normalized phrasing
// at least once where it is not negated.
func containsUnnegated(reply, phrasing string) bool {
	for from := 0; ; {
		i := strings.Index(reply[from:], phrasing)
		if i < 0 {
			return false
		}
		if !negated(reply, from+i) {
			return true
		}
		from += i + len(phrasing)
	}
}
