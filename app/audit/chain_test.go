package audit_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 123456000, time.UTC)

func now() time.Time { return t0 }

// record writes n audit entries for tenant tid, one transaction each, as a
// change would, and returns their ids in the order written.
func record(t *testing.T, db *store.DB, tid int64, n int) []int64 {
	t.Helper()
	uid := int64(7)
	var ids []int64
	for i := range n {
		err := db.Tx(context.Background(), func(tx *gorm.DB) error {
			return audit.Record(context.Background(), tx, audit.Actor{TenantID: tid, UserID: &uid, Name: "Zhang 张"}, t0.Add(time.Duration(i)*time.Second),
				"user.update", "user", fmt.Sprint(100+i), map[string]any{"name": fmt.Sprintf("before %d", i)}, map[string]any{"name": fmt.Sprintf("after %d", i), "n": i})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := db.R.Model(&audit.Entry{}).Scopes(store.Tenant(tid)).Order("id DESC").Limit(n).Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
		ids[i], ids[j] = ids[j], ids[i]
	}
	return ids
}

func seal(t *testing.T, db *store.DB) int {
	t.Helper()
	n, err := audit.Seal(context.Background(), db, now)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func verify(t *testing.T, db *store.DB, tid int64) audit.ChainVerification {
	t.Helper()
	v, err := audit.Verify(context.Background(), db, tid)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// exec runs a tampering statement straight on the database, as someone
// with access to the file or the server would.
func exec(t *testing.T, db *store.DB, q string, args ...any) {
	t.Helper()
	res := db.W.Exec(q, args...)
	if res.Error != nil {
		t.Fatalf("%s: %v", q, res.Error)
	}
	if res.RowsAffected == 0 {
		t.Fatalf("%s %v: no row changed", q, args)
	}
}

// chain sets up two tenants with ten sealed entries each.
func chain(t *testing.T) (db *store.DB, tid, other int64, ids []int64) {
	db = testkit.DB(t)
	tid = testkit.InsertTenant(t, db, "bank-a")
	other = testkit.InsertTenant(t, db, "bank-b")
	ids = record(t, db, tid, 10)
	record(t, db, other, 10)
	if n := seal(t, db); n != 20 {
		t.Fatalf("sealed %d rows, want 20", n)
	}
	if v := verify(t, db, tid); !v.OK || v.Checked != 10 || v.Broken != nil {
		t.Fatalf("fresh chain: %+v, want ok with 10 checked", v)
	}
	return db, tid, other, ids
}

func wantBroken(t *testing.T, db *store.DB, tid, other int64, want audit.ChainBreak, checked int64) {
	t.Helper()
	v := verify(t, db, tid)
	if v.OK || v.Broken == nil || *v.Broken != want || v.Checked != checked {
		t.Errorf("verify = ok %v, checked %d, first broken %+v; want broken at %+v after %d checked", v.OK, v.Checked, v.Broken, want, checked)
	}
	// The head verification reports is the last intact record before the break.
	if intact := want.ExpectedSeq - 1; (intact == 0) != (v.Head == nil) || v.Head != nil && v.Head.Seq != intact {
		t.Errorf("verify head %+v, want the intact record at seq %d", v.Head, intact)
	}
	if o := verify(t, db, other); !o.OK || o.Checked != 10 {
		t.Errorf("the other bank's untouched chain: %+v, want ok", o)
	}
}

func TestChainSealsInIDOrderAndVerifies(t *testing.T) {
	db, tid, _, ids := chain(t)
	var rows []struct {
		ID       int64
		Seq      int64
		PrevHash string
		Hash     string
	}
	if err := db.R.Table("audit_log").Select("id, seq, prev_hash, hash").Where("tenant_id = ?", tid).Scopes(store.Tenant(tid)).Order("seq").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	prev := ""
	for i, r := range rows {
		if r.ID != ids[i] || r.Seq != int64(i+1) {
			t.Errorf("link %d: id %d seq %d, want id %d seq %d", i, r.ID, r.Seq, ids[i], i+1)
		}
		if i > 0 && r.PrevHash != prev {
			t.Errorf("link %d: prev_hash %s, want the previous hash %s", i, r.PrevHash, prev)
		}
		if len(r.Hash) != 64 {
			t.Errorf("link %d: hash %q is not hex SHA-256", i, r.Hash)
		}
		prev = r.Hash
	}
	if n := seal(t, db); n != 0 {
		t.Errorf("a second run sealed %d rows, want 0", n)
	}
	// Rows written after the first run continue the chain from its head.
	more := record(t, db, tid, 3)
	st, err := audit.ReadChain(context.Background(), db, tid)
	if err != nil || st.Unsealed != 3 || st.Sealed != 10 || st.Head == nil || st.Head.Hash != prev || st.Head.ID != ids[9] {
		t.Fatalf("status before sealing = %+v, %v; want 10 sealed, 3 unsealed, head = id %d hash %s", st, err, ids[9], prev)
	}
	if n := seal(t, db); n != 3 {
		t.Fatalf("sealed %d, want 3", n)
	}
	st, err = audit.ReadChain(context.Background(), db, tid)
	if err != nil || st.Unsealed != 0 || st.Sealed != 13 || st.Head.ID != more[2] || !st.Head.At.Equal(t0.Add(2*time.Second)) {
		t.Fatalf("status after sealing = %+v, %v; want 13 sealed, head = id %d", st, err, more[2])
	}
	if v := verify(t, db, tid); !v.OK || v.Checked != 13 || v.Head.Hash != st.Head.Hash {
		t.Errorf("verify = %+v, want ok over 13 ending at the head", v)
	}
}

func TestChainNamesAnAlteredRecord(t *testing.T) {
	db, tid, other, ids := chain(t)
	exec(t, db, "UPDATE audit_log SET actor_name = ? WHERE tenant_id = ? AND id = ?", "Someone else", tid, ids[4])
	exec(t, db, "UPDATE audit_log SET target_id = ? WHERE tenant_id = ? AND id = ?", "999", tid, ids[7])
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[4], Seq: 5, Reason: audit.BrokenAltered, ExpectedSeq: 5}, 5)
}

func TestChainNamesAnAlteredTime(t *testing.T) {
	db, tid, other, ids := chain(t)
	exec(t, db, "UPDATE audit_log SET at = ? WHERE tenant_id = ? AND id = ?", t0.Add(-time.Hour), tid, ids[1])
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[1], Seq: 2, Reason: audit.BrokenAltered, ExpectedSeq: 2}, 2)
}

