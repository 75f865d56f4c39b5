package retention

import (
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/scenarios"
)

// redactReplies removes the typed text from finished attempts older than
// before. The steps stay (what the reply met, its effects, the score), so
// results and analytics do not change; a step says it was redacted, so a
// reviewer reads why the text is missing. In-progress attempts are left.
// It reads a batch after *cursor and moves the cursor past it.
func redactReplies(tx *gorm.DB, tenantID int64, before time.Time, cursor *int64) (read, changed int, err error) {
	var rows []attempts.Attempt
	// The LIKE only narrows the read (a step's text is omitted when empty);
	// other parts of a state may hold a "text" key too, hence the cursor.
	if err := tx.Scopes(store.Tenant(tenantID)).Where("id > ? AND status = ? AND finished_at < ? AND state_json LIKE ?", *cursor, attempts.Finished, before, `%"text":%`).
		Order("id").Limit(batch).Find(&rows).Error; err != nil {
		return 0, 0, err
	}
	for _, a := range rows {
		*cursor = a.ID
		var st scenarios.State
		if err := json.Unmarshal([]byte(a.StateJSON), &st); err != nil {
			return len(rows), changed, err
		}
		redacted := false
		for i := range st.Steps {
			if st.Steps[i].Text != "" {
				st.Steps[i].Text, st.Steps[i].Redacted = "", true
				redacted = true
			}
		}
		if !redacted {
			continue
		}
		data, err := json.Marshal(st)
		if err != nil {
			return len(rows), changed, err
		}
		if err := tx.Model(&attempts.Attempt{}).Scopes(store.Tenant(tenantID)).Where("id = ?", a.ID).
			Update("state_json", string(data)).Error; err != nil {
			return len(rows), changed, err
		}
		changed++
	}
	return len(rows), changed, nil
}
