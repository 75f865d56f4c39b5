package scenarios

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a scenario file, located as precisely as known.
// It serializes to JSON as is, for an API response.
type Problem struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	// Path locates the value inside the scenario, e.g. "turns[2].choices[0].next".
	Path string `json:"path,omitempty"`
	// Turn is the id of the turn the problem is in, when it is in one.
	Turn string `json:"turn,omitempty"`
	// Code is stable and documented in FORMAT.md; clients may translate by it.
	Code string `json:"code"`
	// Message is readable text (English unless Localize was used).
	Message string `json:"message"`
	// Args are the values named in the message, for clients that render their own text.
	Args map[string]string `json:"args,omitempty"`
}

// Problem codes. Parse reports the first group, Validate the rest.
const (
	CodeTooLarge        = "too_large"
	CodeSyntax          = "syntax"
	CodeUnsupportedYAML = "unsupported_yaml"
	CodeEmpty           = "empty"
	CodeType            = "type"
	CodeUnknownField    = "unknown_field"
	CodeDuplicateKey    = "duplicate_key"
	CodeRequired        = "required"

	CodeMissingTranslation = "missing_translation"
	CodeInvalidID          = "invalid_id"
	CodeInvalidValue       = "invalid_value"
	CodeOutOfRange         = "out_of_range"
	CodeWeightsSum         = "weights_sum"
	CodeDuplicateID        = "duplicate_id"
	CodeUnknownStart       = "unknown_start"
	CodeDanglingNext       = "dangling_next"
	CodeUnreachable        = "unreachable"
	CodeNoEnding           = "no_ending"
	CodeUnknownProduct     = "unknown_product"
	CodeUnknownNeed        = "unknown_need"
	CodeUnknownDimension   = "unknown_dimension"
	CodeNoReply            = "no_reply"
	CodeBothReplies        = "both_replies"
	CodeTooMany            = "too_many"
	CodeNeedsFormat        = "needs_format"

	// Library codes: reported when a valid file cannot be stored as given.
	CodeIDTaken         = "id_taken"
	CodeVersionNotNewer = "version_not_newer"

	// Warning codes (see Warnings): the file is valid but easy to game.
	CodeBestIsLongest = "best_is_longest"
)

// messages holds the text of every code in both languages; {name} is replaced by Args.
var messages = map[string][2]string{ // code → {en, zh-CN}
	CodeTooLarge:        {"the file is {size} bytes; the limit is {limit} bytes", "文件大小为 {size} 字节，上限为 {limit} 字节"},
	CodeSyntax:          {"YAML syntax error: {detail}", "YAML 语法错误：{detail}"},
	CodeUnsupportedYAML: {"{feature} is not supported in scenario files", "场景文件不支持 {feature}"},
	CodeEmpty:           {"the file holds no scenario", "文件中没有场景内容"},
	CodeType:            {"{field} must be {want}", "{field} 应为{want_zh}"},
	CodeUnknownField:    {"unknown field {field}{hint}", "未知字段 {field}{hint_zh}"},
	CodeDuplicateKey:    {"{field} appears more than once", "{field} 重复出现"},
	CodeRequired:        {"{field} is required", "缺少必填项 {field}"},

	CodeMissingTranslation: {"{field} has no {locale} text", "{field} 缺少 {locale} 文本"},
	CodeInvalidID:          {"{field} \"{value}\" is not a valid id ({rule})", "{field} 的取值“{value}”不是合法的 id（{rule}）"},
	CodeInvalidValue:       {"{field} is \"{value}\"; allowed: {allowed}", "{field} 的取值“{value}”无效，可选：{allowed}"},
	CodeOutOfRange:         {"{field} is {value}; allowed {min}..{max}", "{field} 为 {value}，允许范围 {min}..{max}"},
	CodeWeightsSum:         {"weights sum to {value}; they must sum to 100", "权重合计为 {value}，必须为 100"},
	CodeDuplicateID:        {"id \"{value}\" is used more than once in {field}", "id“{value}”在 {field} 中重复"},
	CodeUnknownStart:       {"start \"{value}\" is not a turn", "start 指向的“{value}”不是一个回合"},
	CodeDanglingNext:       {"next \"{value}\" is neither a turn nor an ending", "next 指向的“{value}”既不是回合也不是结局"},
	CodeUnreachable:        {"{what} \"{value}\" cannot be reached from start", "从 start 无法到达{what_zh}“{value}”"},
	CodeNoEnding:           {"no ending can be reached from turn \"{value}\" (a loop with no way out?)", "从回合“{value}”无法到达任何结局（是否存在无出口的循环？）"},
	CodeUnknownProduct:     {"product \"{value}\" is not among the scenario's products", "产品“{value}”不在场景的产品列表中"},
	CodeUnknownNeed:        {"hidden need \"{value}\" is not among the persona's hidden needs", "隐藏需求“{value}”不在客户画像的隐藏需求中"},
	CodeUnknownDimension:   {"\"{value}\" is not a rubric dimension (allowed: {allowed})", "“{value}”不是评分维度（可选：{allowed}）"},
	CodeNoReply:            {"turn \"{value}\" has neither choices nor free_text", "回合“{value}”既没有选项也没有自由作答"},
	CodeBothReplies:        {"turn \"{value}\" has both choices and free_text; keep one", "回合“{value}”同时有选项和自由作答，只能保留一种"},
	CodeTooMany:            {"{field} has {value} entries; at most {max} are allowed", "{field} 有 {value} 项，最多允许 {max} 项"},
	CodeNeedsFormat:        {"{field} needs format: {min} or later (the file declares format {value})", "{field} 需要 format: {min} 或更高（文件声明的是 format {value}）"},
	CodeIDTaken:            {"id \"{value}\" belongs to a built-in scenario; clone it under a new id instead", "id“{value}”属于内置场景，请以新 id 克隆后再修改"},
	CodeBestIsLongest: {"the best choice is also the longest in {count} of {total} choice turns; trainees learn to pick the longest reply (shorten it or lengthen the others)",
		"在 {count}/{total} 个选择回合中，最佳选项同时也是最长的选项；学员会学会“挑最长的”（请精简最佳选项或充实其他选项）"},
	CodeVersionNotNewer: {"version is {value}; it must be above the published version {published}", "version 为 {value}，必须大于已发布的版本 {published}"},
}

