package scenarios

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// MaxFileSize is the largest scenario file Parse accepts (1 MiB). It is checked before
// anything else, so an oversized upload costs nothing to refuse. A 500-turn bilingual
// scenario, the largest the product is sized for, is about 0.5 MiB of YAML.
const MaxFileSize = 1 << 20

// Load parses and validates a scenario file and returns every problem of both steps,
// ordered by line. The scenario is usable only when the list is empty.
func Load(file string, data []byte) (*Scenario, Problems) {
	s, probs := Parse(file, data)
	if s != nil {
		probs = append(probs, Validate(s)...)
	}
	probs.sortByLine()
	return s, probs
}

// Parse reads one scenario file strictly: unknown fields, wrong types, missing
// required fields, anchors, aliases and tags are problems, each with its line. It checks
// the structure only; Validate checks the meaning. Parse never panics.
//
// The scenario is nil when the file could not be read as YAML at all (too large, syntax
// error, empty); otherwise it is returned, possibly with problems, so that Validate can
// still report everything else in one go.
func Parse(file string, data []byte) (*Scenario, Problems) {
	located := func(ps Problems) Problems {
		for i := range ps {
			ps[i].File = file
		}
		return ps
	}
	if len(data) > MaxFileSize {
		return nil, located(Problems{newProblem(CodeTooLarge,
			"size", strconv.Itoa(len(data)), "limit", strconv.Itoa(MaxFileSize))})
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // editors on Windows add a BOM
	if !utf8.Valid(data) {
		return nil, located(Problems{newProblem(CodeSyntax, "detail", "the file is not valid UTF-8")})
	}
	if p := prescan(data); p != nil {
		return nil, located(Problems{*p})
	}
	f, err := parseYAML(data)
	if err != nil {
		p := newProblem(CodeSyntax, "detail", err.Error())
		var yerr yaml.Error
		if errors.As(err, &yerr) {
			p = newProblem(CodeSyntax, "detail", yerr.GetMessage())
			if msg := yerr.GetMessage(); strings.Contains(msg, "already defined") {
				key := "a key" // the parser says: mapping key "name" already defined at [l:c]
				if _, rest, ok := strings.Cut(msg, `"`); ok {
					if k, _, ok := strings.Cut(rest, `"`); ok {
						key = k
					}
				}
				p = newProblem(CodeDuplicateKey, "field", key)
			}
			if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
				p.Line = tk.Position.Line
			}
		}
		return nil, located(Problems{p})
	}
	var bodies []ast.Node
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if _, isComment := doc.Body.(*ast.CommentGroupNode); isComment {
			continue
		}
		bodies = append(bodies, doc.Body)
	}
	switch {
	case len(bodies) == 0:
		return nil, located(Problems{newProblem(CodeEmpty)})
	case len(bodies) > 1:
		p := newProblem(CodeUnsupportedYAML, "feature", "more than one YAML document", "feature_zh", "多个 YAML 文档")
		p.Line = nodeLine(bodies[1])
		return nil, located(Problems{p})
	}

	// A scenario file has about one value per 17 bytes; sizing the line map up front
	// spares it a dozen rehashes on a large upload.
	d := decoder{lines: make(map[string]int, len(data)/16), bad: map[string]bool{}}
	s := &Scenario{}
	d.decode(bodies[0], reflect.ValueOf(s).Elem(), "")
	s.src = source{file: file, lines: d.lines, bad: d.bad}
	return s, located(d.probs)
}

// parseYAML runs the YAML parser. It has panicked on odd input in the past, and a
// panic must not take an upload request down, so one is turned into a syntax error.
func parseYAML(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, errors.New("the YAML parser could not read this input")
		}
	}()
	return parser.ParseBytes(data, 0)
}

// decoder fills the scenario types from the YAML AST, collecting every problem instead
// of stopping at the first, and records the line of every value by its path.
type decoder struct {
	lines map[string]int
	bad   map[string]bool
	probs Problems
}

