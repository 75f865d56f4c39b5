package migrations

// kpiMetricScores holds each person's 0–100 score per metric of a period,
// beside the JSON breakdown it is also in, so that ranking a subtree by one
// metric reads one index range (as kpi_results_rank does for the composite)
// instead of every breakdown of the subtree. Recomputes replace it with the
// results; existing periods fill it at their next recompute.
func kpiMetricScores(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE kpi_metric_scores (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			period_key VARCHAR(8) NOT NULL,
			metric VARCHAR(80) NOT NULL,
			employee_id BIGINT NOT NULL,
			branch_path VARCHAR(1000){C} NOT NULL,
			score_milli INTEGER,
			PRIMARY KEY (tenant_id, period_key, metric, employee_id)
		)`,
		`CREATE INDEX kpi_metric_scores_rank ON kpi_metric_scores (tenant_id, period_key, metric, branch_path, score_milli, employee_id)`,
	)
}
