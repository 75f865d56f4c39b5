package migrations

// feedback: customer feedback from every channel, the business results HR
// imports per person and month, the sources' column mappings, file imports,
// appeals, and the monthly rollups the KPI area reads.
//
// A record keeps the branch it names (where the employee worked when it
// happened) and the month it happened in, in the tenant's time zone, so it
// counts there for good however staff move later. Scores are stored
// normalised to 1–5 in thousandths (score_milli 1000–5000) so that sums in
// the rollups are exact integers: a rollup always equals a recount.
func feedbackSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE feedback_settings (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id) PRIMARY KEY,
			appeal_window_days INTEGER NOT NULL DEFAULT 30,
			updated_at {TS} NOT NULL
		)`,
		`CREATE TABLE feedback_sources (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			code VARCHAR(64) NOT NULL,
			name VARCHAR(200) NOT NULL,
			kind VARCHAR(16) NOT NULL DEFAULT 'feedback',
			encoding VARCHAR(16) NOT NULL DEFAULT 'utf-8',
			mapping {JSON} NOT NULL,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE UNIQUE INDEX feedback_sources_code ON feedback_sources (tenant_id, code)`,
		`CREATE TABLE feedback_records (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			source VARCHAR(64) NOT NULL,
			external_id VARCHAR(128) NOT NULL,
			channel VARCHAR(32) NOT NULL,
			occurred_at {TS} NOT NULL,
			month INTEGER NOT NULL,
			branch_id BIGINT NOT NULL,
			employee_id BIGINT,
			score_milli INTEGER,
			resolved {BOOL},
			complaint {BOOL} NOT NULL DEFAULT FALSE,
			category VARCHAR(64) NOT NULL DEFAULT '',
			comment TEXT NOT NULL DEFAULT '',
			content_hash VARCHAR(64) NOT NULL,
			excluded {BOOL} NOT NULL DEFAULT FALSE,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id),
			FOREIGN KEY (tenant_id, employee_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX feedback_records_external ON feedback_records (tenant_id, source, external_id)`,
		`CREATE INDEX feedback_records_employee ON feedback_records (tenant_id, employee_id, occurred_at)`,
		`CREATE INDEX feedback_records_branch ON feedback_records (tenant_id, branch_id, month)`,
		// One row per month, branch and person (employee_id 0: feedback about
		// the branch with nobody named). Excluded records do not count.
		`CREATE TABLE feedback_rollups (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			month INTEGER NOT NULL,
			branch_id BIGINT NOT NULL,
			employee_id BIGINT NOT NULL,
			records INTEGER NOT NULL DEFAULT 0,
			ratings INTEGER NOT NULL DEFAULT 0,
			score_sum_milli BIGINT NOT NULL DEFAULT 0,
			problems INTEGER NOT NULL DEFAULT 0,
			resolved INTEGER NOT NULL DEFAULT 0,
			complaints INTEGER NOT NULL DEFAULT 0,
			PRIMARY KEY (tenant_id, month, branch_id, employee_id)
		)`,
		`CREATE INDEX feedback_rollups_employee ON feedback_rollups (tenant_id, employee_id, month)`,
		`CREATE TABLE business_metrics (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			code VARCHAR(64) NOT NULL,
			name VARCHAR(200) NOT NULL,
			unit VARCHAR(32) NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE UNIQUE INDEX business_metrics_code ON business_metrics (tenant_id, code)`,
		// A result counts for the branch the person was in that month.
		`CREATE TABLE business_results (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			employee_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			month INTEGER NOT NULL,
			metric VARCHAR(64) NOT NULL,
			value BIGINT NOT NULL,
			source VARCHAR(64) NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, employee_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX business_results_key ON business_results (tenant_id, employee_id, month, metric)`,
		`CREATE INDEX business_results_month ON business_results (tenant_id, month, metric)`,
		`CREATE TABLE feedback_imports (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			kind VARCHAR(16) NOT NULL,
			source VARCHAR(64) NOT NULL DEFAULT '',
			filename VARCHAR(255) NOT NULL DEFAULT '',
			encoding VARCHAR(16) NOT NULL DEFAULT '',
			bytes BIGINT NOT NULL DEFAULT 0,
			state VARCHAR(16) NOT NULL,
			rows_total BIGINT NOT NULL DEFAULT 0,
			inserted BIGINT NOT NULL DEFAULT 0,
			updated BIGINT NOT NULL DEFAULT 0,
			unchanged BIGINT NOT NULL DEFAULT 0,
			errors {JSON},
			job_run_id BIGINT,
			created_by BIGINT NOT NULL,
			created_at {TS} NOT NULL,
			finished_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, created_by) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX feedback_imports_recent ON feedback_imports (tenant_id, created_at)`,
		// An uploaded file waiting for its job, in pieces, so that any
		// instance's worker can stream it; deleted when the import ends.
		`CREATE TABLE feedback_upload_chunks (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			import_id BIGINT NOT NULL,
			seq INTEGER NOT NULL,
			data {BLOB} NOT NULL,
			PRIMARY KEY (tenant_id, import_id, seq)
		)`,
		`CREATE TABLE feedback_appeals (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			record_id BIGINT NOT NULL,
			employee_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			reason_kind VARCHAR(32) NOT NULL,
			reason TEXT NOT NULL,
			state VARCHAR(16) NOT NULL,
			decided_by BIGINT,
			decided_by_name VARCHAR(200) NOT NULL DEFAULT '',
			decision_reason TEXT NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			decided_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, record_id) REFERENCES feedback_records(tenant_id, id),
			FOREIGN KEY (tenant_id, employee_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE INDEX feedback_appeals_record ON feedback_appeals (tenant_id, record_id)`,
		`CREATE INDEX feedback_appeals_state ON feedback_appeals (tenant_id, state, created_at)`,
	)
}
