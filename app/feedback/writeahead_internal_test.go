package feedback

import (
	"errors"
	"strings"
	"testing"
)

// fill is a batch of n records whose external ids count from first.
func fill(w *writeAhead, first, n int) batch {
	b := w.next()
	for i := range n {
		b.recs = append(b.recs, Record{ExternalID: string(rune('a' + first + i))})
	}
	return b
}

func TestWriteAheadWritesEveryBatchInOrder(t *testing.T) {
	for _, async := range []bool{false, true} {
		var got []string
		w := newWriteAhead(async, 3, func(b batch) error {
			for _, r := range b.recs {
				got = append(got, r.ExternalID)
			}
			return nil
		})
		for i := 0; i < 5; i++ {
			if err := w.send(fill(w, 3*i, 3)); err != nil {
				t.Fatalf("async %v: send %d: %v", async, i, err)
			}
		}
		if err := w.wait(); err != nil {
			t.Fatalf("async %v: wait: %v", async, err)
		}
		want := "abcdefghijklmno"
		if s := strings.Join(got, ""); s != want {
			t.Errorf("async %v: written %q, want %q", async, s, want)
		}
	}
}

func TestWriteAheadStopsAtTheFirstFailure(t *testing.T) {
	boom := errors.New("boom")
	for _, async := range []bool{false, true} {
		var written int
		w := newWriteAhead(async, 1, func(b batch) error {
			written++
			if written == 2 {
				return boom
			}
			return nil
		})
		var sendErr error
		for i := 0; i < 50 && sendErr == nil; i++ {
			sendErr = w.send(fill(w, i%26, 1))
		}
		err := w.wait()
		if !errors.Is(err, boom) && !errors.Is(sendErr, boom) {
			t.Errorf("async %v: send %v, wait %v: want the write's error", async, sendErr, err)
		}
		if !errors.Is(sendErr, boom) {
			t.Errorf("async %v: the reader was not told to stop (send %v)", async, sendErr)
		}
		// Nothing is written after the failure.
		if written != 2 {
			t.Errorf("async %v: %d writes, want 2 (none after the failure)", async, written)
		}
		// A second wait (the deferred one) is harmless.
		if err2 := w.wait(); async && !errors.Is(err2, boom) {
			t.Errorf("async %v: second wait %v", async, err2)
		}
	}
}
