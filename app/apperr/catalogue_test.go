package apperr

import (
	"slices"
	"strings"
	"testing"
)

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
	args := Args{"min": 8}
	if got := Say(Chinese, "at least {min} characters", args); got != "至少 8 个字符" {
		t.Errorf("zh: %q", got)
	}
	if got := Say(English, "at least {min} characters", args); got != "at least 8 characters" {
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
		"zh;q=0, en":              English,
	} {
		if got := LangOf(header); got != want {
			t.Errorf("LangOf(%q) = %v, want %v", header, got, want)
		}
	}
}

// huma's validation messages come out in Chinese with their values.
func TestHumaMessagesInChinese(t *testing.T) {
	for en, want := range map[string]string{
		"expected required property due_at to be present":     "缺少必填字段 due_at",
		"expected length >= 1":                                "长度至少为 1",
		"expected number >= 1":                                "应大于或等于 1",
		"unexpected property":                                 "不允许的字段",
		"expected value to be one of \"subtree, users\"":      "只能是以下之一：subtree, users",
		"expected property a to be present when b is present": "有 b 时必须同时提供 a",
		"expected string to be RFC 3339 date-time":            "应为 RFC 3339 日期时间",
		"request body is too large limit=1024 bytes":          "请求内容过大（上限 1024 字节）",
		"something huma has never said":                       "something huma has never said",
	} {
		if got := Say(Chinese, en, nil); got != want {
			t.Errorf("%q: got %q, want %q", en, got, want)
		}
	}
	for _, m := range humaChinese {
		if n, z := len(verb.FindAllString(m.format, -1)), strings.Count(m.zh, "%"); n != z {
			t.Errorf("%q has %d values, its Chinese %q %d", m.format, n, m.zh, z)
		}
	}
}

// An area's catalogue is read once added; adding it again changes nothing;
// a text another area translates differently, or one that loses a
// placeholder or has no Chinese, is refused whole and changes nothing.
func TestAddAnAreasCatalogue(t *testing.T) {
	c := Catalogue{"at most {max} test moves": "最多 {max} 步测试"}
	if err := Add("test", c); err != nil {
		t.Fatal(err)
	}
	if err := Add("test", c); err != nil {
		t.Fatalf("adding the same catalogue again: %v", err)
	}
	if got := Say(Chinese, "at most {max} test moves", Args{"max": 3}); got != "最多 3 步测试" {
		t.Errorf("zh after Add: %q", got)
	}
	for name, bad := range map[string]Catalogue{
		"another text":  {"at most {max} test moves": "另一种说法 {max}", "a new test text": "新的测试文本"},
		"lost a value":  {"{n} test rows": "测试行", "a new test text": "新的测试文本"},
		"no Chinese":    {"an untranslated test text": "an untranslated test text", "a new test text": "新的测试文本"},
		"empty Chinese": {"an empty test text": "", "a new test text": "新的测试文本"},
	} {
		if err := Add("bad", bad); err == nil {
			t.Errorf("%s: Add accepted %v", name, bad)
		}
		if Known("a new test text") {
			t.Fatalf("%s: a refused catalogue was partly added", name)
		}
	}
}
