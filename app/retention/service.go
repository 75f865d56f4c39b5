package retention

import (
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Service keeps the settings and runs the purge.
type Service struct {
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time
}

// Bounds of a period. Under 30 days a bank would lose comments and replies
// before a manager has reviewed them or an appeal was decided.
const (
	MinDays = 30
	MaxDays = 3650
)

// batch is how many rows one purge transaction changes, so the one SQLite
// writer is never held for long.
const batch = 500
