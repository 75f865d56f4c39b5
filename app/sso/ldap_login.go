package sso

import (
	"context"
	"errors"
	"net/http"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/password"
)

// Answers of the directory sign-in. A wrong password and an unknown bank or
// username read the same, as they do for local passwords.
var (
	errLDAPCredentials = apperr.Unauthorized("wrong bank code, username or password")
	errLDAPUnknownCode = &apperr.Problem{Status: http.StatusForbidden,
		Detail: "the directory knows you, but no active user of this bank has your employee code; ask your administrator"}
	errLDAPUnavailable = &apperr.Problem{Status: http.StatusServiceUnavailable, Detail: "the bank's directory cannot be reached; try again later"}
)

// LDAPLogin signs a bank's user in with their directory password: the
// directory vouches for the password, its entry's employee code names the
// user. The bank must have LDAP enabled; the platform operator never signs
// in here (operators are not in any bank).
func (s *Service) LDAPLogin(ctx context.Context, slug, username, pw string) error {
	t, err := s.tenantBySlug(ctx, slug)
	if err != nil {
		return err
	}
	if t == nil {
		password.CheckNobody(pw)
		return errLDAPCredentials
	}
	c, err := s.load(ctx, s.DB.R, t.ID)
	if err != nil {
		return err
	}
	if !c.LDAPEnabled {
		password.CheckNobody(pw)
		return errLDAPCredentials
	}
	code, err := ldapCode(ctx, &c, username, pw)
	if errors.Is(err, errDirectoryRefused) {
		return errLDAPCredentials
	}
	if err != nil {
		s.log().Warn("ldap sign-in", "tenant", t.Slug, "err", err)
		return errLDAPUnavailable
	}
	if _, err := s.signIn(ctx, t.ID, "sso.ldap", code); err != nil {
		if errors.Is(err, errUnknownCode) {
			return errLDAPUnknownCode
		}
		return err
	}
	return nil
}
