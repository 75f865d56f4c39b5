package config

import (
	"runtime"
	"testing"
)

// Reads queue one per CPU on SQLite (CPU work in this process) and four per
// CPU on PostgreSQL (waiting on the database); the variable overrides both.
func TestConcurrentReadsDefaultFollowsTheDatabase(t *testing.T) {
	cpus := runtime.GOMAXPROCS(0)
	for _, tc := range []struct {
		url, reads string
		want       int
	}{
		{url: "", want: cpus},
		{url: "sqlite:data/x.db", want: cpus},
		{url: "postgres://u:p@db/x", want: 4 * cpus},
		{url: "postgresql://u:p@db/x", want: 4 * cpus},
		{url: "postgres://u:p@db/x", reads: "0", want: 0},
		{url: "sqlite:data/x.db", reads: "7", want: 7},
	} {
		t.Setenv("SS_DATABASE_URL", tc.url)
		if tc.reads != "" {
			t.Setenv("SS_MAX_CONCURRENT_READS", tc.reads)
		}
		c, err := Load(nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c.MaxConcurrentReads != tc.want {
			t.Errorf("%q with SS_MAX_CONCURRENT_READS=%q: %d, want %d", tc.url, tc.reads, c.MaxConcurrentReads, tc.want)
		}
	}
}
