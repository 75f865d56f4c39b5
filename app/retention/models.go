// Package retention removes personal data a bank no longer needs (China's
// PIPL): typed replies in finished attempts, feedback comments and
// notifications older than the periods the tenant admin sets. A periodic job
// does it, never a request; each run that changed something leaves a row in
// retention_runs and in the audit log. The audit log itself is never
// touched: a regulator needs it whole, and its hash chain would break.
package retention

import "time"

// Periods are a bank's periods in days; nil keeps that kind of data forever.
type Periods struct {
	TenantID             int64     `json:"-" gorm:"primaryKey;autoIncrement:false"`
	TypedRepliesDays     *int      `json:"typed_replies_days"`
	FeedbackCommentsDays *int      `json:"feedback_comments_days"`
	NotificationsDays    *int      `json:"notifications_days"`
	UpdatedAt            time.Time `json:"updated_at"`
}

// TableName keeps the table name stable.
func (Periods) TableName() string { return "retention_settings" }

// PurgeRun is what one run of the job did for one bank.
type PurgeRun struct {
	TenantID         int64     `json:"-"`
	ID               int64     `gorm:"primaryKey" json:"id"`
	RanAt            time.Time `json:"ran_at"`
	TypedReplies     int       `json:"typed_replies" doc:"finished attempts whose typed replies were removed"`
	FeedbackComments int       `json:"feedback_comments" doc:"feedback records whose comment was removed"`
	Notifications    int       `json:"notifications" doc:"notifications deleted"`
}

// TableName keeps the table name stable.
func (PurgeRun) TableName() string { return "retention_runs" }

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any { return []any{&Periods{}, &PurgeRun{}} }
