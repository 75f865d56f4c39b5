package migrations

// retention: how long a bank keeps typed replies, feedback comments and
// notifications (PIPL: personal data is kept no longer than needed), and a
// row for every run of the job that removes older ones. NULL keeps forever.
func retentionSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE retention_settings (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id) PRIMARY KEY,
			typed_replies_days INTEGER,
			feedback_comments_days INTEGER,
			notifications_days INTEGER,
			updated_at {TS} NOT NULL
		)`,
		`CREATE TABLE retention_runs (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			ran_at {TS} NOT NULL,
			typed_replies INTEGER NOT NULL,
			feedback_comments INTEGER NOT NULL,
			notifications INTEGER NOT NULL,
			{PK}
		)`,
		`CREATE INDEX retention_runs_ran ON retention_runs (tenant_id, ran_at)`,
	)
}
