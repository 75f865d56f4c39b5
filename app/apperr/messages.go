package apperr

import (
	"fmt"
	"strings"
)

// Args fill the {name} placeholders of a message template, so a number or
// a list lands in the right place of either language's sentence.
type Args map[string]any

// Say renders an English message template in lang. The English template
// is the catalogue key; huma's validation messages are matched against
// humaChinese; any other text is sent as it is (the catalogue tests keep
// that from happening for our own messages).
func Say(lang Lang, template string, args Args) string {
	text := template
	if lang == Chinese {
		if zh, ok := lookup(template); ok {
			text = zh
		} else if zh, ok := humaInChinese(template); ok {
			return zh // huma filled in its values already
		}
	}
	return fill(text, args)
}

// Known reports whether the catalogues added so far have a Chinese text for template.
func Known(template string) bool {
	_, ok := lookup(template)
	return ok
}

// Templates lists every English template in the catalogue.
func Templates() []string {
	cat := *merged.Load()
	out := make([]string, 0, len(cat))
	for en := range cat {
		out = append(out, en)
	}
	return out
}

func fill(text string, args Args) string {
	if len(args) == 0 {
		return text
	}
	pairs := make([]string, 0, 2*len(args))
	for k, v := range args {
		pairs = append(pairs, "{"+k+"}", fmt.Sprint(v))
	}
	return strings.NewReplacer(pairs...).Replace(text)
}
