//go:build unix

package store

import (
	"syscall"
	"testing"
)

// A header that can no longer be read (SQLite never shrinks the file under a
// live connection, but a fault must not take the server down) turns the
// watch off: DataVersion then says "not tracked" and sessions re-read.
func TestDataVersionFaultTurnsTheWatchOff(t *testing.T) {
	mem, err := syscall.Mmap(-1, 0, 4096, syscall.PROT_NONE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	d := &dataVersion{hdr: mem}
	if v, ok := d.read(); ok {
		t.Fatalf("read an unreadable header: version %d, ok", v)
	}
	if !d.broken.Load() {
		t.Fatal("the watch stayed on after a fault")
	}
	if _, ok := d.read(); ok {
		t.Fatal("answered after the watch was turned off")
	}
}
