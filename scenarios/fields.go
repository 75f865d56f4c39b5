package scenarios

import (
	"reflect"
	"strings"
	"sync"
)

type fieldInfo struct {
	index    int // of the Go struct field
	pos      int // in structFields.names, so a decoder can track fields in a bit set
	required bool
}

type structFields struct {
	byName map[string]fieldInfo
	names  []string // in declaration order, so problems come out in a stable order
}

var fieldCache sync.Map // reflect.Type → structFields

// fieldsOf reads the `yaml:"name,required"` tags of a struct type.
func fieldsOf(t reflect.Type) structFields {
	if c, ok := fieldCache.Load(t); ok {
		return c.(structFields)
	}
	sf := structFields{byName: map[string]fieldInfo{}}
	for i := range t.NumField() {
		tag, ok := t.Field(i).Tag.Lookup("yaml")
		if !ok || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		sf.byName[name] = fieldInfo{index: i, pos: len(sf.names), required: opts == "required"}
		sf.names = append(sf.names, name)
	}
	if len(sf.names) > 64 {
		panic("scenarios: " + t.String() + " has more than 64 fields; the decoder's bit sets hold 64")
	}
	fieldCache.Store(t, sf)
	return sf
}

// nearest returns the candidate within edit distance 2 of s, for "did you mean".
func nearest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if dist := editDistance(s, c); dist < bestDist && 2*dist <= len(s) {
			best, bestDist = c, dist
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// display names a path for a message; the root has no path.
func display(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}