func TestChainNamesTheRecordAfterADeletedOne(t *testing.T) {
	db, tid, other, ids := chain(t)
	exec(t, db, "DELETE FROM audit_log WHERE tenant_id = ? AND id = ?", tid, ids[3])
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[4], Seq: 5, Reason: audit.BrokenMissing, ExpectedSeq: 4}, 4)
}

func TestChainNamesADeletedFirstRecord(t *testing.T) {
	db, tid, other, ids := chain(t)
	exec(t, db, "DELETE FROM audit_log WHERE tenant_id = ? AND id = ?", tid, ids[0])
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[1], Seq: 2, Reason: audit.BrokenMissing, ExpectedSeq: 1}, 1)
}

// Swapping what two records say (each keeps its id and its place) breaks
// the first of them.
func TestChainNamesSwappedContents(t *testing.T) {
	db, tid, other, ids := chain(t)
	type content struct {
		At         time.Time
		TargetID   string
		BeforeJSON *string `gorm:"column:before_json"`
		AfterJSON  *string `gorm:"column:after_json"`
	}
	var a, b content
	for _, x := range []struct {
		id  int64
		dst *content
	}{{ids[2], &a}, {ids[6], &b}} {
		if err := db.R.Table("audit_log").Scopes(store.Tenant(tid)).Select("at, target_id, before_json, after_json").Where("id = ?", x.id).Take(x.dst).Error; err != nil {
			t.Fatal(err)
		}
	}
	set := func(id int64, c content) {
		exec(t, db, "UPDATE audit_log SET at = ?, target_id = ?, before_json = ?, after_json = ? WHERE tenant_id = ? AND id = ?", c.At, c.TargetID, c.BeforeJSON, c.AfterJSON, tid, id)
	}
	set(ids[2], b)
	set(ids[6], a)
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[2], Seq: 3, Reason: audit.BrokenAltered, ExpectedSeq: 3}, 3)
}

