package migrations

// jobRuns is a bank's view of its background jobs: one row per River job
// enqueued for the tenant, written in the same transaction as the job, then
// kept up to date by the worker (state, progress done/total, the error the
// bank may read). River's own tables are global; this one is what the bank's
// HR and admins list, always through the tenant scope.
func jobRuns(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE job_runs (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			river_job_id BIGINT NOT NULL,
			kind VARCHAR(120) NOT NULL,
			state VARCHAR(16) NOT NULL,
			attempt INTEGER NOT NULL DEFAULT 0,
			done BIGINT NOT NULL DEFAULT 0,
			total BIGINT NOT NULL DEFAULT 0,
			error TEXT NOT NULL DEFAULT '',
			error_args {JSON},
			started_by BIGINT,
			started_by_name VARCHAR(200) NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			started_at {TS},
			finished_at {TS},
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, started_by) REFERENCES users(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX job_runs_river_job ON job_runs (tenant_id, river_job_id)`,
		`CREATE INDEX job_runs_recent ON job_runs (tenant_id, created_at)`,
	)
}
