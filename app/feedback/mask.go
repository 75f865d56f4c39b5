package feedback

import (
	"regexp"
	"strings"
)

// Customer numbers in a comment are personal data (PIPL): a list shows a
// comment with phone, ID-card and bank-card numbers masked, keeping only
// their ends so that a person can still tell two apart. The stored text
// stays as the source sent it.
var (
	idCard   = regexp.MustCompile(`\b\d{17}[\dXx]\b`)
	bankCard = regexp.MustCompile(`\b\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?\b`)
	mobile   = regexp.MustCompile(`(?:\+?86[ -]?)?\b1[3-9]\d[ -]?\d{4}[ -]?\d{4}\b`)
	landline = regexp.MustCompile(`\b0\d{2,3}-\d{7,8}\b`)
)

// Mask hides phone, ID-card and bank-card numbers in text.
func Mask(text string) string {
	for _, re := range []*regexp.Regexp{idCard, bankCard, mobile, landline} {
		text = re.ReplaceAllStringFunc(text, maskDigits)
	}
	return text
}

// maskDigits keeps the first three and last four digits of a number
// (fewer of a short one) and stars the rest; separators stay.
func maskDigits(s string) string {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
			digits++
		}
	}
	head, tail := 3, 4
	if digits <= head+tail {
		head, tail = 1, 2
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
			if i >= head && i < digits-tail {
				r = '*'
			}
			i++
		}
		b.WriteRune(r)
	}
	return b.String()
}
