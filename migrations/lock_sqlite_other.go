//go:build !unix

package migrations

import "github.com/pressly/goose/v3/lock"

// sqliteLocker: no flock here, so start one process at a time on an SQLite
// file on such platforms (see lock_sqlite_unix.go for what goes wrong).
func sqliteLocker() lock.SessionLocker { return nil }
