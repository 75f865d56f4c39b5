package audit

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// SealEvery is how often the sealer runs: the chain trails the log by about
// this much. jobs.Periodic accepts one second and up; a period skipped while
// instances hand leadership over costs nothing, the next run seals its rows.
const SealEvery = 5 * time.Second

// sealBatch bounds one sealing transaction, so that a long backlog (the
// whole log, the first time after the upgrade that brought the chain) holds
// SQLite's one writer for moments at a time, not for the whole backlog.
const sealBatch = 500

// Seal links every unsealed audit row into its tenant's chain, in id order,
// and reports how many it sealed. Record never touches the chain, so writes
// never wait for one another's hashes; the periodic job calls Seal, and
// tests call it directly. It is safe to run on several instances at once:
// each tenant's sealing is serialised (SQLite: the write lock every write
// transaction takes first; PostgreSQL: an advisory lock per tenant), and a
// row is sealed only while its seq is still NULL.
//
// On PostgreSQL a transaction that commits after a later one (ids are handed
// out at insert, not at commit) may show its row after the sealer already
// sealed higher ids; that row is sealed by the next run, after them. Each row
// is still sealed once, and the chain's order (seq) is the order it was
// sealed in.
func Seal(ctx context.Context, db *store.DB, now func() time.Time) (int, error) {
	var tenants []int64
	// The partial index audit_log_unsealed holds exactly these rows. Raw SQL
	// across tenants on purpose: the sealer serves every tenant, and each
	// tenant's rows are then read through the tenant scope.
	if err := db.R.WithContext(ctx).Raw("SELECT DISTINCT tenant_id FROM audit_log WHERE seq IS NULL").Scan(&tenants).Error; err != nil {
		return 0, fmt.Errorf("audit chain: find unsealed rows: %w", err)
	}
	total := 0
	for _, tid := range tenants {
		for {
			n, err := sealTenant(ctx, db, tid, now)
			total += n
			if err != nil {
				return total, fmt.Errorf("audit chain: seal tenant %d: %w", tid, err)
			}
			if n < sealBatch {
				break
			}
		}
	}
	return total, nil
}

// sealTenant seals up to sealBatch of one tenant's unsealed rows.
func sealTenant(ctx context.Context, db *store.DB, tid int64, now func() time.Time) (int, error) {
	sealed := 0
	err := db.Tx(ctx, func(tx *gorm.DB) error {
		if db.Dialect == migrations.Postgres {
			// Keyed by schema too: tests give each database a schema of its
			// own in one PostgreSQL, and advisory locks span schemas.
			if err := tx.Exec("SELECT pg_advisory_xact_lock(hashtextextended('servicestar audit chain ' || coalesce(current_schema(), '') || ' ' || ?, 0))",
				strconv.FormatInt(tid, 10)).Error; err != nil {
				return err
			}
		}
		var head []chainRow
		if err := tx.Select("seq, hash").Scopes(store.Tenant(tid)).Where("seq IS NOT NULL").Order("seq DESC").Limit(1).Find(&head).Error; err != nil {
			return err
		}
		seq, prev := int64(0), genesis
		if len(head) == 1 {
			seq, prev = *head[0].Seq, *head[0].Hash
		}
		var rows []chainRow
		if err := tx.Select(chainColumns).Scopes(store.Tenant(tid)).Where("seq IS NULL").Order("id").Limit(sealBatch).Find(&rows).Error; err != nil {
			return err
		}
		at := now().UTC()
		for i := range rows {
			r := &rows[i]
			seq++
			h := linkHash(r, seq, prev)
			res := tx.Model(&chainRow{}).Scopes(store.Tenant(tid)).Where("id = ? AND seq IS NULL", r.ID).
				Updates(map[string]any{"seq": seq, "prev_hash": prev, "hash": h, "sealed_at": at})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected != 1 {
				return fmt.Errorf("row %d was sealed by another sealer meanwhile", r.ID)
			}
			prev = h
		}
		sealed = len(rows)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return sealed, nil
}
