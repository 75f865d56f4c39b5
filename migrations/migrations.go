// Package migrations holds the one ordered list of schema steps for SQLite and
// PostgreSQL. Steps are Go functions so that the few places where the dialects
// differ (identity columns, JSON and time types, pattern indexes) are spelled
// out once in ddl.go instead of being kept in two parallel SQL trees.
package migrations

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"

	"github.com/pressly/goose/v3"
)

// Dialect names the SQL flavour a step is rendered for.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// step is one schema version: statements rendered for the running dialect.
type step struct {
	version int64
	up      func(d Dialect) []string
}

// steps is the ordered list; append only, never edit a released step.
var steps = []step{
	{1, coreSchema},
	{2, sessionVersion},
	{3, trainingAttempts},
	{4, trainingComments},
	{5, trainingLibrary},
	{6, assignmentsAndNotifications},
	{7, builtinVersions},
	{9, loginAttempts},
}

// Up brings the database to the newest version, under a lock that keeps
// other instances from migrating the same database at the same time (see
// lock.go).
func Up(ctx context.Context, db *sql.DB, d Dialect) error {
	var opts []goose.ProviderOption
	if l := locker(d); l != nil {
		opts = append(opts, goose.WithSessionLocker(l))
	}
	p, err := provider(db, d, opts...)
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate up: %w", err)
	}
	return nil
}

// Version reports the applied schema version.
func Version(ctx context.Context, db *sql.DB, d Dialect) (int64, error) {
	p, err := provider(db, d)
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}

// Latest is the version Up brings a database to.
func Latest() int64 { return steps[len(steps)-1].version }

// Versions lists every step's version in the order they apply.
func Versions() []int64 {
	out := make([]int64, len(steps))
	for i, s := range steps {
		out[i] = s.version
	}
	return out
}

func provider(db *sql.DB, d Dialect, opts ...goose.ProviderOption) (*goose.Provider, error) {
	gd := goose.DialectSQLite3
	if d == Postgres {
		gd = goose.DialectPostgres
	}
	var ms []*goose.Migration
	for _, s := range steps {
		stmts := s.up(d)
		ms = append(ms, goose.NewGoMigration(s.version, &goose.GoFunc{
			RunTx: func(ctx context.Context, tx *sql.Tx) error {
				for _, q := range stmts {
					if _, err := tx.ExecContext(ctx, q); err != nil {
						return fmt.Errorf("step %d: %w\n%s", s.version, err, q)
					}
				}
				return nil
			},
		}, nil))
	}
	return goose.NewProvider(gd, db, nil, append(opts, goose.WithGoMigrations(ms...))...)
}

var (
	tenantTablePattern = regexp.MustCompile(`(?s)CREATE TABLE (\w+) \(\s*tenant_id BIGINT NOT NULL`)
	tablePattern       = regexp.MustCompile(`CREATE TABLE (\w+) \(`)
)

// Tables lists every table the steps create.
func Tables() []string {
	var out []string
	for _, s := range steps {
		for _, q := range s.up(SQLite) {
			if m := tablePattern.FindStringSubmatch(q); m != nil {
				out = append(out, m[1])
			}
		}
	}
	return out
}

// TenantTables lists the tables that lead with tenant_id, read from the steps
// themselves so the tenant guard can never fall behind the schema.
func TenantTables() []string {
	var out []string
	for _, s := range steps {
		for _, q := range s.up(SQLite) {
			if m := tenantTablePattern.FindStringSubmatch(q); m != nil {
				out = append(out, m[1])
			}
		}
	}
	return out
}