// Moving a record to another place in the chain (giving two records each
// other's seq) breaks the link of the one that now comes first.
func TestChainNamesReorderedRecords(t *testing.T) {
	db, tid, other, ids := chain(t)
	exec(t, db, "UPDATE audit_log SET seq = -1 WHERE tenant_id = ? AND id = ?", tid, ids[5])
	exec(t, db, "UPDATE audit_log SET seq = 6 WHERE tenant_id = ? AND id = ?", tid, ids[6])
	exec(t, db, "UPDATE audit_log SET seq = 7 WHERE tenant_id = ? AND id = ?", tid, ids[5])
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[6], Seq: 6, Reason: audit.BrokenReordered, ExpectedSeq: 6}, 6)
}

// A rewritten hash is caught by the next record's link, or, when it is
// rewritten to match altered fields, by comparison with the head noted
// elsewhere; here only the hash changes, so the record itself fails.
func TestChainNamesARecordWithAForgedHash(t *testing.T) {
	db, tid, other, ids := chain(t)
	exec(t, db, "UPDATE audit_log SET hash = ? WHERE tenant_id = ? AND id = ?", "ab"+fmt.Sprintf("%062d", 0), tid, ids[8])
	wantBroken(t, db, tid, other, audit.ChainBreak{ID: ids[8], Seq: 9, Reason: audit.BrokenAltered, ExpectedSeq: 9}, 9)
}

// Writers record concurrently while two sealers run concurrently too: every
// record ends up in the chain exactly once, the chain is whole, and a record
// committed before another was written is sealed before it.
func TestChainSealsConcurrentRecordsOnceInOrder(t *testing.T) {
	db := testkit.DB(t)
	tid := testkit.InsertTenant(t, db, "bank-a")
	const writers, each = 6, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers+2)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				err := db.Tx(context.Background(), func(tx *gorm.DB) error {
					return audit.Record(context.Background(), tx, audit.System(tid, fmt.Sprintf("writer %d", w)), t0, "test.write", "writer", fmt.Sprintf("%d/%03d", w, i), nil, map[string]int{"i": i})
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	done := make(chan struct{})
	var sealers sync.WaitGroup
	for range 2 {
		sealers.Add(1)
		go func() {
			defer sealers.Done()
			for {
				if _, err := audit.Seal(context.Background(), db, now); err != nil {
					errs <- err
					return
				}
				select {
				case <-done:
					return
				default:
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	sealers.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	seal(t, db)

	var rows []struct {
		ID       int64
		Seq      *int64
		TargetID string
	}
	if err := db.R.Table("audit_log").Scopes(store.Tenant(tid)).Select("id, seq, target_id").Order("seq").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if len(rows) != writers*each {
		t.Fatalf("%d rows, want %d", len(rows), writers*each)
	}
	last := map[string]string{} // writer → its last target id seen in chain order
	for i, r := range rows {
		if r.Seq == nil || *r.Seq != int64(i+1) {
			t.Fatalf("row %d (id %d) has seq %v at place %d: want every row sealed once, seq 1..%d", i, r.ID, r.Seq, i+1, len(rows))
		}
		w := r.TargetID[:1]
		if prev, ok := last[w]; ok && r.TargetID < prev {
			t.Errorf("writer %s: record %s sealed after its later record %s", w, r.TargetID, prev)
		}
		last[w] = r.TargetID
		// One writer at a time commits on SQLite, so ids are commit order.
		if !testkit.Postgres() && i > 0 && r.ID < rows[i-1].ID {
			t.Errorf("seq %d is id %d, after id %d: want id order", i+1, r.ID, rows[i-1].ID)
		}
	}
	if v := verify(t, db, tid); !v.OK || v.Checked != writers*each {
		t.Errorf("verify = %+v, want ok over %d", v, writers*each)
	}
}
