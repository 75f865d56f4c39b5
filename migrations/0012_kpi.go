package migrations

// kpiSchema: HR's KPI schemes, the periods HR has closed, and the results the
// dashboards read.
//
// A scheme row is never edited: a change is a new row that applies from a
// month on, and each result names the scheme row it was computed with, so a
// past period keeps its scheme. A period (month "2026-11", quarter "2026-Q4",
// year "2026") is open until HR closes it; closing freezes its results.
// Results are written by the recompute job (after an ingest, on close), one
// row per person and one per branch subtree; a dashboard request only reads
// them, by branch path range.
func kpiSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE kpi_schemes (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			name VARCHAR(200) NOT NULL,
			role VARCHAR(32) NOT NULL DEFAULT '',
			track VARCHAR(32) NOT NULL DEFAULT '',
			valid_from INTEGER NOT NULL,
			prior_weight INTEGER NOT NULL,
			min_sample INTEGER NOT NULL,
			metrics {JSON} NOT NULL,
			created_by BIGINT,
			created_by_name VARCHAR(200) NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE INDEX kpi_schemes_applies ON kpi_schemes (tenant_id, role, track, valid_from)`,
		`CREATE TABLE kpi_periods (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			period_key VARCHAR(8) NOT NULL,
			kind VARCHAR(8) NOT NULL,
			first_month INTEGER NOT NULL,
			last_month INTEGER NOT NULL,
			state VARCHAR(8) NOT NULL,
			changed_by BIGINT,
			changed_by_name VARCHAR(200) NOT NULL DEFAULT '',
			reason TEXT NOT NULL DEFAULT '',
			changed_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, period_key)
		)`,
		`CREATE TABLE kpi_results (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			period_key VARCHAR(8) NOT NULL,
			employee_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			branch_path VARCHAR(1000){C} NOT NULL,
			scheme_id BIGINT NOT NULL,
			composite_milli INTEGER,
			rankable {BOOL} NOT NULL,
			ratings INTEGER NOT NULL DEFAULT 0,
			breakdown {JSON} NOT NULL,
			computed_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, period_key, employee_id)
		)`,
		`CREATE INDEX kpi_results_subtree ON kpi_results (tenant_id, period_key, branch_path)`,
		`CREATE INDEX kpi_results_person ON kpi_results (tenant_id, employee_id, period_key)`,
		`CREATE TABLE kpi_branch_results (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			period_key VARCHAR(8) NOT NULL,
			branch_id BIGINT NOT NULL,
			parent_id BIGINT,
			branch_path VARCHAR(1000){C} NOT NULL,
			composite_milli INTEGER,
			people INTEGER NOT NULL DEFAULT 0,
			rankable_people INTEGER NOT NULL DEFAULT 0,
			ratings INTEGER NOT NULL DEFAULT 0,
			breakdown {JSON} NOT NULL,
			computed_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, period_key, branch_id)
		)`,
		`CREATE INDEX kpi_branch_results_parent ON kpi_branch_results (tenant_id, period_key, parent_id)`,
	)
}
