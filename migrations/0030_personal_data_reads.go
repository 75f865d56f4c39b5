package migrations

// personal_data_reads: who looked at another person's attempts, feedback,
// KPI results or profile (等保 2.0 asks banks to keep it; the person may see
// it too). Written in batches by app/readlog, never by the GET itself.
func personalDataReadsSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE personal_data_reads (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			viewer_id BIGINT NOT NULL,
			subject_id BIGINT NOT NULL,
			kind VARCHAR(20) NOT NULL,
			object_id VARCHAR(100) NOT NULL,
			reads INTEGER NOT NULL,
			at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE INDEX personal_data_reads_subject ON personal_data_reads (tenant_id, subject_id, at)`,
		`CREATE INDEX personal_data_reads_at ON personal_data_reads (tenant_id, at)`,
	)
}
