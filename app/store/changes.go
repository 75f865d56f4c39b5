package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// dataVersion answers "has anything been committed since I last looked?"
// cheaply enough to ask on every request, so per-request caches (resolved
// sessions) need not re-read the database while nothing has changed.
//
// SQLite's PRAGMA data_version moves whenever another connection commits, in
// this process or any other; read on a connection that never writes, it
// therefore moves with every commit there is.
type dataVersion struct {
	mu   sync.Mutex // one reader at a time on the one connection, in arrival order
	db   *sql.DB
	stmt *sql.Stmt
}

func openDataVersion(dsn string) (*dataVersion, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite data_version reader: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	stmt, err := db.Prepare("PRAGMA data_version")
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("prepare data_version: %w", err)
	}
	return &dataVersion{db: db, stmt: stmt}, nil
}

func (d *dataVersion) read(ctx context.Context) (int64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var v int64
	err := d.stmt.QueryRowContext(ctx).Scan(&v)
	return v, err
}

func (d *dataVersion) close() error {
	_ = d.stmt.Close()
	return d.db.Close()
}

// DataVersion returns a number that changes whenever a write has been
// committed to the database, by any connection or process. ok is false where
// the database offers no such number (PostgreSQL, shared by many instances):
// callers must then read what they need from the database every time.
func (db *DB) DataVersion(ctx context.Context) (v int64, ok bool, err error) {
	if db.changes == nil {
		return 0, false, nil
	}
	v, err = db.changes.read(ctx)
	return v, err == nil, err
}
