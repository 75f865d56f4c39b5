package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"unsafe"
)

// dataVersion answers "has anything been committed since I last looked?"
// cheaply enough to ask on every request, so per-request caches (resolved
// sessions) need not re-read the database while nothing has changed.
//
// It reads what SQLite itself reads to learn the same thing. In WAL mode
// every commit, by any connection of any process, rewrites the 48-byte
// header of the wal-index (the "-shm" file every connection maps; format in
// https://www.sqlite.org/walformat.html), and a connection starting a read
// compares that header with the copy it kept to decide whether its page
// cache is stale. So an unchanged header means no commit. Mapping the header
// read-only makes the check two 48-byte loads instead of a statement (PRAGMA
// data_version cost a tenth of every authenticated read's CPU).
type dataVersion struct {
	// conn keeps one connection open for as long as the header is mapped:
	// SQLite re-initialises the wal-index only when no connection has it
	// open, and this one always does.
	conn *sql.Conn
	db   *sql.DB
	hdr  []byte // the first page of the -shm file, mapped read-only

	broken atomic.Bool // a read faulted: answer "not tracked" from then on

	mu   sync.Mutex
	seen [walHeaderWords]uint32 // the header as last read
	v    int64                  // moves whenever seen does
}

// The wal-index begins with two copies of a 48-byte header. A committing
// writer fills the second copy, then the first; a reader that finds them
// different is looking at a commit in progress.
const (
	walHeaderWords   = 12
	walHeaderBytes   = 4 * walHeaderWords
	walIndexVersion  = 3007000 // iVersion, native byte order
	walIndexIsInitAt = 12      // isInit byte: 1 once the header is valid
)

var errNoWALIndex = errors.New("no wal-index to watch")

// openDataVersion maps the wal-index of the database at path (opened with
// dsn). Where there is none to map (another journal mode, an in-memory
// database, a platform without mmap), it returns errNoWALIndex and callers
// re-read what they need every time, as on PostgreSQL.
func openDataVersion(dsn, path string) (*dataVersion, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite data version connection: %w", err)
	}
	d := &dataVersion{db: db}
	if err := d.open(path); err != nil {
		_ = d.close()
		return nil, err
	}
	return d, nil
}

func (d *dataVersion) open(path string) error {
	ctx := context.Background()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite data version connection: %w", err)
	}
	d.conn = conn
	var mode string
	// A read opens the WAL and creates or joins the wal-index.
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("read journal mode: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT count(*) FROM sqlite_master"); err != nil {
		return fmt.Errorf("first read: %w", err)
	}
	if mode != "wal" {
		return errNoWALIndex
	}
	hdr, err := mapWALIndex(path + "-shm")
	if err != nil {
		return err
	}
	d.hdr = hdr
	if binary.NativeEndian.Uint32(hdr) != walIndexVersion || hdr[walIndexIsInitAt] != 1 {
		return fmt.Errorf("%w: unknown wal-index layout", errNoWALIndex)
	}
	d.seen, _ = d.header()
	return nil
}

// header reads both copies of the wal-index header; consistent is false
// while a commit is writing them. A fault (the file shrunk under the mapping,
// which SQLite never does while a connection is open) turns the watch off
// instead of crashing the server.
func (d *dataVersion) header() (h [walHeaderWords]uint32, consistent bool) {
	defer func() {
		if recover() != nil {
			d.broken.Store(true)
			consistent = false
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	// Atomic loads: the memory is written by other threads and processes,
	// and the first copy must be read before the second (SQLite's order).
	var second [walHeaderWords]uint32
	for i := range h {
		h[i] = atomic.LoadUint32((*uint32)(unsafe.Pointer(&d.hdr[4*i])))
	}
	for i := range second {
		second[i] = atomic.LoadUint32((*uint32)(unsafe.Pointer(&d.hdr[walHeaderBytes+4*i])))
	}
	return h, h == second
}

// read returns a number that differs from every earlier answer when the
// header has changed since the previous call. A header caught mid-commit
// counts as a change: a false alarm costs one re-read, never a stale answer.
func (d *dataVersion) read() (int64, bool) {
	h, consistent := d.header()
	if d.broken.Load() {
		return 0, false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !consistent || h != d.seen {
		d.seen = h
		d.v++
	}
	return d.v, true
}

func (d *dataVersion) close() error {
	var first error
	if d.hdr != nil {
		first = unmapWALIndex(d.hdr)
		d.hdr = nil
	}
	if d.conn != nil {
		_ = d.conn.Close()
	}
	if err := d.db.Close(); err != nil && first == nil {
		first = err
	}
	return first
}

// DataVersion returns a number that changes whenever a write has been
// committed to the database, by any connection or process. ok is false where
// the database offers no such number (PostgreSQL, shared by many instances):
// callers must then read what they need from the database every time.
func (db *DB) DataVersion(ctx context.Context) (v int64, ok bool, err error) {
	if db.changes == nil {
		return 0, false, nil
	}
	if err := ctx.Err(); err != nil {
		return 0, false, err
	}
	v, ok = db.changes.read()
	return v, ok, nil
}
