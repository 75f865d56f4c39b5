package suggestions

import (
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Service runs suggestions, their review and their bonuses.
type Service struct {
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time
}
