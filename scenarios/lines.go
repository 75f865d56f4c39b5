package scenarios

import "sync"

// lineIndex holds the line of every value by its path. The decoder only appends to it;
// the map for lookups is built the first time a line is asked for, which for a valid
// file is never while loading: filling a map of some 30 000 paths was a fifth of the
// time to load a 500-turn file.
type lineIndex struct {
	paths []string
	lines []int
	once  sync.Once
	m     map[string]int
}

// add records the line of path; a later add of the same path wins.
func (x *lineIndex) add(path string, line int) {
	x.paths = append(x.paths, path)
	x.lines = append(x.lines, line)
}

// get returns the line recorded for path. It is safe for concurrent use once the
// decoder is done, as a loaded scenario is shared between requests.
func (x *lineIndex) get(path string) (int, bool) {
	if x == nil {
		return 0, false
	}
	x.once.Do(func() {
		x.m = make(map[string]int, len(x.paths))
		for i, p := range x.paths {
			x.m[p] = x.lines[i]
		}
	})
	l, ok := x.m[path]
	return l, ok
}

// lastLine is get for use while the decoder is still adding: a scan from the end, for
// the rare problem whose node has no line of its own.
func (x *lineIndex) lastLine(path string) (int, bool) {
	for i := len(x.paths) - 1; i >= 0; i-- {
		if x.paths[i] == path {
			return x.lines[i], true
		}
	}
	return 0, false
}
