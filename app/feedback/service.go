package feedback

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/store"
)

// Service takes feedback and business results in, keeps the rollups, and
// runs appeals.
type Service struct {
	// Reads records looks at other people's data (nil records nothing).
	Reads *readlog.Recorder
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time
	// Jobs runs file imports; Register must be called before it starts.
	Jobs *jobs.Engine
	// Staff moves a person between branches (the demo's transfer).
	Staff Staff
	// Changed is told, inside the transaction, of the months whose numbers
	// moved (ingest, appeal decisions), so the KPI area can queue a
	// recompute without feedback importing it. Nil: nobody listens.
	Changed func(tx *gorm.DB, tenantID int64, months []int) error
	// MaxUploadBytes bounds one uploaded file (DefaultMaxUploadBytes when 0).
	MaxUploadBytes int64

	live liveImports
}

// Staff is what feedback asks of org.
type Staff interface {
	MoveUser(ctx context.Context, p *access.Principal, id, branchID int64) (*org.UserView, error)
}

// DefaultMaxUploadBytes bounds an uploaded file unless configured.
const DefaultMaxUploadBytes = 300 << 20

func (s *Service) maxUpload() int64 {
	if s.MaxUploadBytes > 0 {
		return s.MaxUploadBytes
	}
	return DefaultMaxUploadBytes
}

func (s *Service) changed(tx *gorm.DB, tenantID int64, months map[int]bool) error {
	if s.Changed == nil || len(months) == 0 {
		return nil
	}
	list := make([]int, 0, len(months))
	for m := range months {
		list = append(list, m)
	}
	sortInts(list)
	return s.Changed(tx, tenantID, list)
}
