package feedback

import (
	"hash/maphash"
	"testing"
)

// OnRead has fn told, inside a running import, each time the import's
// count of bytes read is stored (the moment its view can show it).
func (s *Service) OnRead(fn func(importID int64)) { s.live.stored = fn }

// CollideKeys makes every two keys of a file import of one length share a
// hash until the test ends, so that the second reading that tells real
// repeats from collisions, and the import again with exact keys, run.
func CollideKeys(t testing.TB) {
	old := keyHash
	keyHash = func(_ maphash.Seed, s string) uint64 { return uint64(len(s)) }
	t.Cleanup(func() { keyHash = old })
}
