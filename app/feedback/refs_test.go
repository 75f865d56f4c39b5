package feedback_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// A feedback record's branch and person are kept by the database, not only
// by the import that resolves their codes: on SQLite by foreign keys, on
// PostgreSQL by checks that run once per statement (migration 38). These
// tests write below the service, as a faulty path or a hand at the SQL
// prompt would.

// refsWorld is two tenants with a branch and a person each.
type refsWorld struct {
	db               *store.DB
	tenant, other    int64
	branch, otherBr  int64
	person, otherPer int64
}

func newRefsWorld(t *testing.T) *refsWorld {
	t.Helper()
	db := testkit.DB(t)
	w := &refsWorld{db: db}
	w.tenant, w.branch, w.person = refsTenant(t, db, "refs-a")
	w.other, w.otherBr, w.otherPer = refsTenant(t, db, "refs-b")
	return w
}

func refsTenant(t *testing.T, db *store.DB, slug string) (tenant, branch, person int64) {
	t.Helper()
	tenant = testkit.InsertTenant(t, db, slug)
	b := refsBranch(t, db, tenant, "HQ")
	now := time.Now().UTC()
	u := org.User{TenantID: tenant, BranchID: b, Username: slug + "-emp", DisplayName: "员工", EmployeeCode: slug + "-E1",
		PasswordHash: "x", Status: org.StatusActive, CreatedAt: now, UpdatedAt: now}
	if err := db.W.Create(&u).Error; err != nil {
		t.Fatal(err)
	}
	return tenant, b, u.ID
}

// refsBranch adds a branch nobody works at.
func refsBranch(t *testing.T, db *store.DB, tenant int64, code string) int64 {
	t.Helper()
	now := time.Now().UTC()
	b := org.Branch{TenantID: tenant, Code: code, Name: code, Path: "/" + code + "/", CreatedAt: now, UpdatedAt: now}
	if err := db.W.Create(&b).Error; err != nil {
		t.Fatal(err)
	}
	return b.ID
}

// execer is a connection or a transaction.
type execer interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// insertRecord writes one record naming branch and person (0: nobody).
func insertRecord(ctx context.Context, db execer, tenant, branch, person int64, ext string) error {
	var emp any
	if person != 0 {
		emp = person
	}
	now := time.Now().UTC()
	_, err := db.ExecContext(ctx, rebind(`INSERT INTO feedback_records (tenant_id, source, external_id, channel, occurred_at, month, branch_id, employee_id,
		content_hash, created_at, updated_at) VALUES (?, 'refs', ?, 'counter', ?, 202601, ?, ?, 'h', ?, ?)`), tenant, ext, now, branch, emp, now, now)
	return err
}

