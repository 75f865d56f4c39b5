package feedback

import "sync/atomic"

// batch is a file's rows checked and ready to be written: records or
// business results, by the file's kind.
type batch struct {
	recs []Record
	rs   []BusinessResult
}

func (b batch) len() int { return len(b.recs) + len(b.rs) }

// writeAhead lets a file import read and check its next rows while the
// rows before them are written. On PostgreSQL the server does a COPY's
// work on the other core, and reading the file there took a fifth of an
// import's time in turn with it. On SQLite the writing is this process's
// own work on the connection the file is read through, so batches are
// written in turn (async false), as they were before.
//
// One batch waits while another is written and a third filled: memory
// stays three batches whatever the file's size, and the reader, about
// twice as fast as the COPY, still never leaves the writer idle. After a
// write fails, the batches behind it are dropped and send reports the
// failure, so the reader stops.
type writeAhead struct {
	write  func(batch) error
	async  bool
	queue  chan batch
	free   chan batch
	done   chan struct{}
	failed atomic.Bool
	err    error // the first write's error; read after failed or done
	closed bool  // the queue, by wait
}

// writeAheadDepth is how many batches may wait to be written (a second
// one measured no faster and held 40,000 records more).
const writeAheadDepth = 1

func newWriteAhead(async bool, size int, write func(batch) error) *writeAhead {
	w := &writeAhead{write: write, async: async}
	n := 1
	if async {
		n = writeAheadDepth + 2 // queued, being written, being filled
		w.queue = make(chan batch, writeAheadDepth)
		w.done = make(chan struct{})
	}
	w.free = make(chan batch, n)
	for range n {
		w.free <- batch{recs: make([]Record, 0, size)}
	}
	if async {
		go w.run(w.queue)
	}
	return w
}

func (w *writeAhead) run(queue <-chan batch) {
	defer close(w.done)
	for b := range queue {
		if !w.failed.Load() {
			if err := w.write(b); err != nil {
				w.err = err
				w.failed.Store(true)
			}
		}
		w.recycle(b)
	}
}

func (w *writeAhead) recycle(b batch) {
	clear(b.recs)
	clear(b.rs)
	w.free <- batch{recs: b.recs[:0], rs: b.rs[:0]}
}

// next is an empty batch to fill; it waits while every batch is queued.
func (w *writeAhead) next() batch { return <-w.free }

// send writes b, now or behind the batches before it; it reports the
// first failed write so far.
func (w *writeAhead) send(b batch) error {
	if !w.async {
		err := w.write(b)
		w.recycle(b)
		return err
	}
	if w.failed.Load() {
		w.recycle(b)
		return w.err
	}
	w.queue <- b
	return nil
}

// wait returns once every batch sent is written (or dropped after a
// failure), with the first failure. The transaction the writes run in
// must not end before it: call it on every path.
func (w *writeAhead) wait() error {
	if !w.async {
		return nil
	}
	if !w.closed {
		close(w.queue)
		w.closed = true
	}
	<-w.done
	return w.err
}
