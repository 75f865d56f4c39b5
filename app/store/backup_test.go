package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// A backup taken while writers keep committing holds every row committed
// before it began; restored into a new path, it opens, migrates (nothing to
// do) and passes PRAGMA integrity_check.
func TestBackupUnderWriteLoadRestoresEveryCommittedRow(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite files only; PostgreSQL is backed up with pg_dump")
	}
	dir := t.TempDir()
	db := testkit.Open(t, "sqlite:"+filepath.Join(dir, "live.db"))
	if err := db.W.Exec("CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload TEXT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var committed []int64
	stop := make(chan struct{})
	enough := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				var id int64
				err := db.Tx(context.Background(), func(tx *gorm.DB) error {
					if err := tx.Exec("INSERT INTO backup_probe (writer, payload) VALUES (?, ?)", w, strings.Repeat("x", 200)).Error; err != nil {
						return err
					}
					return tx.Raw("SELECT last_insert_rowid()").Scan(&id).Error
				})
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				committed = append(committed, id)
				if len(committed) >= 400 {
					once.Do(func() { close(enough) })
				}
				mu.Unlock()
			}
		}()
	}
	select {
	case <-enough:
	case err := <-errs:
		t.Fatal(err)
	}
	mu.Lock()
	before := append([]int64(nil), committed...)
	mu.Unlock()

	backup := filepath.Join(dir, "backup.db")
	backupErr := db.Backup(context.Background(), backup)
	mu.Lock()
	duringOrBefore := len(committed)
	mu.Unlock()
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if backupErr != nil {
		t.Fatalf("backup under load: %v", backupErr)
	}
	if _, err := os.Stat(backup + ".partial"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the partial copy was left behind: %v", err)
	}
	if err := db.Backup(context.Background(), backup); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup to the same file: %v, want a refusal to overwrite", err)
	}

	restoredURL := "sqlite:" + filepath.Join(dir, "restored", "servicestar.db")
	replaced, err := store.Restore(context.Background(), restoredURL, backup)
	if err != nil || replaced != "" {
		t.Fatalf("restore into a new path: %q, %v", replaced, err)
	}
	restored := testkit.Open(t, restoredURL)
	var check string
	if err := restored.R.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("integrity_check of the restored copy: %q, %v", check, err)
	}
	var have []int64
	if err := restored.R.Raw("SELECT id FROM backup_probe").Scan(&have).Error; err != nil {
		t.Fatal(err)
	}
	got := map[int64]bool{}
	for _, id := range have {
		got[id] = true
	}
	missing := 0
	for _, id := range before {
		if !got[id] {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of the %d rows committed before the backup began are missing from it", missing, len(before))
	}
	if len(have) < len(before) || len(have) > duringOrBefore {
		t.Errorf("the backup holds %d rows; want between the %d committed before it began and the %d committed by its end", len(have), len(before), duringOrBefore)
	}
	t.Logf("rows committed before the backup: %d, in it: %d, committed by its end: %d", len(before), len(have), duringOrBefore)
}

// Restore refuses a database that is open (a running server holds it), and
// once it is closed replaces it, keeping the old file aside.
func TestRestoreRefusesAnOpenDatabaseAndKeepsTheOldOne(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite files only")
	}
	dir := t.TempDir()
	src := testkit.Open(t, "sqlite:"+filepath.Join(dir, "src.db"))
	testkit.InsertTenant(t, src, "from-backup")
	backup := filepath.Join(dir, "backup.db")
	if err := src.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}

	livePath := filepath.Join(dir, "live.db")
	liveURL := "sqlite:" + livePath
	live, err := store.Open(liveURL)
	if err != nil {
		t.Fatal(err)
	}
	if err := live.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	testkit.InsertTenant(t, live, "live-only")
	if _, err := store.Restore(context.Background(), liveURL, backup); !errors.Is(err, store.ErrInUse) {
		t.Fatalf("restore over an open database: %v, want ErrInUse", err)
	}
	if err := live.Close(); err != nil {
		t.Fatal(err)
	}

	replaced, err := store.Restore(context.Background(), liveURL, backup)
	if err != nil {
		t.Fatalf("restore over a closed database: %v", err)
	}
	if !strings.HasPrefix(replaced, livePath+".replaced-") {
		t.Fatalf("old database moved to %q, want beside it", replaced)
	}
	for path, want := range map[string]string{livePath: "from-backup", replaced: "live-only"} {
		db := testkit.Open(t, "sqlite:"+path)
		var slugs []string
		if err := db.R.Raw("SELECT slug FROM tenants").Scan(&slugs).Error; err != nil {
			t.Fatal(err)
		}
		if len(slugs) != 1 || slugs[0] != want {
			t.Errorf("%s holds tenants %v, want [%s]", filepath.Base(path), slugs, want)
		}
	}
}

// A file that is not a ServiceStar database is refused and the database
// left as it was.
func TestRestoreRefusesWhatIsNotABackup(t *testing.T) {
	if testkit.Postgres() {
		t.Skip("SQLite files only")
	}
	dir := t.TempDir()
	livePath := filepath.Join(dir, "live.db")
	live := testkit.Open(t, "sqlite:"+livePath)
	testkit.InsertTenant(t, live, "kept")
	if err := live.Close(); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database ", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(context.Background(), "sqlite:"+livePath, junk); err == nil {
		t.Fatal("restored a file that is not a database")
	}
	if _, err := os.Stat(livePath + ".restoring"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused copy was left behind: %v", err)
	}
	db := testkit.Open(t, "sqlite:"+livePath)
	var n int64
	if err := db.R.Raw("SELECT COUNT(*) FROM tenants WHERE slug = 'kept'").Scan(&n).Error; err != nil || n != 1 {
		t.Errorf("the database after a refused restore: %d tenants named kept, %v", n, err)
	}
}

func TestBackupAndRestoreNamePgToolsOnPostgres(t *testing.T) {
	if _, err := store.Restore(context.Background(), "postgres://x@localhost/db", "backup.dump"); !errors.Is(err, store.ErrPostgres) {
		t.Errorf("restore on PostgreSQL: %v, want ErrPostgres", err)
	}
	if !strings.Contains(store.ErrPostgres.Error(), "pg_dump") || !strings.Contains(store.ErrPostgres.Error(), "pg_restore") {
		t.Errorf("ErrPostgres does not name the tools: %v", store.ErrPostgres)
	}
	if !testkit.Postgres() {
		return
	}
	if err := testkit.DB(t).Backup(context.Background(), filepath.Join(t.TempDir(), "b.db")); !errors.Is(err, store.ErrPostgres) {
		t.Errorf("backup on PostgreSQL: %v, want ErrPostgres", err)
	}
}
