package scenarios

// node is the decoder's view of one YAML value: just what the scenario format needs,
// with its line. Two readers build it: a fast one for the plain YAML that scenario files
// are written in (fastparse.go), and the full YAML parser for everything else
// (yamltree.go), so the decoder and every problem it reports do not depend on which
// reader ran.
type node struct {
	kind  nodeKind
	line  int
	value string  // scalar text; for a mapping key, the key as written
	num   int64   // the value of an intNode
	items []*node // sequence items, or mapping keys and values alternating
	// feature names YAML the format refuses (an anchor, an alias, a tag, a complex key):
	// set on an unsupportedNode, in English and Chinese.
	feature, featureZH string
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
