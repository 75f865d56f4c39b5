package migrations

// kpiRankIndex lets a subtree's ranking be read from an index alone: the
// subtree's range of branch paths with each person's composite and ratings,
// so ordering 10,000 people reads no result row (whose breakdown makes it
// large) until the page's twenty are fetched by key.
func kpiRankIndex(d Dialect) []string {
	return renderAll(d,
		`CREATE INDEX kpi_results_rank ON kpi_results (tenant_id, period_key, branch_path, composite_milli, ratings, employee_id)`,
	)
}
