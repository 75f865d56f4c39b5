// Package pii finds and masks customer personal data in free text: mobile
// and landline numbers, 18-character resident ID-card numbers and bank-card
// numbers (PIPL). Feedback masks comments with it when it lists them, the
// case library masks a case on save and flags numbers while one is typed;
// both use the same rules so that a number masked in one place looks the
// same in the other.
package pii

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Kinds of personal data.
const (
	Phone    = "phone"
	IDCard   = "id_card"
	BankCard = "bank_card"
)

// Finding is one number in a text. Start and End count Unicode code points
// (what an editor's cursor counts for Chinese text), End exclusive.
type Finding struct {
	Kind   string `json:"kind" enum:"phone,id_card,bank_card"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Masked string `json:"masked" doc:"the number as it is stored after masking"`
}

var (
	idCardRe   = regexp.MustCompile(`\b\d{17}[\dXx]\b`)
	bankCardRe = regexp.MustCompile(`\b\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?\b`)
	mobileRe   = regexp.MustCompile(`(?:\+?86[ -]?)?\b1[3-9]\d[ -]?\d{4}[ -]?\d{4}\b`)
	landlineRe = regexp.MustCompile(`\b0\d{2,3}-\d{7,8}\b`)
)

type span struct {
	kind       string
	start, end int // bytes
}

// Find lists the numbers in text in order of position; where two patterns
// match the same digits the more specific one wins (an ID card with a
// valid check digit, then a bank card, then a phone number).
func Find(text string) []Finding {
	var spans []span
	taken := func(s, e int) bool {
		for _, sp := range spans {
			if s < sp.end && e > sp.start {
				return true
			}
		}
		return false
	}
	for _, m := range idCardRe.FindAllStringIndex(text, -1) {
		if validIDCard(text[m[0]:m[1]]) {
			spans = append(spans, span{IDCard, m[0], m[1]})
		}
	}
	for _, m := range bankCardRe.FindAllStringIndex(text, -1) {
		if n := digits(text[m[0]:m[1]]); n >= 16 && n <= 19 && !taken(m[0], m[1]) {
			spans = append(spans, span{BankCard, m[0], m[1]})
		}
	}
	for _, re := range []*regexp.Regexp{mobileRe, landlineRe} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			if !taken(m[0], m[1]) {
				spans = append(spans, span{Phone, m[0], m[1]})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	out := make([]Finding, len(spans))
	for i, sp := range spans {
		out[i] = Finding{Kind: sp.kind, Start: utf8.RuneCountInString(text[:sp.start]), End: utf8.RuneCountInString(text[:sp.end]),
			Masked: maskNumber(sp.kind, text[sp.start:sp.end])}
	}
	return out
}

// Mask returns text with every number Find finds masked.
func Mask(text string) string {
	out, _ := MaskKinds(text)
	return out
}

// MaskKinds masks text and says which kinds it masked (each once, in the
// order first met).
func MaskKinds(text string) (string, []string) {
	fs := Find(text)
	if len(fs) == 0 {
		return text, nil
	}
	runes := []rune(text)
	var b strings.Builder
	var kinds []string
	at := 0
	for _, f := range fs {
		b.WriteString(string(runes[at:f.Start]))
		b.WriteString(f.Masked)
		at = f.End
		seen := false
		for _, k := range kinds {
			seen = seen || k == f.Kind
		}
		if !seen {
			kinds = append(kinds, f.Kind)
		}
	}
	b.WriteString(string(runes[at:]))
	return b.String(), kinds
}

// maskNumber keeps the ends a person needs to tell two numbers apart:
// a phone its first three and last four digits (138****5678), an ID card
// its first six (the region) and last four, a bank card its first four
// (the issuer) and last four. Separators stay where they were.
func maskNumber(kind, s string) string {
	n := digits(s)
	head, tail := 3, 4
	switch kind {
	case IDCard:
		head, tail = 6, 4
	case BankCard:
		head, tail = 4, 4
	}
	if strings.HasPrefix(s, "+86") || strings.HasPrefix(s, "86") && n > 11 {
		head += 2 // the country code is not the number
	}
	if n <= head+tail {
		head, tail = 1, 2
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if isDigit(r) {
			if i >= head && i < n-tail {
				r = '*'
			}
			i++
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r == 'X' || r == 'x' }

func digits(s string) int {
	n := 0
	for _, r := range s {
		if isDigit(r) {
			n++
		}
	}
	return n
}

// validIDCard checks the ISO 7064 MOD 11-2 check character of an 18-digit
// resident ID number, which tells it from an 18-digit bank card.
func validIDCard(s string) bool {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * weights[i]
	}
	check := "10X98765432"[sum%11]
	last := s[17]
	if last == 'x' {
		last = 'X'
	}
	return last == check
}
