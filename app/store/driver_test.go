package store_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/store"
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

// DataVersion moves with every commit, by this handle or by another one on
// the same file (another process), and stays put while nothing is written.
func TestDataVersionMovesWithEveryCommit(t *testing.T) {
	if testkit.Postgres() {
		db := testkit.DB(t)
		if _, ok, err := db.DataVersion(context.Background()); ok || err != nil {
			t.Fatalf("PostgreSQL: ok=%v err=%v, want no data version", ok, err)
		}
		return
	}
	ctx := context.Background()
	url := testkit.URL(t)
	open := func() *store.DB {
		db, err := store.Open(url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}
	db := open()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	other := open()
	version := func() int64 {
		t.Helper()
		v, ok, err := db.DataVersion(ctx)
		if err != nil || !ok {
			t.Fatalf("DataVersion: ok=%v err=%v", ok, err)
		}
		return v
	}
	write := func(h *store.DB, slug string) {
		t.Helper()
		testkit.InsertTenant(t, h, slug)
	}
	v0 := version()
	if v := version(); v != v0 {
		t.Fatalf("moved from %d to %d with nothing written", v0, v)
	}
	write(db, "own")
	v1 := version()
	if v1 == v0 {
		t.Fatal("did not move after a commit through the same handle's writer")
	}
	write(other, "other")
	v2 := version()
	if v2 == v1 {
		t.Fatal("did not move after a commit by another handle on the same file")
	}
	// After a checkpoint empties the WAL, the next writer starts it afresh:
	// that commit must move the version like any other.
	if err := db.W.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
		t.Fatal(err)
	}
	v3 := version()
	write(other, "after-checkpoint")
	if v := version(); v == v3 {
		t.Fatalf("did not move after a commit into a restarted WAL (before the checkpoint %d)", v2)
	}
}

// A commit by another process (the sqlite3 shell, a second server on the same
// file) moves the version too: the child writes through its own connections.
func TestDataVersionSeesCommitsOfOtherProcesses(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite only")
	}
	ctx := context.Background()
	url := testkit.URL(t)
	db, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	before, ok, err := db.DataVersion(ctx)
	if !ok || err != nil {
		t.Fatalf("DataVersion: ok=%v err=%v; the wal-index watch must be on for a WAL file", ok, err)
	}
	child := exec.Command(os.Args[0], "-test.run=^TestHelperWriteFromAnotherProcess$", "-test.v")
	child.Env = append(os.Environ(), "SS_TEST_WRITE_URL="+url)
	if out, err := child.CombinedOutput(); err != nil || !strings.Contains(string(out), "wrote a tenant") {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	if v, _, _ := db.DataVersion(ctx); v == before {
		t.Fatal("did not move after another process committed")
	}
}

// TestHelperWriteFromAnotherProcess is the child of the test above.
func TestHelperWriteFromAnotherProcess(t *testing.T) {
	url := os.Getenv("SS_TEST_WRITE_URL")
	if url == "" {
		t.Skip("run as a child process by TestDataVersionSeesCommitsOfOtherProcesses")
	}
	db, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	testkit.InsertTenant(t, db, "child")
	t.Log("wrote a tenant")
}

// Concurrent callers are never answered from before they asked: after a
// commit, every caller sees the new version.
func TestDataVersionSharedReadsNeverAnswerFromBeforeTheCall(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite only")
	}
	db := testkit.DB(t)
	ctx := context.Background()
	// Background traffic keeps shared reads in flight the whole time.
	stop := make(chan struct{})
	var bg sync.WaitGroup
	for range 4 {
		bg.Add(1)
		go func() {
			defer bg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					_, _, _ = db.DataVersion(ctx)
				}
			}
		}()
	}
	defer func() { close(stop); bg.Wait() }()
	for i := range 30 {
		before, _, err := db.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		testkit.InsertTenant(t, db, fmt.Sprintf("t%d", i))
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if v, _, err := db.DataVersion(ctx); err != nil || v == before {
					t.Errorf("round %d: version %d (err %v), unchanged after a commit", i, v, err)
				}
			}()
		}
		wg.Wait()
	}
}
