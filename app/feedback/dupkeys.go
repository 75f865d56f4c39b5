package feedback

import (
	"errors"
	"hash/maphash"

	"github.com/servicestar/servicestar/app/apperr"
)

// A file may not name one key twice (an external id, or a person, month
// and metric). Kept for a million rows, the keys themselves would be the
// largest thing an import holds, so the first reading keeps a 64-bit hash
// of each (hashSet) and treats a hash seen again as "maybe": it writes
// nothing more from there on and, once the file is read, reads it again
// keeping the keys of only those hashes, which says exactly which rows
// repeat which. Two different keys with one hash are never reported. If no
// row really repeats and nothing else is wrong, the file is imported again
// from the start with every key kept (errKeysUnsure): for a million rows a
// collision comes about once in 2^25 files.

// keyHash hashes a row's key; a test puts a weak one in its place to make
// collisions happen.
var keyHash = maphash.String

// errKeysUnsure asks for the import to run again with exact keys: the
// hashes of two different keys met, and nothing else stopped the file.
var errKeysUnsure = errors.New("feedback: two keys of the file share a hash")

// seenKey is what keyCheck knows of a key.
type seenKey int

const (
	keyNew      seenKey = iota
	keyRepeated         // the row of its first occurrence is known
	keyMaybe            // its hash was seen: confirmed after the reading
)

// keyCheck finds the rows that repeat a key.
type keyCheck struct {
	seed  maphash.Seed
	set   hashSet
	hits  hashSet        // the hashes seen more than once
	exact map[string]int // in exact mode, each key's first row
}

func newKeyCheck(exact bool) *keyCheck {
	k := &keyCheck{seed: maphash.MakeSeed()}
	if exact {
		k.exact = map[string]int{}
	}
	return k
}

// see notes the key of row and says whether an earlier row had it (and
// which, in exact mode).
func (k *keyCheck) see(row int, key string) (int, seenKey) {
	if k.exact != nil {
		if first, ok := k.exact[key]; ok {
			return first, keyRepeated
		}
		k.exact[key] = row
		return 0, keyNew
	}
	h := keyHash(k.seed, key)
	if !k.set.add(h) {
		return 0, keyNew
	}
	k.hits.add(h)
	return 0, keyMaybe
}

// unsure reports whether a hash was seen twice: nothing more may be
// written, and the file must be read again to know.
func (k *keyCheck) unsure() bool { return k.hits.n > 0 }

// repeats is the second reading: every row whose key has one of the hashes
// seen twice, in file order, gives its row and key to next; it answers the
// row of the key's first occurrence, or 0.
func (k *keyCheck) repeats() func(row int, key string) int {
	first := map[string]int{}
	return func(row int, key string) int {
		if !k.hits.has(keyHash(k.seed, key)) {
			return 0
		}
		if f, ok := first[key]; ok {
			return f
		}
		first[key] = row
		return 0
	}
}

// duplicateIssue is the problem of a row that repeats the key of row first.
func duplicateIssue(field string, first int) issue {
	return issue{field: field, code: CodeDuplicate, msg: msgDuplicate, args: apperr.Args{"row": first}}
}

// mergeByRow merges two reports each in row order into one, the first's
// problem before the second's on the same row, cut at limit: each was cut
// at limit too, so the result is the first limit problems of the whole.
func mergeByRow(a, b []FileError, limit int) []FileError {
	out := make([]FileError, 0, min(limit, len(a)+len(b)))
	for len(out) < limit && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || (len(a) > 0 && a[0].Row <= b[0].Row) {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}
