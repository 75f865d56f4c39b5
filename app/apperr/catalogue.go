package apperr

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sync"
	"sync/atomic"
)

// Catalogue maps English message templates to their zh-CN text. apperr
// holds the messages every area shares (titles, sign-in, field lengths);
// each area declares its own in its module (module.Module.Messages), and
// server adds them with Add when it wires the app.
type Catalogue map[string]string

var (
	addMu  sync.Mutex
	merged atomic.Pointer[map[string]string] // read by Say on every problem; replaced whole by Add
)

func init() {
	m := maps.Clone(chinese)
	merged.Store(&m)
}

func lookup(template string) (string, bool) {
	zh, ok := (*merged.Load())[template]
	return zh, ok
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Add merges an area's catalogue into the one Say reads. Adding the same
// text again is a no-op (every app built in a process adds its areas); an
// entry without Chinese text, with other placeholders than its English, or
// that another area translates differently, is refused whole.
func Add(area string, c Catalogue) error {
	addMu.Lock()
	defer addMu.Unlock()
	cur := *merged.Load()
	next := maps.Clone(cur)
	for en, zh := range c {
		if zh == "" || zh == en {
			return fmt.Errorf("apperr: %s: %q has no Chinese text", area, en)
		}
		want, got := placeholder.FindAllString(en, -1), placeholder.FindAllString(zh, -1)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			return fmt.Errorf("apperr: %s: %q has placeholders %v, its Chinese %q has %v", area, en, want, zh, got)
		}
		if old, ok := cur[en]; ok && old != zh {
			return fmt.Errorf("apperr: %s: %q is %q here and %q elsewhere", area, en, zh, old)
		}
		next[en] = zh
	}
	merged.Store(&next)
	return nil
}
