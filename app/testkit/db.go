// Package testkit gives tests a real, migrated database — an SQLite file, or
// a fresh schema in the PostgreSQL named by TEST_DATABASE_URL — and a client
// that talks to the full HTTP stack.
package testkit

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // for creating and dropping test schemas

	"github.com/servicestar/servicestar/app/store"
)

// URL returns a database URL for one test: a new SQLite file, or a new
// schema in TEST_DATABASE_URL's PostgreSQL (dropped at cleanup), so test
// packages running in parallel never share tables.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		return "sqlite:" + filepath.Join(t.TempDir(), "test.db")
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	quoted := pgx.Identifier{schema}.Sanitize()
	if _, err := admin.Exec(fmt.Sprintf("CREATE SCHEMA %s", quoted)); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(fmt.Sprintf("DROP SCHEMA %s CASCADE", quoted))
		_ = admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Postgres reports whether tests run against PostgreSQL.
func Postgres() bool { return os.Getenv("TEST_DATABASE_URL") != "" }

// DB opens and migrates a fresh database.
func DB(t testing.TB) *store.DB {
	t.Helper()
	return Open(t, URL(t))
}

// Open opens and migrates the database at url, closed at cleanup.
func Open(t testing.TB, url string) *store.DB {
	t.Helper()
	db, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

// InsertTenant adds a bare tenant (no branches, no users) through db's
// writer, straight into the table, and returns its id.
func InsertTenant(t testing.TB, db *store.DB, slug string) int64 {
	t.Helper()
	if err := db.W.Exec(`INSERT INTO tenants (slug, name, time_zone, default_locale, policy_version, session_version, created_at, updated_at)
		VALUES (?, ?, 'UTC', 'zh-CN', 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`, slug, slug).Error; err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := db.W.Raw("SELECT id FROM tenants WHERE slug = ?", slug).Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	return id
}
