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

// step is one schema version: statements rendered for the running dialect,
// or, when up is nil, the Go code goSteps holds for its version.
type step struct {
	version int64
	up      func(d Dialect) []string
}

// goSteps are the steps whose work is Go code bringing its own SQL.
var goSteps = map[int64]*goStep{8: riverQueue}

// goStep runs Go code as a step. SQLite runs it in goose's transaction:
// the writer handle holds one connection, which goose keeps for the whole
// run, so code that asked the pool for another would wait forever.
// PostgreSQL runs it on the handle: River's migrations must not all share
// one transaction there (an enum value added by one is used by the next).
type goStep struct {
	sqlite   func(ctx context.Context, tx *sql.Tx) error
	postgres func(ctx context.Context, db *sql.DB) error
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
	{8, nil}, // River's job queue tables (goSteps)
	{9, loginAttempts},
	{10, jobRuns},
	{11, feedbackSchema},
	{12, kpiSchema},
	{14, kpiRankIndex},
	{15, auditChain},
	{16, failedIsNotCompleted},
	{17, auditorsReadOnly},
	{18, casesSchema},
	{19, awardsSchema},
	{20, careersSchema},
	{21, suggestionsSchema},
	{22, retentionSchema},
	{23, kpiMetricScores},
	{24, caseSearchFacets},
	{26, attemptReviewFlags},
	{27, trainingWorkflow},
	{28, mfaSchema},
	{29, ssoSchema},
	{30, personalDataReadsSchema},
	{31, ssoSatisfiesMFASchema},
	{32, beginnerShelfHint},
	{34, caseFacetsNarrow},
	{36, kpiRankedAutovacuum},
	{37, caseFacetsByLine},
	{38, feedbackRefsByStatement},
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

// UpTo brings the database to version, no further: tests of a data
// migration build the data it finds on an older schema.
func UpTo(ctx context.Context, db *sql.DB, d Dialect, version int64) error {
	p, err := provider(db, d)
	if err != nil {
		return err
	}
	if _, err := p.UpTo(ctx, version); err != nil {
		return fmt.Errorf("migrate up to %d: %w", version, err)
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
		if s.up == nil {
			g, ok := goSteps[s.version]
			if !ok {
				return nil, fmt.Errorf("step %d has neither statements nor Go code", s.version)
			}
			ms = append(ms, goose.NewGoMigration(s.version, g.goFunc(d), nil))
			continue
		}
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

// Tables lists every table the steps with statements create (River's Go
// step brings its own tables, which are River's to know).
func Tables() []string { return TablesOf(SQLite) }

// TablesOf lists the tables the steps create in dialect d (a few steps differ
// between the two, such as case search's full-text index).
func TablesOf(d Dialect) []string {
	var out []string
	for _, s := range steps {
		if s.up == nil {
			continue
		}
		for _, q := range s.up(d) {
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
		if s.up == nil {
			continue
		}
		for _, q := range s.up(SQLite) {
			if m := tenantTablePattern.FindStringSubmatch(q); m != nil {
				out = append(out, m[1])
			}
		}
	}
	return out
}

func (g *goStep) goFunc(d Dialect) *goose.GoFunc {
	if d == Postgres {
		return &goose.GoFunc{RunDB: g.postgres}
	}
	return &goose.GoFunc{RunTx: g.sqlite}
}
