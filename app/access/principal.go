// Package access carries who is asking through a request and answers the
// two questions every handler has: may they do this here, and where may they.
package access

import (
	"context"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
)

// Principal is a signed-in tenant user, as resolved from the session.
type Principal struct {
	TenantID      int64
	TenantSlug    string
	PolicyVersion int64
	UserID        int64
	Username      string
	DisplayName   string
	BranchID      int64
	BranchPath    string
	SessionHash   string
	CSRFToken     string
	MustChangePwd bool
}

// Actor is the principal as authz sees it.
func (p *Principal) Actor() authz.Actor {
	return authz.Actor{TenantID: p.TenantID, UserID: p.UserID, PolicyVersion: p.PolicyVersion}
}

// LocalsKey is where the web layer stores the principal (Fiber locals reach
// huma's context.Value through humafiber).
const LocalsKey = "servicestar.principal"

// RequestIDKey is where the request id is stored.
const RequestIDKey = "servicestar.request_id"

// From returns the principal of ctx, or nil for an anonymous request.
func From(ctx context.Context) *Principal {
	p, _ := ctx.Value(LocalsKey).(*Principal)
	return p
}

// RequestID returns the request id of ctx.
func RequestID(ctx context.Context) string {
	s, _ := ctx.Value(RequestIDKey).(string)
	return s
}

// Must returns the principal or a 401.
func Must(ctx context.Context) (*Principal, error) {
	if p := From(ctx); p != nil {
		return p, nil
	}
	return nil, apperr.Unauthorized("sign in first")
}

// Signed adapts a handler that acts for the signed-in caller to huma's
// shape: the principal is taken from the context (a 401 when there is none)
// and handed in, so each handler starts with the work, not the check.
func Signed[I, O any](f func(ctx context.Context, p *Principal, in *I) (*O, error)) func(context.Context, *I) (*O, error) {
	return func(ctx context.Context, in *I) (*O, error) {
		p, err := Must(ctx)
		if err != nil {
			return nil, err
		}
		return f(ctx, p, in)
	}
}

// Guard authorizes principals against branch paths.
type Guard struct{ Authz *authz.Authz }

// Require fails unless p may act on obj at a branch with path. A caller who
// may do this somewhere, but not there, gets the same 404 as for a missing
// object (what names the object); one who may do it nowhere gets 403.
func (g Guard) Require(ctx context.Context, p *Principal, path string, perm authz.Permission, what string) error {
	ok, err := g.Allows(ctx, p, path, perm)
	if err != nil {
		return err
	}
	if ok {
		return nil
	}
	scopes, err := g.Authz.Scopes(ctx, p.Actor(), perm.Obj, perm.Act)
	if err != nil {
		return err
	}
	if len(scopes) == 0 {
		return apperr.Forbidden()
	}
	return apperr.NotFound(what)
}

// Can fails with 403 unless p may act on obj somewhere. Services call it
// before loading anything, so a caller without the permission learns nothing
// about which ids exist (and costs no password hashing).
func (g Guard) Can(ctx context.Context, p *Principal, perm authz.Permission) error {
	_, err := g.Scopes(ctx, p, perm)
	return err
}

// Scopes lists the branch paths under which p may act on obj, or a 403 when none.
func (g Guard) Scopes(ctx context.Context, p *Principal, perm authz.Permission) ([]string, error) {
	s, err := g.Authz.Scopes(ctx, p.Actor(), perm.Obj, perm.Act)
	if err != nil {
		return nil, err
	}
	if len(s) == 0 {
		return nil, apperr.Forbidden()
	}
	return s, nil
}

// Allows reports whether p may use perm at the branch with path, without
// turning a refusal into an error (row-by-row checks of an import).
func (g Guard) Allows(ctx context.Context, p *Principal, path string, perm authz.Permission) (bool, error) {
	return g.Authz.Allowed(ctx, p.Actor(), path, perm.Obj, perm.Act)
}

// ScopesAny is the union of the branch paths under which p holds any of
// perms (a reviewer or an auditor reads the same attempts), or a 403 when none.
func (g Guard) ScopesAny(ctx context.Context, p *Principal, perms ...authz.Permission) ([]string, error) {
	var all []string
	for _, perm := range perms {
		s, err := g.Authz.Scopes(ctx, p.Actor(), perm.Obj, perm.Act)
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	if len(all) == 0 {
		return nil, apperr.Forbidden()
	}
	return all, nil
}

// With returns ctx carrying p as a request's would (for work done on
// someone's behalf outside a request: the demo seeder, tests' fixtures).
func With(ctx context.Context, p *Principal) context.Context {
	//lint:ignore SA1029 the key is the string Fiber locals use, which humafiber hands to handlers
	return context.WithValue(ctx, LocalsKey, p)
}
