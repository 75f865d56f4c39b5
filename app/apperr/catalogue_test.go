package apperr

import (
	"regexp"
	"slices"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Every entry has a Chinese text with the same placeholders, so no value
// is lost or left as "{max}" in either language.
func TestCatalogueEntriesAreComplete(t *testing.T) {
	for _, en := range Templates() {
		zh := chinese[en]
		if zh == "" || zh == en {
			t.Errorf("%q has no Chinese text", en)
		}
		want, got := placeholder.FindAllString(en, -1), placeholder.FindAllString(zh, -1)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("%q has placeholders %v, its Chinese %q has %v", en, want, zh, got)
		}
	}
}

func TestSayFillsTemplates(t *testing.T) {
	args := Args{"max": 200}
	if got := Say(Chinese, "at most {max} moves", args); got != "最多 200 步" {
		t.Errorf("zh: %q", got)
	}
	if got := Say(English, "at most {max} moves", args); got != "at most 200 moves" {
		t.Errorf("en: %q", got)
	}
	if got := Say(Chinese, "not in the catalogue", nil); got != "not in the catalogue" {
		t.Errorf("unknown text: %q", got)
	}
}

func TestLangOf(t *testing.T) {
	for header, want := range map[string]Lang{
		"":                        English,
		"zh-CN":                   Chinese,
		"zh":                      Chinese,
		"ZH-tw":                   Chinese,
		"en":                      English,
		"en-US,en;q=0.9":          English,
		"zh-CN,zh;q=0.9,en;q=0.8": Chinese,
		"en;q=0.5, zh-CN;q=0.8":   Chinese,
		"fr-FR":                   English,
		"zhx":                     English,
		"*":                       English,
	} {
		if got := LangOf(header); got != want {
			t.Errorf("LangOf(%q) = %v, want %v", header, got, want)
		}
	}
}
