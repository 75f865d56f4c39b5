//go:build unix

package store

import (
	"fmt"
	"os"
	"syscall"
)

// mapWALIndex maps the wal-index header (both copies) read-only.
func mapWALIndex(shm string) ([]byte, error) {
	f, err := os.Open(shm)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errNoWALIndex, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errNoWALIndex, err)
	}
	if st.Size() < 2*walHeaderBytes {
		return nil, fmt.Errorf("%w: %s holds %d bytes", errNoWALIndex, shm, st.Size())
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, 2*walHeaderBytes, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("%w: map %s: %v", errNoWALIndex, shm, err)
	}
	return mem, nil
}

func unmapWALIndex(mem []byte) error { return syscall.Munmap(mem) }
