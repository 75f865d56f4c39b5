// Package password hashes and checks passwords with argon2id.
package password

import (
	"github.com/alexedwards/argon2id"
)

// params follow OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): strong
// enough against offline guessing, cheap enough for a login burst on 2 cores.
var params = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// Hash returns an encoded argon2id hash.
func Hash(plain string) (string, error) { return argon2id.CreateHash(plain, params) }

// Check reports whether plain matches hash.
func Check(plain, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(plain, hash)
	return err == nil && ok
}

// dummy is checked against for unknown users, so that a wrong username takes
// as long as a wrong password and the two cannot be told apart.
var dummy, _ = Hash("servicestar-dummy-password")

// CheckNobody burns the time of one check.
func CheckNobody(plain string) { _ = Check(plain, dummy) }
