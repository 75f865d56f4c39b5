//go:build unix

package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/pressly/goose/v3/lock"
)

// SQLite's single writer and busy timeout serialise each statement, not a
// whole Up: two processes (or two handles) on one file both read the same
// pending steps, and the second to run one failed with "table already
// exists". So an Up also holds an exclusive flock on a file beside the
// database ("<file>-migrate.lock", left in place: removing it would let a
// third process lock a new file while the second still waits on the old
// one). The kernel drops the lock when its holder exits, however it exits.
// It is flock, not SQLite's own fcntl locks on the database file, which it
// would disturb.
func sqliteLocker() lock.SessionLocker { return &flockLocker{} }

type flockLocker struct{ f *os.File }

func (l *flockLocker) SessionLock(ctx context.Context, conn *sql.Conn) error {
	path, err := mainFile(ctx, conn)
	if err != nil || path == "" { // in memory: no other process can see it
		return err
	}
	f, err := os.OpenFile(path+"-migrate.lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return fmt.Errorf("open the migration lock file: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, lockWait)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			l.f = f
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			_ = f.Close()
			return fmt.Errorf("lock %s: %w", f.Name(), err)
		}
		select {
		case <-ctx.Done():
			_ = f.Close()
			return fmt.Errorf("wait for another migration of %s: %w", path, ctx.Err())
		case <-tick.C:
		}
	}
}

func (l *flockLocker) SessionUnlock(context.Context, *sql.Conn) error {
	if l.f == nil {
		return nil
	}
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	// Closing drops the lock as well, should unlocking have failed.
	return errors.Join(err, l.f.Close())
}

// mainFile is the file of the connection's main database, "" in memory.
func mainFile(ctx context.Context, conn *sql.Conn) (string, error) {
	rows, err := conn.QueryContext(ctx, "PRAGMA database_list")
	if err != nil {
		return "", fmt.Errorf("find the database file: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var name, file string
		if err := rows.Scan(&seq, &name, &file); err != nil {
			return "", err
		}
		if name == "main" {
			return file, rows.Close()
		}
	}
	return "", rows.Err()
}
