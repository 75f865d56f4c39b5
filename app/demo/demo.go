// Package demo seeds a fictitious bank (and a second one, to show isolation)
// through the same services the API uses, so the demo's audit log is real.
// Each area seeds its own part (module.Module.Seed); this package runs them
// in order and lets them act as the demo users.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/demo/accounts"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/store"
)

// Password is every demo login's password.
const Password = accounts.Password

// Logins lists the demo accounts.
var Logins = accounts.Logins

// Seed creates the demo tenants when the database has none, each area
// adding its part in the order of mods. It reports whether it seeded.
func Seed(ctx context.Context, svc *org.Service, mods []module.Module, operatorUser, operatorPassword string) (bool, error) {
	ts, err := svc.ListTenants(ctx)
	if err != nil {
		return false, err
	}
	if len(ts) > 0 {
		return false, nil
	}
	if err := seedOperator(ctx, svc, operatorUser, operatorPassword); err != nil {
		return false, err
	}
	r := runner{org: svc}
	for _, m := range mods {
		if m.Seed == nil {
			continue
		}
		if err := m.Seed(ctx, r); err != nil {
			return false, fmt.Errorf("demo data of %s: %w", m.Name, err)
		}
	}
	return true, nil
}

func seedOperator(ctx context.Context, svc *org.Service, user, pw string) error {
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	return svc.DB.W.WithContext(ctx).Exec("INSERT INTO platform_operators (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)",
		user, "Platform operator", hash, svc.Now().UTC()).Error
}

// runner is the module.Demo the areas' seeds act through.
type runner struct{ org *org.Service }

func (r runner) Now() time.Time { return r.org.Now() }

// As signs a demo user in for a seed: their principal with a current policy
// version, and a context carrying it (as a request's would).
func (r runner) As(ctx context.Context, slug, username string) (context.Context, *access.Principal, error) {
	t, err := r.org.TenantBySlug(ctx, slug)
	if err != nil || t == nil {
		return nil, nil, fmt.Errorf("tenant %s: %v", slug, err)
	}
	var u org.User
	if err := r.org.DB.R.WithContext(ctx).Scopes(store.Tenant(t.ID)).Where("username = ?", username).Take(&u).Error; err != nil {
		return nil, nil, fmt.Errorf("%s/%s: %w", slug, username, err)
	}
	var b org.Branch
	if err := r.org.DB.R.WithContext(ctx).Scopes(store.Tenant(t.ID)).Where("id = ?", u.BranchID).Take(&b).Error; err != nil {
		return nil, nil, err
	}
	p := &access.Principal{TenantID: t.ID, TenantSlug: slug, PolicyVersion: t.PolicyVersion, UserID: u.ID,
		Username: u.Username, DisplayName: u.DisplayName, BranchID: b.ID, BranchPath: b.Path}
	return access.With(ctx, p), p, nil
}
