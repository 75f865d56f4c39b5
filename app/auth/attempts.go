package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync/atomic"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// Attempts counts sign-in attempts in the database, per bucket and per
// minute, so that N instances allow what one would, not N times as much (a
// count in each instance's memory did). Windows are whole clock minutes: a
// client may spend one minute's budget at its end and the next one's at the
// start, which a per-minute limit accepts for counting with one statement.
type Attempts struct {
	DB  *store.DB
	Now func() time.Time

	swept atomic.Int64 // the window whose predecessors this instance last deleted
}

const attemptWindow = time.Minute

// Take counts one attempt against bucket and reports whether it is within
// limit attempts this minute; if not, retryAfter is the wait until the next
// minute. Attempts over the limit count too, as they did in memory.
func (a *Attempts) Take(ctx context.Context, bucket string, limit int) (ok bool, retryAfter time.Duration, err error) {
	now := a.Now().UTC()
	window := now.Unix() / int64(attemptWindow/time.Second)
	// Hashed: the key holds a user name as typed (now and then a password
	// typed in the wrong box) and a client address; the count needs neither.
	sum := sha256.Sum256([]byte(bucket))
	var n int
	err = a.DB.W.WithContext(ctx).Raw(`INSERT INTO login_attempts (window_minute, bucket, attempts) VALUES (?, ?, 1)
		ON CONFLICT (window_minute, bucket) DO UPDATE SET attempts = login_attempts.attempts + 1
		RETURNING attempts`, window, hex.EncodeToString(sum[:])).Scan(&n).Error
	if err != nil {
		return false, 0, err
	}
	if err := a.sweep(ctx, window); err != nil {
		return false, 0, err
	}
	if n <= limit {
		return true, 0, nil
	}
	end := time.Unix((window+1)*int64(attemptWindow/time.Second), 0)
	return false, end.Sub(now), nil
}

// sweep deletes the windows before the previous one, once per window per
// instance, here on the sign-in path (a POST) rather than in a background
// job. The previous window is kept for an instance whose clock runs a little
// behind and still counts in it.
func (a *Attempts) sweep(ctx context.Context, window int64) error {
	last := a.swept.Load()
	if last >= window || !a.swept.CompareAndSwap(last, window) {
		return nil
	}
	err := a.DB.W.WithContext(ctx).Exec("DELETE FROM login_attempts WHERE window_minute < ?", window-1).Error
	if err != nil {
		a.swept.CompareAndSwap(window, last) // the next attempt tries again
	}
	return err
}