func (d *decoder) add(path string, line int, code string, kv ...string) {
	p := newProblem(code, kv...)
	p.Path, p.Line = path, line
	if line == 0 {
		p.Line = d.lineOf(path)
	}
	d.probs = append(d.probs, p)
	d.bad[path] = true
}

func (d *decoder) lineOf(path string) int {
	return source{lines: d.lines}.line(path)
}

var (
	textType      = reflect.TypeFor[Text]()
	phrasingsType = reflect.TypeFor[Phrasings]()
)

// wants names a Go kind the way an author reads it, in both languages.
func wants(t reflect.Type) (en, zh string) {
	switch t.Kind() {
	case reflect.String:
		return "a string (quote it if it looks like a number)", "字符串（形似数字时请加引号）"
	case reflect.Int:
		return "a whole number", "整数"
	case reflect.Slice:
		return "a list", "列表"
	case reflect.Map:
		if t == textType {
			return "a mapping with zh-CN and en texts", "包含 zh-CN 与 en 文本的映射"
		}
		return "a mapping", "映射（键: 值）"
	case reflect.Struct:
		return "a mapping", "映射（键: 值）"
	case reflect.Pointer:
		return wants(t.Elem())
	}
	return t.String(), t.String()
}

func (d *decoder) typeProblem(path string, n ast.Node, t reflect.Type) {
	en, zh := wants(t)
	d.add(path, nodeLine(n), CodeType, "field", display(path), "want", en, "want_zh", zh)
}

func (d *decoder) decode(n ast.Node, v reflect.Value, path string) {
	if _, seen := d.lines[path]; !seen {
		d.lines[path] = nodeLine(n)
	}
	switch n.(type) {
	case *ast.AnchorNode:
		d.add(path, nodeLine(n), CodeUnsupportedYAML, "feature", "an anchor (&)", "feature_zh", "锚点（&）")
		return
	case *ast.AliasNode:
		d.add(path, nodeLine(n), CodeUnsupportedYAML, "feature", "an alias (*)", "feature_zh", "别名（*）")
		return
	case *ast.TagNode:
		d.add(path, nodeLine(n), CodeUnsupportedYAML, "feature", "a tag (!)", "feature_zh", "标签（!）")
		return
	}
	if isNull(n) {
		return // absent; the struct level reports required fields
	}

	switch v.Kind() {
	case reflect.Pointer:
		e := reflect.New(v.Type().Elem())
		d.decode(n, e.Elem(), path)
		v.Set(e)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		seq, ok := n.(*ast.SequenceNode)
		if !ok {
			d.typeProblem(path, n, v.Type())
			return
		}
		out := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
		for i, item := range seq.Values {
			d.decode(item, out.Index(i), idx(path, i))
		}
		v.Set(out)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.String:
		switch s := n.(type) {
		case *ast.StringNode:
			v.SetString(s.Value)
		case *ast.LiteralNode:
			if s.Value != nil {
				v.SetString(s.Value.Value)
			}
		default:
			d.typeProblem(path, n, v.Type())
		}
	case reflect.Int:
		i, ok := n.(*ast.IntegerNode)
		if !ok {
			d.typeProblem(path, n, v.Type())
			return
		}
		// Anything beyond ±1e9 is a typo, and keeping numbers small keeps sums exact.
		const limit = 1_000_000_000
		var x int64
		switch val := i.Value.(type) {
		case int64:
			x = val
		case uint64:
			x = limit + 1
			if val <= limit {
				x = int64(val)
			}
		default:
			d.typeProblem(path, n, v.Type())
			return
		}
		if x > limit || x < -limit {
			d.add(path, nodeLine(n), CodeOutOfRange, "field", display(path), "value", i.GetToken().Value,
				"min", strconv.Itoa(-limit), "max", strconv.Itoa(limit))
			return
		}
		v.SetInt(x)
	default:
		d.typeProblem(path, n, v.Type())
	}
}

