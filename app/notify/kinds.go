package notify

// Kinds is every kind of notification the server sends. Each area declares
// its kinds as Notify… constants beside the code that pushes them; this table
// is what the client is held to: the bell has a text for each, in zh-CN and
// English (a test reads both lists).
var Kinds = []string{
	"training.assigned",
	"training.due_soon",
	"training.reminded",
	"training.commented",
	"cases.review_due",
	"cases.approved",
	"cases.returned",
	"feedback.appeal_upheld",
	"feedback.appeal_rejected",
	"careers.promoted",
	"careers.moved",
	"suggestions.decided",
	"suggestions.bonus_paid",
	"award.granted",
	"award.nomination.rejected",
}
