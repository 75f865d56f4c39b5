package scenarios

// node is the decoder's view of one YAML value: just what the scenario format needs,
// with its line. Two readers build it: a fast one for the plain YAML that scenario files
// are written in (fastparse.go), and the full YAML parser for everything else
// (yamltree.go), so the decoder and every problem it reports do not depend on which
// reader ran.
type node struct {
	kind nodeKind
	line int
	// value is a scalar's text, a mapping key as written, or for an unsupportedNode the
	// YAML feature the format refuses (a key of unsupportedFeatures).
	value string
	num   int64   // the value of an intNode
	items []*node // sequence items, or mapping keys and values alternating
}

// unsupportedFeatures names, in Chinese, the YAML features scenario files refuse. They
// are kept out of node, which a large file has some 60 000 of.
var unsupportedFeatures = map[string]string{
	"an anchor (&)":         "锚点（&）",
	"an alias (*)":          "别名（*）",
	"a tag (!)":             "标签（!）",
	"a complex mapping key": "复杂映射键",
}

type nodeKind uint8

const (
	nullNode        nodeKind = iota // absent: empty, ~, null, or only a comment
	stringNode                      // plain, quoted or block text
	intNode                         // an integer that fits in int64 (num)
	bigIntNode                      // an integer beyond int64: always out of range
	otherScalarNode                 // a float, bool, infinity... : never right for the format
	mappingNode
	sequenceNode
	unsupportedNode
)
