package apperr

import (
	"strconv"
	"strings"
)

// Lang is a language the server answers problems in.
type Lang int

const (
	// English is the default: API clients and scripts that send no
	// Accept-Language keep reading the texts they always did.
	English Lang = iota
	Chinese
)

// LangOf picks the language of an Accept-Language header: the preferred
// tag (highest q, earliest on a tie) decides; zh* is Chinese, anything else,
// or no header, English.
func LangOf(acceptLanguage string) Lang {
	best, bestQ := "", -1.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if tag != "" && q > 0 && q > bestQ { // q=0 means "not this one"
			best, bestQ = strings.ToLower(tag), q
		}
	}
	if best == "zh" || strings.HasPrefix(best, "zh-") {
		return Chinese
	}
	return English
}
