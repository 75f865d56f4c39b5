//go:build !unix

package store

import "os"

// No flock here: restore cannot tell whether a server has the database
// open, so stop the server yourself before restoring on such platforms.

func holdOpen(string) (*os.File, error)      { return nil, nil }
func holdExclusive(string) (*os.File, error) { return nil, nil }
func release(*os.File) error                 { return nil }
