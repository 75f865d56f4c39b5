package store_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
)

// The SQLite driver linked in must be modernc.org/sqlite itself (go.mod routes
// github.com/glebarez/go-sqlite to it), whose prepared statements stay
// compiled; the fork re-parsed every statement on every execution.
func TestSQLiteDriverIsModernc(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite only")
	}
	db := testkit.DB(t)
	s, err := db.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if got := reflect.TypeOf(s.Driver()).Elem().PkgPath(); got != "modernc.org/sqlite" {
		t.Fatalf("SQLite driver from %q, want modernc.org/sqlite", got)
	}
}

// Times are written in one text layout, so that they sort and compare as
// text in SQL and read back as time.Time in Go. Without _time_format=sqlite
// the driver would write Go's time.String() form ("… +0000 UTC").
func TestSQLiteTimesKeepTheirTextLayout(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite only")
	}
	db := testkit.DB(t)
	at := time.Date(2026, 3, 4, 5, 6, 7, 890000000, time.UTC)
	if err := db.W.Exec("INSERT INTO tenants (slug, name, time_zone, default_locale, policy_version, session_version, created_at, updated_at) VALUES ('layout', 'Layout', 'UTC', 'zh-CN', 1, 1, ?, ?)", at, at).Error; err != nil {
		t.Fatal(err)
	}
	// || '' reads the stored text: a DATETIME column would come back parsed.
	var text string
	if err := db.R.Raw("SELECT created_at || '' FROM tenants WHERE slug = 'layout'").Scan(&text).Error; err != nil {
		t.Fatal(err)
	}
	if want := "2026-03-04 05:06:07.89+00:00"; text != want {
		t.Errorf("stored %q, want %q", text, want)
	}
	var back time.Time
	if err := db.R.Raw("SELECT created_at FROM tenants WHERE slug = 'layout'").Row().Scan(&back); err != nil {
		t.Fatal(err)
	}
	if !back.Equal(at) {
		t.Errorf("read back %v, want %v", back, at)
	}
}
