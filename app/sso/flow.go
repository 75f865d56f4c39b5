package sso

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// flowCookie carries one OpenID Connect sign-in from start to callback:
// state (ties the callback to this browser), nonce (ties the ID token to
// this request), the PKCE verifier and where to go afterwards. It lives ten
// minutes, HttpOnly, on the callback's path only; SameSite=Lax, because the
// provider sends the browser back with a top-level cross-site GET.
type flowCookie struct {
	State    string    `json:"s"`
	Nonce    string    `json:"n"`
	Verifier string    `json:"v"`
	Return   string    `json:"r"`
	Expires  time.Time `json:"e"`
}

const (
	flowCookieName = "ss_sso_flow"
	flowLifetime   = 10 * time.Minute
)

func (f flowCookie) encode() string {
	b, _ := json.Marshal(f)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeFlow(v string) (flowCookie, bool) {
	var f flowCookie
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil || json.Unmarshal(b, &f) != nil || f.State == "" || f.Nonce == "" || f.Verifier == "" {
		return flowCookie{}, false
	}
	return f, true
}

func same(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

func randomString() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux; a broken one must not mint states
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// localPath keeps a return address on this site: a path, never a scheme,
// host or protocol-relative "//evil" (nor "/\evil", which browsers read so).
func localPath(p string) string {
	if p == "" || p[0] != '/' || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsAny(p, "\\\r\n\t") || strings.HasPrefix(p, "/api/") {
		return "/"
	}
	return p
}

// flowPath is the cookie's path: the bank's OIDC routes and nothing else.
func flowPath(slug string) string { return "/api/v1/sso/" + slug + "/oidc/" }

// redirectURL is the callback the provider must send the browser back to.
func redirectURL(base, slug string) string {
	if base == "" {
		return ""
	}
	return strings.TrimRight(base, "/") + flowPath(slug) + "callback"
}
