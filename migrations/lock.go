package migrations

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/pressly/goose/v3/lock"
)

// Every Up holds a lock from reading which steps are applied to recording the
// last one it ran. Instances started together (a new database, a rolling
// upgrade that brings a step) otherwise read the same pending steps and all
// but one fail with "relation already exists". A waiting instance finds the
// steps applied once it gets the lock, and has nothing left to do.
//
// lockWait is how long an instance waits for another's migration before it
// gives up and fails to start (a supervisor restarts it).
const lockWait = 5 * time.Minute

// locker returns the lock for d, or nil where there is none to take (an
// SQLite database in memory, or on a platform without flock).
func locker(d Dialect) lock.SessionLocker {
	if d == Postgres {
		return &postgresLocker{}
	}
	return sqliteLocker()
}

// postgresLocker takes goose's session-level advisory lock, with an id of
// its own per schema: two databases never share advisory locks anyway, but
// schemas of one database do, and an instance migrating one schema (each
// test has its own) need not wait for another schema's migration.
type postgresLocker struct{ lock.SessionLocker }

func (l *postgresLocker) SessionLock(ctx context.Context, conn *sql.Conn) error {
	var schema string
	if err := conn.QueryRowContext(ctx, "SELECT coalesce(current_schema(), '')").Scan(&schema); err != nil {
		return fmt.Errorf("read schema for the migration lock: %w", err)
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte("servicestar migrations " + schema))
	inner, err := lock.NewPostgresSessionLocker(
		lock.WithLockID(int64(h.Sum64())),
		// Poll each second (goose's default is 5 s): a waiting instance
		// starts soon after the other one finishes.
		lock.WithLockTimeout(1, uint64(lockWait/time.Second)),
	)
	if err != nil {
		return err
	}
	l.SessionLocker = inner
	return inner.SessionLock(ctx, conn)
}
