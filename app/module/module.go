// Package module is the one shape every area of the application has. An
// area (org, training's library, ...) describes itself in a Module value:
// its tables, its routes, the permissions its code checks, its demo data.
// server builds the list once; the isolation walk, the authorization matrix,
// the policy test and the demo seeder all iterate that list, so an area that
// forgets a table, a matrix row or a permission fails a test by itself.
// docs/ADDING_AN_AREA.md walks through adding one.
package module

import (
	"context"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
)

// Module is one area of the application.
type Module struct {
	// Name is short and unique: "org", "training.library".
	Name string
	// Models are the GORM models of the area's tenant-owned tables; the
	// isolation walk proves that each is read through the tenant scope.
	Models []any
	// RawTables are tenant-carrying tables the area reads without a GORM
	// model, each with the reason (the walk accepts them by name).
	RawTables map[string]string
	// Permissions are what the area's code checks. Every one must be held
	// by a role in policy.csv, and every p rule must be some area's.
	Permissions []authz.Permission
	// Routes registers the area's API operations.
	Routes func(api huma.API)
	// Seed adds the area's part of the demo banks; nil when it has none.
	// Areas seed in list order, so org's tenants and people come first.
	Seed func(ctx context.Context, d Demo) error
	// Messages are the zh-CN texts of the area's own server messages (the
	// shared ones are apperr's); server adds them with apperr.Add.
	Messages apperr.Catalogue
	// Periodic are jobs the area needs run on time (a GET never writes).
	Periodic []Periodic
}

// Demo is what an area's seed may ask of the demo seeder.
type Demo interface {
	// As returns a context and principal for a demo user ("demo", "hr").
	As(ctx context.Context, tenant, username string) (context.Context, *access.Principal, error)
	// Now is the seeder's clock.
	Now() time.Time
}

// Periodic is work to be done once per Every across all instances.
type Periodic struct {
	Name  string
	Every time.Duration
	Run   func(ctx context.Context) error
}
