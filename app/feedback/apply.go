package feedback

import (
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
)

// Counts are what an import did.
type Counts struct {
	Inserted  int64 `json:"inserted"`
	Updated   int64 `json:"updated"`
	Unchanged int64 `json:"unchanged"`
}

// applyBatch is the one write path of records, for API batches and files
// alike: it compares a batch of prepared records (no two with one external
// id) with what is stored under (source, external id), inserts the new,
// updates the changed (an appeal's exclusion stays), and notes in d how the
// rollups move. The caller flushes d once, at the end of its transaction.
// When the source had no record when the transaction began (fresh) there
// is nothing to look up: the batch's ids are unique within the import.
// recs is the caller's to lose: the new records are gathered at its front
// (a copy of 40,000 records a batch was the writer's largest cost between
// two COPYs on PostgreSQL, while the server waited).
func applyBatch(tx *gorm.DB, w *inserter, fresh bool, tenantID int64, source string, recs []Record, d deltas, n *Counts, now time.Time) error {
	if len(recs) == 0 {
		return nil
	}
	var old []Record
	if !fresh {
		ids := make([]string, len(recs))
		for i := range recs {
			ids[i] = recs[i].ExternalID
		}
		var err error
		if old, err = stored(tx, tenantID, source, ids); err != nil {
			return err
		}
	}
	byExt := make(map[string]*Record, len(old))
	for i := range old {
		byExt[old[i].ExternalID] = &old[i]
	}
	added := 0
	for i := range recs {
		r := &recs[i]
		o := byExt[r.ExternalID]
		switch {
		case o == nil:
			r.TenantID, r.Source, r.CreatedAt, r.UpdatedAt = tenantID, source, now, now
			d.add(r, 1)
			n.Inserted++
			if added != i {
				recs[added] = *r
			}
			added++
		case o.ContentHash == r.ContentHash:
			n.Unchanged++
		default:
			r.Excluded = o.Excluded
			d.add(o, -1)
			d.add(r, 1)
			if err := tx.Model(&Record{}).Scopes(store.Tenant(tenantID)).Where("id = ?", o.ID).Updates(map[string]any{
				"channel": r.Channel, "occurred_at": r.OccurredAt, "month": r.Month, "branch_id": r.BranchID,
				"employee_id": r.EmployeeID, "score_milli": r.ScoreMilli, "resolved": r.Resolved, "complaint": r.Complaint,
				"category": r.Category, "comment": r.Comment, "content_hash": r.ContentHash, "updated_at": now,
			}).Error; err != nil {
				return err
			}
			n.Updated++
		}
	}
	return w.insert(recs[:added])
}

// sourceIsEmpty reports whether the tenant has no record of source yet.
func sourceIsEmpty(tx *gorm.DB, tenantID int64, source string) (bool, error) {
	var ids []int64
	err := tx.Model(&Record{}).Scopes(store.Tenant(tenantID)).Where("source = ?", source).Limit(1).Pluck("id", &ids).Error
	return len(ids) == 0, err
}

const storedCols = "id, external_id, content_hash, month, branch_id, employee_id, score_milli, resolved, complaint, excluded"

// stored loads the records a batch may update. On PostgreSQL each id is
// looked up by itself: with IN (...) the planner, whose statistics know
// nothing of the rows the same transaction inserted, matched only tenant
// and source in the index and filtered every record of the source, so a
// file's cost grew with its square (50,000 rows took 84 s).
func stored(tx *gorm.DB, tenantID int64, source string, ids []string) ([]Record, error) {
	var old []Record
	if tx.Dialector.Name() == "postgres" {
		err := tx.Raw(`SELECT r.`+strings.ReplaceAll(storedCols, ", ", ", r.")+`
			FROM unnest(CAST(? AS text[])) AS x(e)
			JOIN LATERAL (SELECT * FROM feedback_records f WHERE f.tenant_id = ? AND f.source = ? AND f.external_id = x.e) r ON true`,
			pgTextArray(ids), tenantID, source).Scan(&old).Error
		return old, err
	}
	err := tx.Model(&Record{}).Scopes(store.Tenant(tenantID)).Select(storedCols).
		Where("source = ? AND external_id IN ?", source, ids).Find(&old).Error
	return old, err
}

// pgTextArray writes a PostgreSQL array literal of strings (GORM would
// expand a slice argument into a list of placeholders).
func pgTextArray(ss []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		for _, r := range s {
			if r == '"' || r == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}
