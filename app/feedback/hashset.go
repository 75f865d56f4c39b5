package feedback

import "math/bits"

// hashSet is a set of 64-bit hashes in one flat slice: open addressing,
// linear probing, 8 bytes a slot. A file import keeps one hash per row to
// find repeated keys; as a Go map of hash to row a million rows took 35 MB
// of live heap (and the collector lets the heap grow to twice the live
// part before it runs), here ~12 MB. The row of a first occurrence is not
// kept: a repeat is rare, and keyCheck finds it again by reading the file.
type hashSet struct {
	slots []uint64 // 0 marks an empty slot
	n     int
}

// add puts h in the set and reports whether it was there already.
func (s *hashSet) add(h uint64) bool {
	if h == 0 {
		// 0 marks an empty slot; 1 stands for it. Two keys hashing to 0
		// and 1 then look alike, which is a collision like any other.
		h = 1
	}
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	i := s.index(h)
	for {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			s.slots[i] = h
			s.n++
			return false
		}
		if i++; i == len(s.slots) {
			i = 0
		}
	}
}

// has reports whether h is in the set.
func (s *hashSet) has(h uint64) bool {
	if h == 0 {
		h = 1
	}
	if len(s.slots) == 0 {
		return false
	}
	for i := s.index(h); ; {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
		if i++; i == len(s.slots) {
			i = 0
		}
	}
}

// index maps h onto the slots by its high bits (any table size works, so
// the table grows by half, not double: between half and three quarters
// full, never the quarter-full of a table that just doubled).
func (s *hashSet) index(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(s.slots)))
	return int(hi)
}

func (s *hashSet) grow() {
	old := s.slots
	s.slots = make([]uint64, max(1024, len(old)*3/2))
	s.n = 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
