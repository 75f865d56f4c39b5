package scenarios

import (
	"bytes"
	"strconv"
)

// Limits of the shape of a scenario file, far beyond what the format needs (its deepest
// value sits at column ~16, its largest mapping has 15 keys).
const (
	maxColumn      = 64   // column where a block line's content starts
	maxFlowDepth   = 16   // nesting of [ ] and { }
	maxMappingKeys = 200  // keys in one mapping
	maxFlowItems   = 5000 // items in one [ ] list
	maxDocMarkers  = 2    // "---" lines
)

// prescan reads the raw bytes once, in linear time, before the YAML parser sees them.
// The parser's cost grows with the square of the nesting depth and of the keys in one
// mapping, and its lexer slows down badly on long runs of anchors or unclosed brackets:
// a crafted upload of a few hundred KiB would hold a CPU for minutes. Files of the
// scenario format never have such shapes, and never use anchors, aliases, tags,
// complex keys or directives, so those are refused here with their line.
//
// The scan is deliberately rough (it knows quotes, comments, flow brackets, block
// scalars and indentation, nothing more); anything it lets through still goes to the
// real parser.
func prescan(data []byte) *Problem {
	type flow struct {
		mapping bool
		items   int
	}
	type block struct{ col, keys int }
	var (
		flows      []flow
		blocks     []block
		quote      byte // '"' or '\'' while inside a quoted scalar, across lines
		scalarFrom = -1 // indentation of the line that opened a block scalar (| or >)
		docs       int
	)
	fail := func(line int, code string, kv ...string) *Problem {
		p := newProblem(code, kv...)
		p.Line = line
		return &p
	}
	tooDeep := func(line int, what, limit string) *Problem {
		return fail(line, CodeUnsupportedYAML, "feature", what+" (limit "+limit+")", "feature_zh", what+"（上限 "+limit+"）")
	}

	for lineNo, rest := 1, data; len(rest) > 0 || lineNo == 1; lineNo++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		blank := indent == len(line)

		if scalarFrom >= 0 { // inside a block scalar: more-indented and blank lines are text
			if blank || indent > scalarFrom {
				if len(rest) == 0 {
					break
				}
				continue
			}
			scalarFrom = -1
		}

		pos := 0
		if quote == 0 && len(flows) == 0 {
			if blank || line[indent] == '#' {
				if len(rest) == 0 {
					break
				}
				continue
			}
			if bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("...")) {
				if docs++; docs > maxDocMarkers {
					return fail(lineNo, CodeUnsupportedYAML, "feature", "more than one YAML document", "feature_zh", "多个 YAML 文档")
				}
				continue
			}
			if line[0] == '%' {
				return fail(lineNo, CodeUnsupportedYAML, "feature", "a directive (%)", "feature_zh", "指令（%）")
			}
			for len(blocks) > 0 && blocks[len(blocks)-1].col > indent {
				blocks = blocks[:len(blocks)-1]
			}
			pos = indent
			for pos < len(line) && line[pos] == '-' && (pos+1 == len(line) || line[pos+1] == ' ') {
				pos++
				for pos < len(line) && line[pos] == ' ' {
					pos++
				}
			}
			if pos > maxColumn {
				return tooDeep(lineNo, "nesting deeper than the format needs", strconv.Itoa(maxColumn)+" columns")
			}
			if pos < len(line) && line[pos] == '?' && (pos+1 == len(line) || line[pos+1] == ' ') {
				return fail(lineNo, CodeUnsupportedYAML, "feature", "a complex mapping key", "feature_zh", "复杂映射键")
			}
			if isBlockKey(line[pos:]) {
				for len(blocks) > 0 && blocks[len(blocks)-1].col > pos {
					blocks = blocks[:len(blocks)-1]
				}
				if n := len(blocks); n > 0 && blocks[n-1].col == pos {
					if blocks[n-1].keys++; blocks[n-1].keys > maxMappingKeys {
						return tooDeep(lineNo, "a mapping with too many keys", strconv.Itoa(maxMappingKeys))
					}
				} else {
					blocks = append(blocks, block{col: pos, keys: 1})
				}
			}
		}

		// last is the last significant character before i on this line, outside quotes;
		// a token starts at the content start or after one of ": - , [ { ?" and a space.
		var last byte
		tokenStart := func(i int) bool {
			if i == pos {
				return true
			}
			if len(flows) > 0 {
				return last == '[' || last == '{' || last == ',' || last == ':' || last == '?'
			}
			return line[i-1] == ' ' && (last == ':' || last == '-' || last == '?')
		}
	scan:
		for i := pos; i < len(line); i++ {
			c := line[i]
			switch quote {
			case '"':
				if c == '\\' {
					i++
				} else if c == '"' {
					quote, last = 0, '"'
				}
				continue
			case '\'':
				if c == '\'' {
					if i+1 < len(line) && line[i+1] == '\'' {
						i++
					} else {
						quote, last = 0, '\''
					}
				}
				continue
			}
			if c == ' ' || c == '\t' {
				continue
			}
			if c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
				break scan
			}
			start := tokenStart(i)
			switch {
			case start && (c == '"' || c == '\''):
				quote = c
				continue
			case start && c == '&':
				return fail(lineNo, CodeUnsupportedYAML, "feature", "an anchor (&)", "feature_zh", "锚点（&）")
			case start && c == '*':
				return fail(lineNo, CodeUnsupportedYAML, "feature", "an alias (*)", "feature_zh", "别名（*）")
			case start && c == '!':
				return fail(lineNo, CodeUnsupportedYAML, "feature", "a tag (!)", "feature_zh", "标签（!）")
			case start && len(flows) == 0 && (c == '|' || c == '>'):
				scalarFrom = indent
				break scan
			case (start || len(flows) > 0) && (c == '[' || c == '{'):
				if flows = append(flows, flow{mapping: c == '{'}); len(flows) > maxFlowDepth {
					return tooDeep(lineNo, "brackets nested too deep", strconv.Itoa(maxFlowDepth))
				}
			case len(flows) > 0 && (c == ']' || c == '}'):
				flows = flows[:len(flows)-1]
			case len(flows) > 0 && c == ',':
				f := &flows[len(flows)-1]
				f.items++
				if f.mapping && f.items > maxMappingKeys {
					return tooDeep(lineNo, "a mapping with too many keys", strconv.Itoa(maxMappingKeys))
				}
				if f.items > maxFlowItems {
					return tooDeep(lineNo, "a list with too many items", strconv.Itoa(maxFlowItems))
				}
			}
			last = c
		}
		if len(rest) == 0 {
			break
		}
	}
	return nil
}

// isBlockKey reports whether a block line's content starts with a key: a plain or quoted
// scalar followed by ":" and a space or the end of the line.
func isBlockKey(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	i := 0
	switch s[0] {
	case '"', '\'':
		q := s[0]
		for i = 1; i < len(s) && s[i] != q; i++ {
			if q == '"' && s[i] == '\\' {
				i++
			}
		}
		i++
	case '[', '{', '#', '-', '|', '>', '&', '*', '!', '%', '@', '`':
		return false
	}
	for ; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			return true
		}
		if s[i] == ' ' && i+1 < len(s) && s[i+1] == '#' {
			return false
		}
	}
	return false
}