// newProblem renders the English message of code with args given as name, value pairs.
func newProblem(code string, kv ...string) Problem {
	p := Problem{Code: code}
	if len(kv) > 0 {
		p.Args = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			p.Args[kv[i]] = kv[i+1]
		}
	}
	p.Message = p.Localized(LocaleEN)
	return p
}

// LibraryProblem is a problem found outside the file's own rules (an id or
// version clash with what is stored), located at the file's line for path.
func LibraryProblem(s *Scenario, file, path, code string, kv ...string) Problem {
	p := newProblem(code, kv...)
	p.File, p.Path, p.Line = file, path, s.Line(path)
	return p
}

// Localized returns the problem's message in locale (zh-CN or en; others get English).
func (p Problem) Localized(locale string) string {
	tpl, ok := messages[p.Code]
	if !ok {
		return p.Message
	}
	t := tpl[0]
	if locale == LocaleZH {
		t = tpl[1]
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(t[:i])
		name := t[i+1 : i+j]
		if v, ok := p.Args[name]; ok {
			b.WriteString(v)
		} else if base, found := strings.CutSuffix(name, "_zh"); found {
			b.WriteString(p.Args[base]) // no Chinese variant given: reuse the plain value
		}
		t = t[i+j+1:]
	}
	b.WriteString(t)
	return b.String()
}

// String formats the problem as "file:line: message [code]".
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteByte(':')
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, "%d:", p.Line)
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if p.Turn != "" {
		fmt.Fprintf(&b, "turn %s: ", p.Turn)
	}
	fmt.Fprintf(&b, "%s [%s]", p.Message, p.Code)
	return b.String()
}

// Problems is every problem found in one go. It implements error; use Err to get a
// nil error when the list is empty. It serializes to a JSON array.
type Problems []Problem

// Error lists the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d scenario problem(s):\n%s", len(ps), strings.Join(lines, "\n"))
}

// Err returns ps as an error, or nil when there are none. Returning a nil Problems
// through an error interface would be a non-nil error; use this instead.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Localize returns a copy whose messages are in locale.
func (ps Problems) Localize(locale string) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		p.Message = p.Localized(locale)
		out[i] = p
	}
	return out
}

// Codes returns the problem codes in order (handy in tests and logs).
func (ps Problems) Codes() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Code
	}
	return out
}

// sortByLine orders problems by line; problems without a line keep their place after.
func (ps Problems) sortByLine() {
	sort.SliceStable(ps, func(i, j int) bool {
		li, lj := ps[i].Line, ps[j].Line
		if li == 0 || lj == 0 {
			return li != 0 && lj == 0
		}
		return li < lj
	})
}
