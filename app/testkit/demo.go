package testkit

import (
	"context"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// Demo is the seeded demo bank as the areas' tests address it.
type Demo struct {
	env      *Env
	TenantID int64
	Branch   map[string]org.Branch // by code
	User     map[string]int64      // ids by username
}

// Demo reads the demo bank's tenant, branches and users.
func (e *Env) Demo() *Demo {
	e.T.Helper()
	d := &Demo{env: e, Branch: map[string]org.Branch{}, User: map[string]int64{}}
	tn, err := e.App.Org.TenantBySlug(context.Background(), "demo")
	if err != nil || tn == nil {
		e.T.Fatalf("demo tenant: %v", err)
	}
	d.TenantID = tn.ID
	var bs []org.Branch
	if err := e.App.DB.R.Scopes(store.Tenant(d.TenantID)).Find(&bs).Error; err != nil {
		e.T.Fatal(err)
	}
	for _, b := range bs {
		d.Branch[b.Code] = b
	}
	var us []org.User
	if err := e.App.DB.R.Scopes(store.Tenant(d.TenantID)).Find(&us).Error; err != nil {
		e.T.Fatal(err)
	}
	for _, u := range us {
		d.User[u.Username] = u.ID
	}
	return d
}

// As is a demo user as a service principal, with its grants loaded, and a
// context carrying it: for calling a service as that person.
func (d *Demo) As(username string) (context.Context, *access.Principal) {
	d.env.T.Helper()
	var u org.User
	if err := d.env.App.DB.R.Scopes(store.Tenant(d.TenantID)).Where("username = ?", username).Take(&u).Error; err != nil {
		d.env.T.Fatalf("demo user %s: %v", username, err)
	}
	var br org.Branch
	if err := d.env.App.DB.R.Scopes(store.Tenant(d.TenantID)).Where("id = ?", u.BranchID).Take(&br).Error; err != nil {
		d.env.T.Fatal(err)
	}
	p := &access.Principal{TenantID: d.TenantID, TenantSlug: "demo", UserID: u.ID, Username: u.Username, DisplayName: u.DisplayName, BranchID: br.ID, BranchPath: br.Path}
	ctx := context.Background()
	if err := d.env.App.Org.Refresh(ctx, p); err != nil {
		d.env.T.Fatal(err)
	}
	return access.With(ctx, p), p
}