func (d *decoder) decodeStruct(n ast.Node, v reflect.Value, path string) {
	pairs, ok := mappingPairs(n)
	if !ok {
		d.typeProblem(path, n, v.Type())
		return
	}
	fields := fieldsOf(v.Type())
	// Bit sets over fields.names (at most 64): a struct is decoded for every turn and
	// choice, and two small maps each time were a visible share of an upload's cost.
	var seen, hinted uint64 // hinted: fields an unknown key probably meant to be
	for _, mv := range pairs {
		key, keyOK := keyString(mv.Key)
		line := nodeLine(mv)
		if !keyOK {
			d.add(path, line, CodeUnsupportedYAML, "feature", "a complex mapping key", "feature_zh", "复杂映射键")
			continue
		}
		fpath := join(path, key)
		f, known := fields.byName[key]
		if !known {
			hint, hintZH := "", ""
			if near := nearest(key, fields.names); near != "" {
				hint = ` (did you mean "` + near + `"?)`
				hintZH = "（是否应为“" + near + "”？）"
				hinted |= 1 << fields.byName[near].pos
			}
			d.add(fpath, line, CodeUnknownField, "field", display(fpath), "hint", hint, "hint_zh", hintZH)
			continue
		}
		bit := uint64(1) << f.pos
		if seen&bit != 0 {
			d.add(fpath, line, CodeDuplicateKey, "field", display(fpath))
			continue
		}
		d.lines[fpath] = line
		if isNull(mv.Value) {
			continue // "key:" with no value counts as absent
		}
		seen |= bit
		d.decode(mv.Value, v.Field(f.index), fpath)
	}
	for i, name := range fields.names {
		bit := uint64(1) << i
		if hinted&bit != 0 && seen&bit == 0 {
			d.bad[join(path, name)] = true // the typo explains what is missing there
			continue
		}
		if fields.byName[name].required && seen&bit == 0 {
			fpath := join(path, name)
			line := d.lines[fpath]
			if line == 0 {
				line = nodeLine(n)
			}
			d.add(fpath, line, CodeRequired, "field", display(fpath))
		}
	}
}

func (d *decoder) decodeMap(n ast.Node, v reflect.Value, path string) {
	pairs, ok := mappingPairs(n)
	if !ok {
		d.typeProblem(path, n, v.Type())
		return
	}
	localized := v.Type() == textType || v.Type() == phrasingsType
	m := reflect.MakeMapWithSize(v.Type(), len(pairs))
	for _, mv := range pairs {
		key, keyOK := keyString(mv.Key)
		line := nodeLine(mv)
		if !keyOK {
			d.add(path, line, CodeUnsupportedYAML, "feature", "a complex mapping key", "feature_zh", "复杂映射键")
			continue
		}
		kpath := join(path, key)
		if m.MapIndex(reflect.ValueOf(key)).IsValid() {
			d.add(kpath, line, CodeDuplicateKey, "field", display(kpath))
			continue
		}
		if localized && !contains(Locales, key) {
			hint := ` (languages are "zh-CN" and "en")`
			d.add(kpath, line, CodeUnknownField, "field", display(kpath), "hint", hint, "hint_zh", "（语言只能是 zh-CN 或 en）")
			continue
		}
		d.lines[kpath] = line
		e := reflect.New(v.Type().Elem()).Elem()
		d.decode(mv.Value, e, kpath)
		m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
	}
	v.Set(m)
}

func mappingPairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

func keyString(k ast.MapKeyNode) (string, bool) {
	switch k := k.(type) {
	case *ast.StringNode:
		return k.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode, *ast.MergeKeyNode:
		if tk := k.GetToken(); tk != nil {
			return tk.Value, true
		}
	}
	return "", false
}

func isNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	switch n.(type) {
	case *ast.NullNode, *ast.CommentGroupNode:
		return true
	}
	return false
}

func nodeLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil {
		n = mv.Key
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}
