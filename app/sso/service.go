package sso

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/auth/secretbox"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// Sessions starts the session a password sign-in starts (package auth's),
// cookies included, for a user an identity system vouched for. When the
// bank wants its second factor after SSO too, the answer is an error that
// is a SecondFactor, and no session has started.
type Sessions interface {
	StartSession(ctx context.Context, u *org.User) error
}

// SecondFactor is the step a sign-in still has to take, and its token. As
// an error it is package auth's 401 problem, the answer a right password
// gets, so a directory sign-in returns it as it is.
type SecondFactor interface {
	error
	SecondFactor() (step, token string)
}

// Service keeps the settings and runs the sign-ins.
type Service struct {
	DB       *store.DB
	Guard    access.Guard
	Now      func() time.Time
	Sessions Sessions
	// HTTP reaches the identity providers; nil uses a client with a timeout.
	HTTP *http.Client
	// Log hears why a provider or directory failed (never a secret).
	Log *slog.Logger
	// Box seals the client secret and service password at rest.
	Box *secretbox.Box
	// SecureCookies marks the short-lived sign-in cookie Secure (HTTPS).
	SecureCookies bool
}

// providerTimeout bounds every call to an identity system, so a hung
// provider or directory cannot hold a request (or the one SQLite writer).
const providerTimeout = 10 * time.Second

func (s *Service) httpClient() *http.Client {
	if s.HTTP != nil {
		return s.HTTP
	}
	return &http.Client{Timeout: providerTimeout}
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}
