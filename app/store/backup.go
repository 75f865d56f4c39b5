package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/servicestar/servicestar/migrations"
)

// ErrInUse: restore refuses a database that a process has open.
var ErrInUse = errors.New("the database is open in a running ServiceStar (serve, or another command): stop it, then restore")

// ErrPostgres: backup and restore copy SQLite files; a PostgreSQL database
// is backed up with its own tools.
var ErrPostgres = errors.New("the database is PostgreSQL: back it up with pg_dump and restore it with pg_restore (see the README, \"Backups\")")

// Backup writes a consistent copy of the SQLite database to dest while the
// database stays in use. VACUUM INTO reads inside one read transaction, so
// the copy holds exactly what was committed when it began; in WAL mode
// writers carry on meanwhile. The copy is written beside dest and renamed
// into place once it is on disk, so dest is either a whole backup or absent,
// and it is checked with PRAGMA integrity_check before Backup returns. An
// existing dest is never overwritten.
func (db *DB) Backup(ctx context.Context, dest string) error {
	if db.Dialect == migrations.Postgres {
		return ErrPostgres
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%s already exists: a backup never overwrites a file, name a new one", dest)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	partial := dest + ".partial"
	if err := os.Remove(partial); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	r, err := db.R.DB()
	if err != nil {
		return err
	}
	if _, err := r.ExecContext(ctx, "VACUUM INTO ?", partial); err != nil {
		_ = os.Remove(partial)
		return fmt.Errorf("copy the database: %w", err)
	}
	// VACUUM INTO does not sync what it wrote.
	if err := syncFile(partial); err != nil {
		_ = os.Remove(partial)
		return err
	}
	// A link, unlike a rename, fails when dest appeared meanwhile.
	if err := os.Link(partial, dest); err != nil {
		_ = os.Remove(partial)
		return fmt.Errorf("put the backup in place: %w", err)
	}
	if err := os.Remove(partial); err != nil {
		return err
	}
	if err := syncDir(filepath.Dir(dest)); err != nil {
		return err
	}
	return checkFile(ctx, dest)
}

// Restore puts the SQLite backup src in place of the database at
// databaseURL. It refuses (ErrInUse) while any process has that database
// open through this package (a running server, a migration), and holds the
// lock while it works, so a server started meanwhile waits and then opens
// the restored file. The backup is copied beside the database, checked with
// PRAGMA integrity_check and renamed into place; the database it replaces,
// with its write-ahead log, is moved aside (the returned path, "" when there
// was none), never deleted.
func Restore(ctx context.Context, databaseURL, src string) (replaced string, err error) {
	path, err := SQLitePath(databaseURL)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(src); err != nil {
		return "", err
	} else if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a file", src)
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", err
		}
	}
	lock, err := holdExclusive(path)
	if err != nil {
		return "", err
	}
	defer func() { err = errors.Join(err, release(lock)) }()

	incoming := path + ".restoring"
	if err := copyFile(src, incoming); err != nil {
		_ = os.Remove(incoming)
		return "", err
	}
	if err := checkBackup(ctx, incoming); err != nil {
		_ = os.Remove(incoming)
		return "", fmt.Errorf("%s: %w", src, err)
	}
	if _, err := os.Stat(path); err == nil {
		replaced = fmt.Sprintf("%s.replaced-%s", path, nowStamp())
		if err := os.Rename(path, replaced); err != nil {
			_ = os.Remove(incoming)
			return "", err
		}
		// The log belongs to the file it was written for: it goes with it.
		if err := os.Rename(path+"-wal", replaced+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
			return replaced, err
		}
	}
	// Whatever log or index is left would be applied to the restored file.
	for _, stale := range []string{path + "-wal", path + "-shm"} {
		if err := os.Remove(stale); err != nil && !errors.Is(err, os.ErrNotExist) {
			return replaced, err
		}
	}
	if err := os.Rename(incoming, path); err != nil {
		return replaced, err
	}
	return replaced, syncDir(filepath.Dir(path))
}

// sqlitePath is the file of an SQLite database URL, or ErrPostgres.
func SQLitePath(databaseURL string) (string, error) {
	if databaseURL == "" {
		databaseURL = DefaultURL
	}
	switch u := databaseURL; {
	case strings.HasPrefix(u, "sqlite:"):
		p := strings.TrimPrefix(strings.TrimPrefix(u, "sqlite:"), "//")
		if inMemory(p) {
			return "", errors.New("the database is in memory: there is no file to restore into")
		}
		return p, nil
	case strings.HasPrefix(u, "postgres://"), strings.HasPrefix(u, "postgresql://"):
		return "", ErrPostgres
	default:
		return "", fmt.Errorf("SS_DATABASE_URL: want sqlite:<path> or postgres://…, got %q", redact(u))
	}
}

// checkBackup checks that path is an intact ServiceStar database this
// version can open (it migrates older ones forward, not newer ones back).
func checkBackup(ctx context.Context, path string) error {
	if err := checkFile(ctx, path); err != nil {
		return err
	}
	c, err := openImmutable(path)
	if err != nil {
		return err
	}
	defer c.Close()
	var v sql.NullInt64
	if err := c.QueryRowContext(ctx, "SELECT MAX(version_id) FROM goose_db_version").Scan(&v); err != nil {
		return fmt.Errorf("not a ServiceStar database: %w", err)
	}
	if v.Int64 > migrations.Latest() {
		return fmt.Errorf("made by a newer ServiceStar (schema version %d, this one knows up to %d)", v.Int64, migrations.Latest())
	}
	return nil
}

// checkFile runs PRAGMA integrity_check on the SQLite file at path.
func checkFile(ctx context.Context, path string) error {
	c, err := openImmutable(path)
	if err != nil {
		return err
	}
	defer c.Close()
	var res string
	if err := c.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("not an SQLite database: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check failed: %s", res)
	}
	return nil
}

// openImmutable reads a file nothing else writes (a backup) without
// creating a log or an index beside it.
func openImmutable(path string) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro&immutable=1"}
	c, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, err
	}
	c.SetMaxOpenConns(1)
	return c, nil
}
