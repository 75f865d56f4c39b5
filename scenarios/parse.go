package scenarios

import (
	"bytes"
	"reflect"
	"strconv"
	"unicode/utf8"
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
	// Files saved on Windows end their lines with CR LF. YAML reads every line break as
	// LF anyway; turning them into LF here first gives both readers the text they read
	// best (goccy/go-yaml counts lines one too many after a blank CR LF line).
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if p := prescan(data); p != nil {
		return nil, located(Problems{*p})
	}
	// Most files are plain block YAML that the fast reader takes in one pass; it hands
	// anything else (and every error) to the full parser, which is several times slower.
	body, ok := fastParse(data)
	if !ok {
		var problem *Problem
		if body, problem = readFullYAML(data); problem != nil {
			return nil, located(Problems{*problem})
		}
	}

	// A scenario file has about one value per 17 bytes.
	d := decoder{lines: &lineIndex{}, bad: map[string]bool{}}
	d.lines.paths = make([]string, 0, len(data)/16)
	d.lines.lines = make([]int, 0, len(data)/16)
	s := &Scenario{}
	d.lines.add("", body.line)
	d.decode(body, reflect.ValueOf(s).Elem(), "")
	s.src = source{file: file, lines: d.lines, bad: d.bad}
	if s.Persona.RiskClass == "" {
		s.Persona.RiskClass = s.Persona.RiskTolerance.Class()
	}
	return s, located(d.probs)
}

// decoder fills the scenario types from the YAML nodes, collecting every problem instead
// of stopping at the first, and records the line of every value by its path.
type decoder struct {
	lines *lineIndex // every caller of decode has added the line of its path
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

// lineOf is the line of path or of its nearest ancestor that has one.
func (d *decoder) lineOf(path string) int {
	for path != "" {
		if l, ok := d.lines.lastLine(path); ok {
			return l
		}
		path = parentPath(path)
	}
	return 0
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

func (d *decoder) typeProblem(path string, n *node, t reflect.Type) {
	en, zh := wants(t)
	d.add(path, n.line, CodeType, "field", display(path), "want", en, "want_zh", zh)
}

func (d *decoder) decode(n *node, v reflect.Value, path string) {
	switch n.kind {
	case unsupportedNode:
		d.add(path, n.line, CodeUnsupportedYAML, "feature", n.value, "feature_zh", unsupportedFeatures[n.value])
		return
	case nullNode:
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
		if n.kind != sequenceNode {
			d.typeProblem(path, n, v.Type())
			return
		}
		out := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
		for i, item := range n.items {
			ipath := idx(path, i)
			d.lines.add(ipath, item.line)
			d.decode(item, out.Index(i), ipath)
		}
		v.Set(out)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.String:
		if n.kind != stringNode {
			d.typeProblem(path, n, v.Type())
			return
		}
		v.SetString(n.value)
	case reflect.Int:
		// Anything beyond ±1e9 is a typo, and keeping numbers small keeps sums exact.
		const limit = 1_000_000_000
		switch {
		case n.kind != intNode && n.kind != bigIntNode:
			d.typeProblem(path, n, v.Type())
		case n.kind == bigIntNode || n.num > limit || n.num < -limit:
			d.add(path, n.line, CodeOutOfRange, "field", display(path), "value", n.value,
				"min", strconv.Itoa(-limit), "max", strconv.Itoa(limit))
		default:
			v.SetInt(n.num)
		}
	default:
		d.typeProblem(path, n, v.Type())
	}
}
