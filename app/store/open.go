// Package store opens the database and holds the tenant scope that every
// tenant-owned query goes through.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/servicestar/servicestar/migrations"
)

// DB is the application's database: one writer handle and one reader pool.
// On SQLite the writer holds a single connection, so writers queue in Go
// instead of failing with SQLITE_BUSY, while reads run beside them (WAL).
type DB struct {
	W       *gorm.DB
	R       *gorm.DB
	Dialect migrations.Dialect

	changes *dataVersion // SQLite only; see DataVersion
	reads   sync.Map     // query → *sql.Stmt; see TenantRows
	open    *os.File     // SQLite: the shared lock restore checks (inuse_unix.go)
}

// DefaultURL is used when SS_DATABASE_URL is unset.
const DefaultURL = "sqlite:data/servicestar.db"

// sqlitePragmas: the driver ignores the "_journal_mode=WAL" spelling, so
// pragmas are given in the form it really applies (tested). _time_format
// keeps times in the layout the databases already hold ("2006-01-02
// 15:04:05.999999999-07:00"), which sorts and compares as text.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate&_time_format=sqlite"

// readerPragmas: readers map the database file instead of copying each page
// they touch through read(2) into a small per-connection cache. A case search
// walking 20,000 matches spent a quarter of its CPU in those system calls;
// mapped, it spent 40 % less (BENCHMARKS.md, issue 12). The mapping is the
// operating system's page cache, shared by every connection, so it does not
// grow the process by a cache per reader. Writes still go through the writer.
const readerPragmas = "&_pragma=mmap_size(268435456)"

// Open connects to url ("sqlite:<path>" or "postgres://...").
func Open(url string) (*DB, error) {
	if url == "" {
		url = DefaultURL
	}
	cfg := &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	}
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return openPostgres(url, cfg)
	case strings.HasPrefix(url, "sqlite:"):
		return openSQLite(strings.TrimPrefix(url, "sqlite:"), cfg)
	default:
		return nil, fmt.Errorf("SS_DATABASE_URL: want sqlite:<path> or postgres://…, got %q", redact(url))
	}
}

func openSQLite(path string, cfg *gorm.Config) (*DB, error) {
	path = strings.TrimPrefix(path, "//")
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	// Taken before the first connection, so that no server opens a file a
	// restore is replacing.
	var lock *os.File
	if !inMemory(path) {
		var err error
		if lock, err = holdOpen(path); err != nil {
			return nil, err
		}
	}
	dsn := "file:" + path + "?" + sqlitePragmas
	// The writer keeps temporary structures (a bulk insert's statement
	// journal) in memory: in a temporary file that was a write system call
	// per page, an eighth of a feedback import's CPU. Its page cache is
	// 64 MB (the default is 2 MB; pages are taken as needed): a bulk
	// import inserts into indexes (by person, by branch) far larger than
	// 2 MB, and each insert then re-read a page from the WAL and spilled
	// another (a million feedback records took 14 minutes). Both are set
	// when the connection opens: setting temp_store later drops the
	// connection's parsed schema (a third of a second to parse again), and
	// shrinking the cache after each import gave its memory back to the
	// system page by page (another 0.4 s). Readers keep the defaults:
	// there are many of them.
	w, err := gorm.Open(sqlite.Open(dsn+"&_pragma=temp_store(2)&_pragma=cache_size(-65536)"), cfg)
	if err != nil {
		_ = release(lock)
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	// Reads reuse prepared statements: profiling showed SQLite spending three
	// quarters of an authenticated read parsing the same SQL again.
	rcfg := *cfg
	rcfg.PrepareStmt = true
	rcfg.PrepareStmtMaxSize = 512
	r, err := gorm.Open(sqlite.Open(dsn+readerPragmas), &rcfg)
	if err != nil {
		_ = release(lock)
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	wsql, _ := w.DB()
	wsql.SetMaxOpenConns(1)
	wsql.SetConnMaxIdleTime(0)
	// More readers than API reads admitted at once (SS_MAX_CONCURRENT_READS,
	// 4 per CPU by default), so an admitted read never waits for one.
	readers := max(8, 8*runtime.GOMAXPROCS(0))
	rsql, _ := r.DB()
	rsql.SetMaxOpenConns(readers)
	rsql.SetMaxIdleConns(readers)
	changes, err := openDataVersion(dsn, path)
	if errors.Is(err, errNoWALIndex) {
		changes = nil // nothing to watch: sessions re-read every time
	} else if err != nil {
		_ = release(lock)
		return nil, err
	}
	db := &DB{W: w, R: r, Dialect: migrations.SQLite, changes: changes, open: lock}
	registerTenantGuard(w)
	registerTenantGuard(r)
	return db, nil
}

func openPostgres(url string, cfg *gorm.Config) (*DB, error) {
	w, err := gorm.Open(postgres.Open(withoutJIT(url)), cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s, _ := w.DB()
	s.SetMaxOpenConns(32)
	s.SetMaxIdleConns(16)
	s.SetConnMaxLifetime(30 * time.Minute)
	registerTenantGuard(w)
	return &DB{W: w, R: w, Dialect: migrations.Postgres}, nil
}

// Migrate brings the schema to the newest version. Several instances may
// call it at once on one database: the steps run under a lock (see
// migrations/lock.go), so each is applied once and every caller succeeds.
func (db *DB) Migrate(ctx context.Context) error {
	s, err := db.W.DB()
	if err != nil {
		return err
	}
	return migrations.Up(ctx, s, db.Dialect)
}

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error {
	s, err := db.R.DB()
	if err != nil {
		return err
	}
	return s.PingContext(ctx)
}

// Close releases both handles.
func (db *DB) Close() error {
	db.closeReads()
	var first error
	for _, g := range []*gorm.DB{db.W, db.R} {
		s, err := g.DB()
		if err == nil {
			err = s.Close()
		}
		if err != nil && first == nil && !strings.Contains(err.Error(), "closed") {
			first = err
		}
		if db.W == db.R {
			break
		}
	}
	if db.changes != nil {
		if err := db.changes.close(); err != nil && first == nil {
			first = err
		}
	}
	// Last: the connections are closed, so a restore may replace the file.
	if err := release(db.open); err != nil && first == nil {
		first = err
	}
	db.open = nil
	return first
}

// inMemory reports whether an SQLite path names no file.
func inMemory(path string) bool {
	return path == "" || strings.HasPrefix(path, ":memory:") || strings.Contains(path, "mode=memory")
}

// SQL exposes the writer's *sql.DB for tools (goose, health checks).
func (db *DB) SQL() (*sql.DB, error) { return db.W.DB() }

func redact(url string) string {
	if i := strings.Index(url, "@"); i > 0 {
		return "…" + url[i:]
	}
	return url
}

var _ = slog.Default
