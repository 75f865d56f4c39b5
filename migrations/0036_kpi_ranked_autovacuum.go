package migrations

// kpiRankedAutovacuum has PostgreSQL vacuum the two ranked KPI tables soon
// after a recompute rewrites a period, not after a fifth of the table.
//
// A ranking reads kpi_results or kpi_metric_scores by an index-only scan,
// which skips the heap only on pages the visibility map marks all-visible;
// a recompute rewrites every row of one period, clearing those marks. With
// the default scale factor (20 %) a tenant holding twelve periods waits for
// two or three recomputes before autovacuum comes, and meanwhile a head
// office's ranking by one metric fetched 10,000 heap rows: p50 33 ms against
// 12 ms once vacuumed (BENCHMARKS "Issue 10: dashboards on PostgreSQL,
// quiet"). A fixed threshold of 2,000 changed rows (one recompute of a
// small branch does not wake it; a tenant-wide one does) and 1 % keep it
// close behind. SQLite has no visibility map.
func kpiRankedAutovacuum(d Dialect) []string {
	if d != Postgres {
		return nil
	}
	return []string{
		`ALTER TABLE kpi_results SET (autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_scale_factor = 0.01,
			autovacuum_vacuum_insert_threshold = 2000, autovacuum_vacuum_insert_scale_factor = 0.01,
			autovacuum_analyze_threshold = 2000, autovacuum_analyze_scale_factor = 0.01)`,
		`ALTER TABLE kpi_metric_scores SET (autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_scale_factor = 0.01,
			autovacuum_vacuum_insert_threshold = 2000, autovacuum_vacuum_insert_scale_factor = 0.01,
			autovacuum_analyze_threshold = 2000, autovacuum_analyze_scale_factor = 0.01)`,
	}
}
