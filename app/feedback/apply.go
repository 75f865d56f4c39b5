package feedback

import (
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
func applyBatch(tx *gorm.DB, tenantID int64, source string, recs []Record, d deltas, n *Counts, now time.Time) error {
	if len(recs) == 0 {
		return nil
	}
	ids := make([]string, len(recs))
	for i := range recs {
		ids[i] = recs[i].ExternalID
	}
	var old []Record
	if err := tx.Model(&Record{}).Scopes(store.Tenant(tenantID)).
		Select("id, external_id, content_hash, month, branch_id, employee_id, score_milli, resolved, complaint, excluded").
		Where("source = ? AND external_id IN ?", source, ids).Find(&old).Error; err != nil {
		return err
	}
	byExt := make(map[string]*Record, len(old))
	for i := range old {
		byExt[old[i].ExternalID] = &old[i]
	}
	fresh := make([]Record, 0, len(recs))
	for i := range recs {
		r := &recs[i]
		o := byExt[r.ExternalID]
		switch {
		case o == nil:
			r.TenantID, r.Source, r.CreatedAt, r.UpdatedAt = tenantID, source, now, now
			fresh = append(fresh, *r)
			d.add(r, 1)
			n.Inserted++
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
	if len(fresh) > 0 {
		return tx.CreateInBatches(fresh, 500).Error
	}
	return nil
}
