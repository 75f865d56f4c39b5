package scenarios

import "bytes"

// fastParse reads the plain block YAML that scenario files are written in, in one pass
// over the bytes, and reports false for anything it does not know for certain: then the
// full parser reads the file instead, and reports any error. It knows block mappings
// with simple keys, block sequences (also at their key's indentation), one-line flow
// collections, one-line quoted text without escapes, decimal integers, and plain text
// that starts with a letter or has words in it. Tabs, carriage returns, block scalars,
// multi-line values, repeated keys, more than one document and empty files all go to
// the full parser. The tests check that both readers build the same tree wherever this
// one answers.
func fastParse(data []byte) (n *node, ok bool) {
	if hasOddSpace(data) {
		return nil, false
	}
	r := &lineReader{rest: data, keys: map[string]string{}}
	r.next()
	if r.eof || r.indent != 0 {
		return nil, false
	}
	n = r.block()
	if r.failed || !r.eof {
		return nil, false
	}
	return n, true
}

// lineReader walks the content lines of a file (blank and comment lines skipped).
type lineReader struct {
	rest   []byte // what follows the current line
	text   []byte // the current line, without its line break
	lineNo int
	indent int // spaces before the current line's content
	eof    bool
	failed bool              // met something the fast reader leaves to the full parser
	keys   map[string]string // each key's text once: a file repeats a few dozen keys
	slab   []node            // nodes are carved from here, a few hundred per allocation
	// The items of the collections being read pile up on stack; a finished collection
	// takes its own off, into an exact-size slice carved from itemSlab. This spares the
	// append-grown slices that were a fifth of the reader's memory.
	stack, itemSlab []*node
}

// collect moves the items above mark off the stack into their own slice.
func (r *lineReader) collect(mark int) []*node {
	n := len(r.stack) - mark
	if n == 0 {
		return nil
	}
	if len(r.itemSlab) < n {
		r.itemSlab = make([]*node, max(1024, n))
	}
	items := r.itemSlab[:n:n]
	r.itemSlab = r.itemSlab[n:]
	copy(items, r.stack[mark:])
	r.stack = r.stack[:mark]
	return items
}

// hasOddSpace reports tabs, carriage returns, YAML 1.1's extra line breaks (U+0085,
// U+2028, U+2029) and a BOM inside the text, whose reading the full parser decides.
// Each is searched for on its own: bytes.ContainsAny decodes every rune when the set
// has non-ASCII members, and that alone cost 4 ms on a large file.
func hasOddSpace(data []byte) bool {
	for _, seq := range []string{"\t", "\r", "\u0085", "\u2028", "\u2029", "\ufeff"} {
		if bytes.Contains(data, []byte(seq)) {
			return true
		}
	}
	return false
}

// newNode hands out a node from the slab.
func (r *lineReader) newNode(kind nodeKind, value string) *node {
	if len(r.slab) == 0 {
		r.slab = make([]node, 256)
	}
	n := &r.slab[0]
	r.slab = r.slab[1:]
	n.kind, n.line, n.value = kind, r.lineNo, value
	return n
}

// key returns the text of a key, the same string for every occurrence.
func (r *lineReader) key(b []byte) string {
	if k, ok := r.keys[string(b)]; ok {
		return k
	}
	k := string(b)
	r.keys[k] = k
	return k
}

func (r *lineReader) next() {
	for len(r.rest) > 0 {
		line := r.rest
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, r.rest = line[:i], line[i+1:]
		} else {
			r.rest = nil
		}
		r.lineNo++
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		if indent == len(line) || line[indent] == '#' {
			continue
		}
		if line[indent] == '-' && bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("...")) || line[0] == '%' {
			r.failed = true // a document marker or directive
		}
		r.text, r.indent = line, indent
		return
	}
	r.eof, r.text = true, nil
}

// block reads the collection that starts at the current line's indentation.
func (r *lineReader) block() *node {
	if isDash(r.text, r.indent) {
		return r.sequence(r.indent)
	}
	return r.mapping(r.indent)
}

func isDash(line []byte, col int) bool {
	return col < len(line) && line[col] == '-' && (col+1 == len(line) || line[col+1] == ' ')
}

// keyEnd returns where a simple key starting at col ends (at its colon), or -1.
func keyEnd(line []byte, col int) int {
	i := col
	for i < len(line) && isKeyByte(line[i]) {
		i++
	}
	if i == col || line[col] == '-' || i == len(line) || line[i] != ':' || i+1 < len(line) && line[i+1] != ' ' {
		return -1
	}
	return i
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// mapping reads a block mapping whose keys start at column col; the first key is on
// the current line (after a "- " when the mapping is a sequence item).
func (r *lineReader) mapping(col int) *node {
	m := r.newNode(mappingNode, "")
	mark := len(r.stack)
	defer func() { m.items = r.collect(mark) }()
	for !r.failed {
		end := keyEnd(r.text, col)
		if end < 0 {
			r.failed = true
			break
		}
		key := r.newNode(stringNode, r.key(r.text[col:end]))
		for i := mark; i < len(r.stack); i += 2 {
			if r.stack[i].value == key.value {
				r.failed = true // the full parser reports the repeated key
			}
		}
		var val *node
		if rest := trimSpaces(r.text[end+1:]); len(rest) == 0 || rest[0] == '#' {
			keyLine := r.lineNo
			r.next()
			switch {
			case !r.eof && r.indent > col:
				val = r.block()
			case !r.eof && r.indent == col && isDash(r.text, col):
				val = r.sequence(col)
			default:
				val = &node{kind: nullNode, line: keyLine}
			}
		} else {
			val = r.inline(rest)
			r.next()
		}
		r.stack = append(r.stack, key, val)
		switch {
		case r.eof || r.indent < col:
			return m
		case r.indent > col || isDash(r.text, col):
			r.failed = true
		}
	}
	return m
}

// sequence reads a block sequence whose dashes are at column col.
func (r *lineReader) sequence(col int) *node {
	s := r.newNode(sequenceNode, "")
	mark := len(r.stack)
	defer func() { s.items = r.collect(mark) }()
	for !r.failed {
		at := col + 1
		for at < len(r.text) && r.text[at] == ' ' {
			at++
		}
		switch {
		case at == len(r.text) || r.text[at] == '-' || r.text[at] == '#':
			r.failed = true // an empty or nested item
		case keyEnd(r.text, at) >= 0:
			r.stack = append(r.stack, r.mapping(at))
		default:
			r.stack = append(r.stack, r.inline(r.text[at:]))
			r.next()
		}
		switch {
		case r.eof || r.indent < col:
			return s
		case r.indent > col:
			r.failed = true
		case !isDash(r.text, col):
			return s // a compact sequence ends where its mapping's next key starts
		}
	}
	return s
}

func trimSpaces(b []byte) []byte {
	return bytes.Trim(b, " ")
}
