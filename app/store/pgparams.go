package store

import (
	"net/url"
	"strings"
)

// withoutJIT asks PostgreSQL not to JIT-compile this application's queries,
// unless the URL says otherwise. The planner turns JIT on by estimated cost
// (jit_above_cost), and a case search over 100,000 cases was estimated far
// above it: compiling took 100–250 ms of a query that runs in 20–90 ms
// (measured, EXPLAIN ANALYZE). This application runs short queries only;
// JIT pays off for long analytical scans, which it does not have.
func withoutJIT(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		return raw
	}
	q := u.Query()
	if q.Has("jit") {
		return raw
	}
	q.Set("jit", "off")
	u.RawQuery = q.Encode()
	return u.String()
}
