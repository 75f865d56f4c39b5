package migrations

// trainingWorkflow: an assignment may cap the attempts it allows until a pass
// (0: no cap), may be a retake a manager set from one failed attempt, and
// remembers when its not-started people were last reminded (a manager may
// remind once a day). A coaching comment may be about one turn of the
// attempt (empty for the whole attempt).
func trainingWorkflow(d Dialect) []string {
	return renderAll(d,
		`ALTER TABLE training_assignments ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE training_assignments ADD COLUMN retake_of BIGINT`,
		`ALTER TABLE training_assignments ADD COLUMN reminded_at {TS}`,
		`ALTER TABLE training_comments ADD COLUMN turn_id VARCHAR(100) NOT NULL DEFAULT ''`,
		`CREATE INDEX training_assignments_retake ON training_assignments (tenant_id, retake_of)`,
	)
}
