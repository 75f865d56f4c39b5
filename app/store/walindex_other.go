//go:build !unix

package store

// mapWALIndex: without mmap there is nothing to watch; callers re-read.
func mapWALIndex(string) ([]byte, error) { return nil, errNoWALIndex }

func unmapWALIndex([]byte) error { return nil }
