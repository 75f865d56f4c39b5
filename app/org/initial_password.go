package org

import "crypto/rand"

// initialAlphabet leaves out characters read alike on paper (0/O, 1/l/I).
const initialAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// initialPassword is a random password of n characters for a user created
// by an import, who must change it at first sign-in.
func initialPassword(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux; a broken one must not mint passwords
	}
	for i := range b {
		b[i] = initialAlphabet[int(b[i])%len(initialAlphabet)]
	}
	return string(b)
}