// rebind numbers the placeholders for PostgreSQL's driver.
func rebind(q string) string {
	if !testkit.Postgres() {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// refused reports whether err is the database refusing a reference: a
// foreign key's error on SQLite, SQLSTATE 23503 on PostgreSQL.
func refused(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23503"
	}
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

func (w *refsWorld) sqlDB(t *testing.T) *sql.DB {
	t.Helper()
	s, err := w.db.W.DB()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRecordsNameBranchesAndPeopleOfTheirTenant(t *testing.T) {
	w := newRefsWorld(t)
	ctx := context.Background()
	db := w.sqlDB(t)
	if err := insertRecord(ctx, db, w.tenant, w.branch, w.person, "ok-1"); err != nil {
		t.Fatalf("a record of the tenant's own branch and person: %v", err)
	}
	if err := insertRecord(ctx, db, w.tenant, w.branch, 0, "ok-2"); err != nil {
		t.Fatalf("a record about the branch, nobody named: %v", err)
	}
	for i, c := range []struct {
		name           string
		branch, person int64
	}{
		{"another tenant's branch", w.otherBr, 0},
		{"another tenant's person", w.branch, w.otherPer},
		{"a branch that does not exist", w.branch + w.otherBr + 100, 0},
		{"a person who does not exist", w.branch, w.person + w.otherPer + 100},
	} {
		if err := insertRecord(ctx, db, w.tenant, c.branch, c.person, fmt.Sprintf("bad-%d", i)); !refused(err) {
			t.Errorf("a record naming %s: err %v, want it refused", c.name, err)
		}
	}
	// Moving a stored record fails the same way.
	if _, err := db.ExecContext(ctx, rebind("UPDATE feedback_records SET branch_id = ? WHERE tenant_id = ? AND external_id = 'ok-1'"), w.otherBr, w.tenant); !refused(err) {
		t.Errorf("moving a record to another tenant's branch: err %v, want it refused", err)
	}
	if _, err := db.ExecContext(ctx, rebind("UPDATE feedback_records SET employee_id = ? WHERE tenant_id = ? AND external_id = 'ok-2'"), w.otherPer, w.tenant); !refused(err) {
		t.Errorf("giving a record another tenant's person: err %v, want it refused", err)
	}
	var n int64
	if err := w.db.R.Model(&struct{}{}).Table("feedback_records").Scopes(store.Tenant(w.tenant)).Where("branch_id = ?", w.branch).Count(&n).Error; err != nil || n != 2 {
		t.Errorf("records of the branch: %d (%v), want the 2 good ones", n, err)
	}
	// An update that keeps the references passes (an appeal's exclusion).
	if _, err := db.ExecContext(ctx, rebind("UPDATE feedback_records SET excluded = ? WHERE tenant_id = ?"), true, w.tenant); err != nil {
		t.Errorf("excluding the tenant's records: %v", err)
	}
}

func TestBranchesAndPeopleNamedByFeedbackStay(t *testing.T) {
	w := newRefsWorld(t)
	ctx := context.Background()
	db := w.sqlDB(t)
	named := refsBranch(t, w.db, w.tenant, "NAMED")
	unnamed := refsBranch(t, w.db, w.tenant, "UNNAMED")
	if err := insertRecord(ctx, db, w.tenant, named, w.person, "r1"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, rebind("DELETE FROM branches WHERE tenant_id = ? AND id = ?"), w.tenant, named); !refused(err) {
		t.Errorf("deleting a branch named by feedback: err %v, want it refused", err)
	}
	if _, err := db.ExecContext(ctx, rebind("DELETE FROM users WHERE tenant_id = ? AND id = ?"), w.tenant, w.person); !refused(err) {
		t.Errorf("deleting a person named by feedback: err %v, want it refused", err)
	}
	if _, err := db.ExecContext(ctx, rebind("DELETE FROM branches WHERE tenant_id = ? AND id = ?"), w.tenant, unnamed); err != nil {
		t.Errorf("a branch nothing names could not be deleted: %v", err)
	}
	// Nor can its id change under the records.
	if _, err := db.ExecContext(ctx, rebind("UPDATE branches SET id = id + 1000 WHERE tenant_id = ? AND id = ?"), w.tenant, named); !refused(err) {
		t.Errorf("changing the id of a branch named by feedback: err %v, want it refused", err)
	}
	var left int64
	if err := w.db.R.Model(&org.Branch{}).Scopes(store.Tenant(w.tenant)).Where("id = ?", named).Count(&left).Error; err != nil || left != 1 {
		t.Errorf("the named branch: %d rows (%v), want 1", left, err)
	}
}

// TestDeleteWaitsForRecordsInFlight: a record written but not yet committed
// names a branch that another transaction deletes. A foreign key would
// make the delete wait on the row; here the delete waits for the writer's
// transaction to end and then sees the record, either way round.
func TestDeleteWaitsForRecordsInFlight(t *testing.T) {
	if !testkit.Postgres() {
		t.Skip("SQLite has one writer: no two transactions overlap")
	}
	w := newRefsWorld(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db := w.sqlDB(t)

	t.Run("record first", func(t *testing.T) {
		b := refsBranch(t, w.db, w.tenant, "FLIGHT1")
		writer, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = writer.Rollback() }()
		if err := insertRecord(ctx, writer, w.tenant, b, 0, "flight-1"); err != nil {
			t.Fatal(err)
		}
		deleted := make(chan error, 1)
		go func() {
			_, err := db.ExecContext(ctx, rebind("DELETE FROM branches WHERE tenant_id = ? AND id = ?"), w.tenant, b)
			deleted <- err
		}()
		waitsForLock(ctx, t, db, "DELETE FROM branches", deleted)
		if err := writer.Commit(); err != nil {
			t.Fatal(err)
		}
		if err := <-deleted; !refused(err) {
			t.Errorf("deleting a branch under a record committed while the delete waited: err %v, want it refused", err)
		}
	})

	t.Run("delete first", func(t *testing.T) {
		b := refsBranch(t, w.db, w.tenant, "FLIGHT2")
		deleter, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = deleter.Rollback() }()
		if _, err := deleter.ExecContext(ctx, rebind("DELETE FROM branches WHERE tenant_id = ? AND id = ?"), w.tenant, b); err != nil {
			t.Fatal(err)
		}
		written := make(chan error, 1)
		go func() { written <- insertRecord(ctx, db, w.tenant, b, 0, "flight-2") }()
		waitsForLock(ctx, t, db, "INSERT INTO feedback_records", written)
		if err := deleter.Commit(); err != nil {
			t.Fatal(err)
		}
		if err := <-written; !refused(err) {
			t.Errorf("a record naming a branch deleted while it waited: err %v, want it refused", err)
		}
	})
}

// waitsForLock returns once a statement beginning with prefix waits for a
// lock in another session, and fails the test if it ends first (done).
func waitsForLock(ctx context.Context, t *testing.T, db *sql.DB, prefix string, done <-chan error) {
	t.Helper()
	for {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`, prefix+"%").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		select {
		case err := <-done:
			t.Fatalf("%s… did not wait for the other transaction (err %v)", prefix, err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestStricterIsolationStillChecks: a writer in REPEATABLE READ locks the
// rows it names, as a foreign key does, and a delete there is refused.
func TestStricterIsolationStillChecks(t *testing.T) {
	if !testkit.Postgres() {
		t.Skip("PostgreSQL's isolation levels")
	}
	w := newRefsWorld(t)
	ctx := context.Background()
	db := w.sqlDB(t)
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		t.Fatal(err)
	}
	if err := insertRecord(ctx, tx, w.tenant, w.branch, w.person, "rr-1"); err != nil {
		t.Errorf("a good record in REPEATABLE READ: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, err = db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := insertRecord(ctx, tx, w.tenant, w.otherBr, 0, "rr-2"); !refused(err) {
		t.Errorf("a record naming another tenant's branch in REPEATABLE READ: err %v, want it refused", err)
	}
	_ = tx.Rollback()
	b := refsBranch(t, w.db, w.tenant, "RR")
	tx, err = db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	_, err = tx.ExecContext(ctx, rebind("DELETE FROM branches WHERE tenant_id = ? AND id = ?"), w.tenant, b)
	if err == nil || !strings.Contains(err.Error(), "READ COMMITTED") {
		t.Errorf("a delete in REPEATABLE READ: err %v, want it refused", err)
	}
}
