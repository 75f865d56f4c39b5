package migrations

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// riverVersion is the River schema version this step brings a database to.
// It is pinned so that upgrading River never changes what step 8 did: a
// River release with a new migration gets a new step of its own.
const riverVersion = 8

// riverQueue creates River's job queue tables (river_job, river_leader,
// river_queue, …) with River's own migrations for the dialect, so that
// `servicestar migrate` does everything in one ordered list. They are global
// by nature: a job's tenant travels in its metadata and in job_runs.
var riverQueue = &goStep{
	sqlite: func(ctx context.Context, tx *sql.Tx) error {
		m, err := rivermigrate.New(riversqlite.New(nil), nil)
		if err != nil {
			return err
		}
		// MigrateTx is deprecated for PostgreSQL's sake; SQLite's DDL is
		// transactional, and goose's transaction is the only connection.
		//lint:ignore SA1019 deprecated for PostgreSQL; on SQLite goose's transaction holds the only writer connection
		_, err = m.MigrateTx(ctx, tx, rivermigrate.DirectionUp, &rivermigrate.MigrateOpts{TargetVersion: riverVersion})
		return wrapRiver(err)
	},
	postgres: func(ctx context.Context, db *sql.DB) error {
		m, err := rivermigrate.New(riverdatabasesql.New(db), nil)
		if err != nil {
			return err
		}
		_, err = m.Migrate(ctx, rivermigrate.DirectionUp, &rivermigrate.MigrateOpts{TargetVersion: riverVersion})
		return wrapRiver(err)
	},
}

func wrapRiver(err error) error {
	if err != nil {
		return fmt.Errorf("step 8 (River's tables): %w", err)
	}
	return nil
}
