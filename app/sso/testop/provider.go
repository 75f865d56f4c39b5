package testop

import (
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"github.com/zitadel/oidc/v3/pkg/op"
)

// Options describe the provider.
type Options struct {
	Issuer       string // e.g. http://127.0.0.1:18117
	ClientID     string
	ClientSecret string
	RedirectURIs []string
	CodeClaim    string // the claim carrying the employee code
	Users        []User
}

// New returns the provider's handler: the OpenID endpoints, and a sign-in
// page at /login where a user picks their username (no password: this is
// a stand-in for a bank's provider, never a real one).
func New(o Options) (http.Handler, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	s := &storage{codeClaim: o.CodeClaim, users: map[string]User{}, requests: map[string]*authRequest{},
		codes: map[string]string{}, key: key, keyID: newID()}
	for _, u := range o.Users {
		s.users[u.Username] = u
	}
	s.client = &client{id: o.ClientID, secret: o.ClientSecret, redirectURIs: o.RedirectURIs,
		loginURL: func(id string) string { return o.Issuer + "/login?id=" + url.QueryEscape(id) }}
	var cryptoKey [32]byte
	_, _ = rand.Read(cryptoKey[:])
	provider, err := op.NewProvider(&op.Config{CryptoKey: cryptoKey, CodeMethodS256: true}, s, op.StaticIssuer(o.Issuer), op.WithAllowInsecure())
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/login", loginPage(s, provider.AuthorizationEndpoint().Absolute(o.Issuer)+"/callback?id="))
	mux.Handle("/", provider)
	return mux, nil
}

var page = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/login">
<input type="hidden" name="id" value="{{.}}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<button type="submit">Sign in</button>
</form></main></body></html>`))

// loginPage shows a form (GET) and completes the request as the chosen
// user (POST), sending the browser on to the provider's callback.
func loginPage(s *storage, callback string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_ = page.Execute(w, r.URL.Query().Get("id"))
		case http.MethodPost:
			id := r.PostFormValue("id")
			if err := s.complete(id, r.PostFormValue("username")); err != nil {
				http.Error(w, fmt.Sprintf("sign-in: %v", err), http.StatusBadRequest)
				return
			}
			http.Redirect(w, r, callback+url.QueryEscape(id), http.StatusFound)
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}
