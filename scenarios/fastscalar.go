package scenarios

import (
	"bytes"
	"strconv"
)

// inline reads a value written on the rest of a line: a one-line flow collection, a
// quoted text or a plain scalar, then at most a comment.
func (r *lineReader) inline(s []byte) *node {
	var n *node
	var i int
	if s[0] == '{' || s[0] == '[' {
		n, i = r.flow(s, 0)
	} else if s[0] == '"' || s[0] == '\'' {
		n, i = r.quoted(s, 0)
	} else {
		end := bytes.Index(s, []byte(" #"))
		if end < 0 {
			end = len(s)
		}
		n, i = r.plain(trimSpaces(s[:end]), false), end
	}
	if rest := trimSpaces(s[min(i, len(s)):]); r.failed || len(rest) > 0 && (rest[0] != '#' || i < len(s) && s[i] != ' ') {
		r.failed = true
	}
	return n
}

// flow reads a flow collection opening at s[i] that closes on the same line, and
// returns where it ends.
func (r *lineReader) flow(s []byte, i int) (*node, int) {
	n := r.newNode(sequenceNode, "")
	closer := byte(']')
	if s[i] == '{' {
		n.kind, closer = mappingNode, '}'
	}
	mark := len(r.stack)
	defer func() { n.items = r.collect(mark) }()
	i = skipSpaces(s, i+1)
	if i < len(s) && s[i] == closer {
		return n, i + 1
	}
	for !r.failed && i < len(s) {
		if n.kind == mappingNode {
			end := keyEnd(s, i)
			if end < 0 || end+1 == len(s) {
				break
			}
			key := r.newNode(stringNode, r.key(s[i:end]))
			for j := mark; j < len(r.stack); j += 2 {
				if r.stack[j].value == key.value {
					r.failed = true
				}
			}
			r.stack = append(r.stack, key)
			i = skipSpaces(s, end+1)
		}
		var item *node
		switch {
		case i == len(s):
			r.failed = true
			return n, i
		case s[i] == '{' || s[i] == '[':
			item, i = r.flow(s, i)
		case s[i] == '"' || s[i] == '\'':
			item, i = r.quoted(s, i)
		default:
			start := i
			for i < len(s) && s[i] != ',' && s[i] != ']' && s[i] != '}' {
				i++
			}
			item = r.plain(trimSpaces(s[start:i]), true)
		}
		r.stack = append(r.stack, item)
		i = skipSpaces(s, i)
		if i < len(s) && s[i] == closer {
			return n, i + 1
		}
		if i == len(s) || s[i] != ',' {
			break
		}
		i = skipSpaces(s, i+1)
	}
	r.failed = true
	return n, len(s)
}

func skipSpaces(s []byte, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// quoted reads a quoted text that closes on the same line; escapes in double quotes
// are left to the full parser.
func (r *lineReader) quoted(s []byte, i int) (*node, int) {
	q := s[i]
	var text []byte
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			r.failed = true
			return &node{}, len(s)
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			text = append(text, '\'')
			j++
		case s[j] == q:
			return r.newNode(stringNode, string(text)), j + 1
		default:
			text = append(text, s[j])
		}
	}
	r.failed = true
	return &node{}, len(s)
}

// plain resolves a plain scalar, only where no YAML reader could disagree: a decimal
// integer, or text that starts with a letter and is not a YAML keyword.
func (r *lineReader) plain(s []byte, inFlow bool) *node {
	n := r.newNode(nullNode, string(s))
	switch {
	case isDecimal(s):
		x, err := strconv.ParseInt(n.value, 10, 64)
		if err != nil {
			r.failed = true
		}
		n.kind, n.num = intNode, x
	case len(s) > 0 && isLetter(s[0]) && plainSafe(s) && !isKeyword(s):
		n.kind = stringNode
	case len(s) > 0 && s[0] >= '0' && s[0] <= '9' && isWords(s) && plainSafe(s):
		n.kind = stringNode // "1-year deposit": no number, date or keyword has a space and a letter
	default:
		r.failed = true
	}
	return n
}

func isLetter(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isWords reports text with a space and a letter in it.
func isWords(s []byte) bool {
	return bytes.IndexByte(s, ' ') >= 0 && bytes.IndexFunc(s, func(r rune) bool { return r < 0x80 && isLetter(byte(r)) || r >= 0x80 }) >= 0
}

// plainSafe reports text free of the characters whose meaning in a plain scalar YAML
// readers have disagreed on (a colon, a hash, brackets, a double quote).
func plainSafe(s []byte) bool {
	for _, c := range s {
		switch c {
		case ':', '#', '[', ']', '{', '}', '"':
			return false
		}
	}
	return true
}

func isDecimal(s []byte) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 || s[0] == '0' && len(s) > 1 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isKeyword reports the words some YAML reader takes for null or a boolean.
func isKeyword(s []byte) bool {
	if len(s) > 5 {
		return false
	}
	for _, w := range []string{"null", "true", "false", "yes", "no", "on", "off", "y", "n"} {
		if bytes.EqualFold(s, []byte(w)) {
			return true
		}
	}
	return false
}
