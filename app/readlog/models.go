// Package readlog records who looked at another person's personal data —
// attempts, transcripts, feedback, KPI results, a profile — for the bank's
// auditors (等保 2.0 asks for it) and for the person themself, who may ask
// who has looked at their records.
//
// A read is not a change of state, so it is not in the audit log (whose hash
// chain every sealed record would lengthen). Reads are kept in memory and
// written in batches a moment later, so a page that shows a person's records
// costs one append to a slice, not an INSERT in the GET.
package readlog

import "time"

// Kinds of personal data whose reads are recorded.
const (
	Attempt    = "attempt"    // one training attempt, its score and debrief
	Transcript = "transcript" // the replies typed in an attempt
	Feedback   = "feedback"   // customer feedback about the person
	KPI        = "kpi"        // the person's KPI scorecard or history
	Profile    = "profile"    // the person's account and profile
)

// Kinds lists every kind, in the order the UI offers them as a filter.
var Kinds = []string{Attempt, Transcript, Feedback, KPI, Profile}

// Read is one recorded look at another person's data.
type Read struct {
	TenantID  int64     `json:"-"`
	ID        int64     `gorm:"primaryKey" json:"id"`
	ViewerID  int64     `json:"viewer_id"`
	SubjectID int64     `json:"subject_id"`
	Kind      string    `json:"kind" enum:"attempt,transcript,feedback,kpi,profile"`
	ObjectID  string    `json:"object_id" doc:"which record of that kind (an attempt id, a period), empty for a list"`
	Reads     int       `json:"reads" doc:"looks at the same thing folded into this row within one batch"`
	At        time.Time `json:"at"`
}

// TableName keeps the table name stable.
func (Read) TableName() string { return "personal_data_reads" }

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any { return []any{&Read{}} }
