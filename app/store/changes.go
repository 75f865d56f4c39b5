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
	db   *sql.DB
	stmt *sql.Stmt

	// Requests that arrive together share one read: a read answers every
	// request that was waiting before it started, so each still sees every
	// commit made before it arrived, and a burst of 64 costs two reads, not 64.
	mu      sync.Mutex
	reading bool          // a read is in flight
	next    *versionRound // the read to start when it ends; joined until then
}

// versionRound is one PRAGMA data_version read and the requests it answers.
type versionRound struct {
	done chan struct{}
	v    int64
	err  error
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
	r := d.next
	if r == nil {
		r = &versionRound{done: make(chan struct{})}
		d.next = r
	}
	if !d.reading {
		d.reading, d.next = true, nil
		d.mu.Unlock()
		d.run(r)
	} else {
		d.mu.Unlock()
	}
	select {
	case <-r.done:
		return r.v, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// run reads for r, then hands the round that gathered meanwhile to a new
// goroutine, so no request's own wait grows with the traffic behind it.
func (d *dataVersion) run(r *versionRound) {
	// Not the request's context: the answer serves other requests too.
	r.err = d.stmt.QueryRow().Scan(&r.v)
	close(r.done)
	d.mu.Lock()
	next := d.next
	d.next = nil
	d.reading = next != nil
	d.mu.Unlock()
	if next != nil {
		go d.run(next)
	}
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
