package feedback

import (
	"sync"
	"sync/atomic"
)

// An import on SQLite writes inside one transaction that holds the
// database's one writer until it commits, so it cannot also write its
// progress to the job's row (that write would wait for the transaction,
// which waits for it), and anything it wrote inside the transaction would
// be invisible until the end anyway. How far each import running in this
// process has read its file is therefore kept here, in memory, and the
// import's view reads it (SQLite serves from one process, the one that
// runs its jobs).

// liveImports is the bytes read so far of each import running here.
type liveImports struct {
	m sync.Map // import id -> *atomic.Int64
	// stored, when set (by tests), is told of each count stored.
	stored func(id int64)
}

func (l *liveImports) start(id int64) *atomic.Int64 {
	v := &atomic.Int64{}
	l.m.Store(id, v)
	return v
}

func (l *liveImports) set(id int64, v *atomic.Int64, read int64) {
	v.Store(read)
	if l.stored != nil {
		l.stored(id)
	}
}

func (l *liveImports) stop(id int64) { l.m.Delete(id) }

// fill sets the import's bytes read: all of them once it is done, the live
// count while it runs in this process, else none known.
func (l *liveImports) fill(imp *Import) {
	switch imp.State {
	case ImportDone:
		imp.ReadBytes = imp.Bytes
	case ImportRunning:
		if v, ok := l.m.Load(imp.ID); ok {
			imp.ReadBytes = v.(*atomic.Int64).Load()
		}
	}
}
