// Package secretbox seals the short secrets the server must read back (TOTP
// seeds, OIDC client secrets, the LDAP service password) with AES-256-GCM
// under the server's key, so a copy of the database alone does not give
// them away. Each value is bound to where it belongs (associated data such
// as the table, tenant and user), so a sealed value copied to another row
// does not open.
package secretbox

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
)

// prefix marks a sealed value and its format, so plaintext left by an older
// version is told apart (and sealed at start) and a format can follow.
const prefix = "v1:"

// KeySize is the key's length: AES-256.
const KeySize = 32

// ErrOpen is any sealed value that does not open: another key, another
// row's associated data, altered bytes, or a value never sealed.
var ErrOpen = errors.New("secretbox: the value does not open with this key and place")

// Box seals and opens values under one key.
type Box struct{ aead cipher.AEAD }

// New is a box for a KeySize-byte key.
func New(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, errors.New("secretbox: the key must be 32 bytes")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{aead: aead}, nil
}

// Sealed tells a sealed value from plaintext.
func Sealed(stored string) bool { return strings.HasPrefix(stored, prefix) }

// Seal encrypts plain for the place named by where (for example "mfa_totp",
// tenant id, user id). A random nonce per value: GCM's 96-bit nonces are
// safe at random far beyond the number of secrets a server keeps.
func (b *Box) Seal(plain string, where ...string) (string, error) {
	nonce := make([]byte, b.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	out := b.aead.Seal(nonce, nonce, []byte(plain), place(where))
	return prefix + base64.RawStdEncoding.EncodeToString(out), nil
}

// Open decrypts a value Seal made for the same place; anything else fails
// closed with ErrOpen.
func (b *Box) Open(stored string, where ...string) (string, error) {
	if !Sealed(stored) {
		return "", ErrOpen
	}
	raw, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(stored, prefix))
	n := b.aead.NonceSize()
	if err != nil || len(raw) < n+b.aead.Overhead() {
		return "", ErrOpen
	}
	plain, err := b.aead.Open(nil, raw[:n], raw[n:], place(where))
	if err != nil {
		return "", ErrOpen
	}
	return string(plain), nil
}

// place joins the parts with a byte no part holds, so ("1","23") and
// ("12","3") differ.
func place(where []string) []byte { return []byte(strings.Join(where, "\x00")) }
