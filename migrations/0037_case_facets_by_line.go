package migrations

// caseFacetsByLine gives PostgreSQL's library listing by business line (the
// first filter a reader picks) an index of its own: with only the newest
// index, counting one line's cases walked every published case of the
// tenant and dropped the other lines in the index's leaf (100,000 entries
// for 11,079 matches: 20–42 ms of the server's CPU, from one run to the
// next; BENCHMARKS "Session 11: case search counting and paging at once").
// The other filters ride along, so the count and the newest page of a line
// stay index-only. SQLite counts the same walk in ~11 ms and has nothing to
// do.
func caseFacetsByLine(d Dialect) []string {
	if d != Postgres {
		return nil
	}
	return []string{
		`CREATE INDEX case_facets_line ON case_facets (tenant_id, status, business_line, published_at, case_id)
			INCLUDE (customer_type, featured, vis_branch_id, branch_id)`,
	}
}
