//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// A process that opens an SQLite database holds a shared flock on
// "<file>-open.lock" for as long as it has it open, and restore takes the
// same lock exclusively: a restore refuses a database a server (or any
// other servicestar command) has open, and a server started during a
// restore waits for it to finish before it opens the file. It is flock on a
// file of its own, not SQLite's fcntl locks on the database, which a second
// descriptor in the same process would silently release. The file is left
// in place, like the migration lock's.

func openLockPath(dbPath string) string { return dbPath + "-open.lock" }

// holdOpen takes the shared lock, waiting while a restore holds it.
func holdOpen(dbPath string) (*os.File, error) {
	f, err := os.OpenFile(openLockPath(dbPath), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the database's lock file: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_SH)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
	}
	return f, nil
}

// holdExclusive takes the lock exclusively, or answers ErrInUse at once.
func holdExclusive(dbPath string) (*os.File, error) {
	f, err := os.OpenFile(openLockPath(dbPath), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the database's lock file: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
	}
	return f, nil
}

// release drops a lock taken by holdOpen or holdExclusive (closing the file
// drops it too, should unlocking fail).
func release(f *os.File) error {
	if f == nil {
		return nil
	}
	return errors.Join(syscall.Flock(int(f.Fd()), syscall.LOCK_UN), f.Close())
}
