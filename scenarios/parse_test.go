package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseProblems(t *testing.T) {
	ok := turnY("t1", "a>end")
	tests := []struct {
		name      string
		doc       string
		want      []string
		nilResult bool   // Parse could not read the file at all
		contains  string // a fragment of the first message
	}{
		{name: "too large", doc: strings.Repeat("#", MaxFileSize+1), want: []string{CodeTooLarge}, nilResult: true},
		{name: "syntax error", doc: "id: mini\ntitle: [unclosed  # <-\n", want: []string{CodeSyntax}, nilResult: true},
		{name: "not UTF-8", doc: "id: \xff\xfe\n", want: []string{CodeSyntax}, nilResult: true, contains: "UTF-8"},
		{name: "empty file", doc: "", want: []string{CodeEmpty}, nilResult: true},
		{name: "only a comment", doc: "# nothing here\n", want: []string{CodeEmpty}, nilResult: true},
		{name: "two documents", doc: mini(nil, ok) + "---  \nid: other  # <-\n", want: []string{CodeUnsupportedYAML}, nilResult: true},
		{name: "duplicate key", doc: mini([]string{"version: 1\n", "version: 1\nversion: 2  # <-\n"}, ok),
			want: []string{CodeDuplicateKey}, nilResult: true, contains: "version appears more than once"},
		{name: "top level is a list", doc: "- a\n- b\n", want: []string{CodeType}},
		{name: "anchor and alias",
			doc:  mini([]string{"summary: {zh-CN: 摘要, en: Summary}", "summary: &s {zh-CN: 摘要, en: Summary}  # <-\nsummary2: *s"}, ok),
			want: []string{CodeUnsupportedYAML}, nilResult: true},
		{name: "alias", doc: mini([]string{"summary: {zh-CN: 摘要, en: Summary}", "summary: {zh-CN: *s, en: Summary}  # <-"}, ok),
			want: []string{CodeUnsupportedYAML}, nilResult: true},
		{name: "tag", doc: mini([]string{"difficulty: 1", "difficulty: !!int 1  # <-"}, ok), want: []string{CodeUnsupportedYAML}, nilResult: true},
		{name: "complex key", doc: mini([]string{"difficulty: 1", "? difficulty  # <-\n: 1"}, ok), want: []string{CodeUnsupportedYAML}, nilResult: true},
		{name: "string where a number goes", doc: mini([]string{"difficulty: 1", "difficulty: two  # <-"}, ok),
			want: []string{CodeType}, contains: "whole number"},
		{name: "quoted number", doc: mini([]string{"age: 30", `age: "30"  # <-`}, ok), want: []string{CodeType}},
		{name: "number where a string goes", doc: mini([]string{"start: t1", "start: 1  # <-"}, ok),
			want: []string{CodeType}, contains: "quote"},
		{name: "scalar where a text goes", doc: mini([]string{"title: {zh-CN: 标题, en: Title}", "title: Title  # <-"}, ok),
			want: []string{CodeType}, contains: "zh-CN and en"},
		{name: "mapping where a list goes", doc: mini([]string{"products:\n", "products: {a: 1}  # <-\nx:\n"}, ok),
			want: []string{CodeType, CodeUnknownField}},
		{name: "unknown field with a hint", doc: mini([]string{"difficulty: 1", "difficuty: 1  # <-"}, ok),
			want: []string{CodeUnknownField}, contains: `did you mean "difficulty"`},
		{name: "typos do not cause follow-up problems", doc: mini([]string{"estimated_minutes: 5", "estimated_minute: 5"}, strings.Replace(ok, "choices:", "choises:", 1)),
			want: []string{CodeUnknownField, CodeUnknownField}, contains: "estimated_minutes"},
		{name: "unknown nested field", doc: mini(nil, strings.Replace(ok, "    choices:\n", "    mod: 3  # <-\n    choices:\n", 1)),
			want: []string{CodeUnknownField}},
		{name: "unknown language", doc: mini([]string{"title: {zh-CN: 标题, en: Title}", "title: {zh-CN: 标题, en: Title, fr: Titre}  # <-"}, ok),
			want: []string{CodeUnknownField}, contains: "zh-CN"},
		{name: "missing required field", doc: mini([]string{"  age: 30\n", "", "  name: {zh-CN: 王先生, en: Mr Wang}", "  name: {zh-CN: 王先生, en: Mr Wang}  # <-"}, ok),
			want: []string{CodeRequired}, contains: "persona.age"},
		{name: "missing required field of a choice", doc: mini(nil, strings.Replace(turnY("t1", "a>end <-"), ", feedback: {zh-CN: 不错, en: Fine}", "", 1)),
			want: []string{CodeRequired}, contains: "turns[0].choices[0].feedback"},
		{name: "empty value counts as missing", doc: mini([]string{"start: t1", "start:  # <-"}, ok), want: []string{CodeRequired}},
		{name: "number too large", doc: mini([]string{"age: 30", "age: 18446744073709551615  # <-"}, ok),
			want: []string{CodeOutOfRange}, contains: "1000000000"},
		{name: "byte order mark is fine", doc: "\xef\xbb\xbf" + mini(nil, ok)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, probs := Load("f.yaml", []byte(tt.doc))
			if got := probs.Codes(); !slices.Equal(got, tt.want) {
				t.Fatalf("codes = %v, want %v\n%v", got, tt.want, probs)
			}
			if (s == nil) != tt.nilResult {
				t.Errorf("scenario nil = %v, want %v", s == nil, tt.nilResult)
			}
			if len(probs) == 0 {
				return
			}
			if line := markerLine(tt.doc); line > 0 && probs[0].Line != line {
				t.Errorf("line = %d, want %d: %v", probs[0].Line, line, probs[0])
			}
			if !strings.Contains(probs[0].Message, tt.contains) {
				t.Errorf("message %q lacks %q", probs[0].Message, tt.contains)
			}
			for _, p := range probs {
				if p.File != "f.yaml" {
					t.Errorf("file = %q", p.File)
				}
			}
		})
	}
}

