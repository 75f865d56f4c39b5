package scenarios

import (
	"errors"
	"math"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// readFullYAML reads the file with the full YAML parser (goccy/go-yaml) and returns the
// body of its one document, or the problem that stops it: a syntax error, a duplicate
// key, more than one document, or none.
func readFullYAML(data []byte) (*node, *Problem) {
	f, err := parseYAML(data)
	if err != nil {
		p := syntaxProblem(err)
		return nil, &p
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
		p := newProblem(CodeEmpty)
		return nil, &p
	case len(bodies) > 1:
		p := newProblem(CodeUnsupportedYAML, "feature", "more than one YAML document", "feature_zh", "多个 YAML 文档")
		p.Line = astLine(bodies[1])
		return nil, &p
	}
	return fromAST(bodies[0]), nil
}

// syntaxProblem turns a parser error into a problem with its line; the parser refuses
// a repeated key itself, and that gets its own code naming the key.
func syntaxProblem(err error) Problem {
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
	return p
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

// fromAST converts the parser's tree into the decoder's nodes.
func fromAST(n ast.Node) *node {
	if n == nil {
		return &node{kind: nullNode}
	}
	out := &node{line: astLine(n)}
	switch n := n.(type) {
	case *ast.AnchorNode:
		out.kind, out.value = unsupportedNode, "an anchor (&)"
	case *ast.AliasNode:
		out.kind, out.value = unsupportedNode, "an alias (*)"
	case *ast.TagNode:
		out.kind, out.value = unsupportedNode, "a tag (!)"
	case *ast.NullNode, *ast.CommentGroupNode:
		out.kind = nullNode
	case *ast.StringNode:
		out.kind, out.value = stringNode, n.Value
	case *ast.LiteralNode:
		out.kind = stringNode
		if n.Value != nil {
			out.value = n.Value.Value
		}
	case *ast.IntegerNode:
		out.kind, out.value = otherScalarNode, n.GetToken().Value
		switch v := n.Value.(type) {
		case int64:
			out.kind, out.num = intNode, v
		case uint64: // the parser's type for non-negative numbers
			out.kind = bigIntNode
			if v <= math.MaxInt64 {
				out.kind, out.num = intNode, int64(v)
			}
		}
	case *ast.SequenceNode:
		out.kind = sequenceNode
		out.items = make([]*node, len(n.Values))
		for i, item := range n.Values {
			out.items[i] = fromAST(item)
		}
	case *ast.MappingNode:
		out.kind = mappingNode
		out.items = pairsFromAST(n.Values)
	case *ast.MappingValueNode:
		out.kind = mappingNode
		out.items = pairsFromAST([]*ast.MappingValueNode{n})
	default:
		out.kind = otherScalarNode
	}
	return out
}

func pairsFromAST(pairs []*ast.MappingValueNode) []*node {
	items := make([]*node, 0, 2*len(pairs))
	for _, mv := range pairs {
		key := &node{kind: stringNode, line: astLine(mv)}
		switch k := mv.Key.(type) {
		case *ast.StringNode:
			key.value = k.Value
		case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode, *ast.MergeKeyNode:
			if tk := k.GetToken(); tk != nil {
				key.value = tk.Value
			} else {
				key.kind = unsupportedNode
			}
		default:
			key.kind = unsupportedNode
		}
		if key.kind == unsupportedNode {
			key.value = "a complex mapping key"
		}
		items = append(items, key, fromAST(mv.Value))
	}
	return items
}

// astLine is the line a node starts on; a key-value pair's is its key's.
func astLine(n ast.Node) int {
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
