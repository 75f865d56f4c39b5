package readlog

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Recorder collects reads and writes them in batches. The zero value is not
// usable; build one with New. A nil *Recorder records nothing, so an area
// whose tests do not wire one still works.
type Recorder struct {
	db    *store.DB
	now   func() time.Time
	log   *slog.Logger
	delay time.Duration

	mu      sync.Mutex
	pending map[readKey]*Read
	timer   *time.Timer
}

// readKey folds repeated looks at the same thing within one batch into one
// row: a manager paging through a person's attempts is one fact, not twenty.
type readKey struct {
	tenant, viewer, subject int64
	kind, object            string
}

// flushAt is how many distinct reads make a batch worth writing at once.
const flushAt = 500

// New builds a recorder that writes a batch delay after its first read.
func New(db *store.DB, now func() time.Time, log *slog.Logger, delay time.Duration) *Recorder {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	return &Recorder{db: db, now: now, log: log, delay: delay, pending: map[readKey]*Read{}}
}

// Record notes that p looked at subject's data of the given kind. Looking at
// one's own data is not recorded: the log answers "who else has seen it".
func (r *Recorder) Record(p *access.Principal, subjectID int64, kind, objectID string) {
	if r == nil || p == nil || subjectID <= 0 || subjectID == p.UserID || p.TenantID <= 0 {
		return
	}
	k := readKey{tenant: p.TenantID, viewer: p.UserID, subject: subjectID, kind: kind, object: objectID}
	r.mu.Lock()
	if e, ok := r.pending[k]; ok {
		e.Reads++
	} else {
		r.pending[k] = &Read{TenantID: p.TenantID, ViewerID: p.UserID, SubjectID: subjectID, Kind: kind, ObjectID: objectID, Reads: 1, At: r.now().UTC()}
	}
	full := len(r.pending) >= flushAt
	if r.timer == nil && !full {
		r.timer = time.AfterFunc(r.delay, func() { r.flushLogged() })
	}
	r.mu.Unlock()
	if full {
		// A burst writes from the reader that filled the batch, so memory
		// stays bounded whatever the timer does.
		r.flushLogged()
	}
}

// RecordMany notes one look at several people's data (a ranking, a list).
func (r *Recorder) RecordMany(p *access.Principal, subjectIDs []int64, kind, objectID string) {
	for _, id := range subjectIDs {
		r.Record(p, id, kind, objectID)
	}
}

func (r *Recorder) flushLogged() {
	if err := r.Flush(context.Background()); err != nil {
		r.log.Error("personal-data read log: batch not written", "err", err)
	}
}

// Flush writes what is pending now. The server calls it when it stops, and
// tests call it to see their reads.
func (r *Recorder) Flush(ctx context.Context) error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	rows := make([]Read, 0, len(r.pending))
	for _, e := range r.pending {
		rows = append(rows, *e)
	}
	r.pending = map[readKey]*Read{}
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	r.mu.Unlock()
	if len(rows) == 0 {
		return nil
	}
	// Every row carries its own tenant; one batch may hold several banks.
	if err := r.db.W.WithContext(ctx).CreateInBatches(rows, 200).Error; err != nil {
		r.putBack(rows)
		return err
	}
	return nil
}

// putBack keeps a batch that failed to write (the database was busy or
// closing), so the next flush tries again instead of losing the reads.
func (r *Recorder) putBack(rows []Read) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range rows {
		e := rows[i]
		k := readKey{tenant: e.TenantID, viewer: e.ViewerID, subject: e.SubjectID, kind: e.Kind, object: e.ObjectID}
		if have, ok := r.pending[k]; ok {
			have.Reads += e.Reads
			continue
		}
		r.pending[k] = &e
	}
}