func TestParseKeepsLinesAndTexts(t *testing.T) {
	s := mustLoad(t, "salary-deposit.yaml")
	if s.File() != "salary-deposit.yaml" {
		t.Errorf("File = %q", s.File())
	}
	if got := s.Turns[1].ModelAnswer[LocaleEN]; !strings.HasPrefix(got, "If I understand") {
		t.Errorf("model answer = %q", got)
	}
	if l := s.Line("turns[2].choices[1].next"); l == 0 || l != s.Line("turns[2].choices[1]")+2 {
		t.Errorf("line of a choice's next = %d (choice at %d)", l, s.Line("turns[2].choices[1]"))
	}
	if l := s.Line("turns[2].choices[1].no_such_field"); l != s.Line("turns[2].choices[1]") {
		t.Errorf("a missing path must fall back to its parent's line, got %d", l)
	}
	if s.PassMark != nil || s.PassMarkOrDefault() != 80 {
		t.Errorf("pass mark default")
	}
	if *s.Turns[2].Mood != 55 || s.Turns[0].Mood != nil {
		t.Errorf("turn mood")
	}
}

// slowShapes are documents whose shape makes the YAML parser slow (quadratic or
// worse), each as large as an upload may be.
func slowShapes() map[string]string {
	fill := func(prefix, unit, suffix string) string {
		n := (MaxFileSize - len(prefix) - len(suffix)) / len(unit)
		return prefix + strings.Repeat(unit, n) + suffix
	}
	var deepBlock strings.Builder
	for i := 0; deepBlock.Len() < MaxFileSize/2; i++ {
		deepBlock.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	var manyKeys strings.Builder
	for i := 0; manyKeys.Len() < MaxFileSize-32; i++ {
		fmt.Fprintf(&manyKeys, "k%d: v\n", i)
	}
	return map[string]string{
		"deep unclosed brackets": fill("d: ", "[", ""),
		"deep closed brackets":   fill("d: ", "[", "")[:MaxFileSize/2] + strings.Repeat("]", MaxFileSize/2-3),
		"wide unclosed list":     fill("d: [", "a, ", ""),
		"wide unclosed mapping":  fill("d: {", "a: b, ", ""),
		"wide closed mapping":    fill("d: {", "a: b, ", "a: b}"),
		"deep block nesting":     deepBlock.String(),
		"dashes on one line":     fill("", "- ", "x\n"),
		"many keys":              manyKeys.String(),
		"lines of open brackets": fill("", "a: [\n", ""),
		"anchors":                fill("", "&a ", ""),
		"aliases":                fill("a: [", "*a, ", "]"),
		"tags":                   fill("", "!t ", ""),
		"complex keys":           fill("", "? ", ""),
		"directives":             fill("", "%YAML 1.2\n", ""),
		"documents":              fill("", "---\n", ""),
	}
}

// Shapes that make the YAML parser slow are refused by the pre-scan, which reads
// the bytes once in linear time, so the parser never sees them. How fast that is
// is measured by BenchmarkParseSlowShapes, not asserted here: a test that times
// itself fails on a busy machine, not on slow code.
func TestParseRefusesSlowShapesBeforeTheParser(t *testing.T) {
	for name, doc := range slowShapes() {
		t.Run(name, func(t *testing.T) {
			if len(doc) > MaxFileSize {
				t.Fatalf("case is %d bytes", len(doc))
			}
			if p := prescan([]byte(doc)); p == nil {
				t.Error("the pre-scan let it through to the parser")
			}
			if s, probs := Parse("slow.yaml", []byte(doc)); s != nil || len(probs) == 0 {
				t.Errorf("accepted: %v", probs)
			}
		})
	}
}

// The pre-scan must not refuse ordinary text that merely contains YAML's special
// characters.
func TestPrescanAcceptsOrdinaryText(t *testing.T) {
	doc := mini([]string{
		"title: {zh-CN: 标题, en: Title}", `title: {zh-CN: "标题 [1] & *注*", en: 'It''s R&D: 100% [sic] #1'}`,
		"summary: {zh-CN: 摘要, en: Summary}", "summary:\n  zh-CN: |\n    - 第一条 *重点* & [注]\n        ! 缩进很深的一行 # 不是注释\n    ? 问号\n  en: >-\n    Don't worry: it's *fine* [1] {2}\n    & more!",
		"goals: {zh-CN: 目标, en: Goals}", "goals:\n    zh-CN: \"多行\n      引号 'x' \\\" 文本\"\n    en: plain text with a # hash and a colon:inside  # a comment",
	}, turnY("t1", "a>end"))
	s, probs := Load("ok.yaml", []byte(doc))
	if len(probs) > 0 {
		t.Fatalf("%v\n%s", probs, doc)
	}
	if !strings.Contains(s.Summary[LocaleEN], "*fine* [1] {2}") || !strings.Contains(s.Title[LocaleEN], "It's R&D") {
		t.Errorf("texts: %q / %q", s.Summary[LocaleEN], s.Title[LocaleEN])
	}
}
