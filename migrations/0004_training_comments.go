package migrations

// trainingComments: a manager's coaching comments on an attempt, which the
// employee reads on the result page.
func trainingComments(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE training_comments (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			attempt_id BIGINT NOT NULL,
			author_id BIGINT NOT NULL,
			author_name VARCHAR(200) NOT NULL,
			body TEXT NOT NULL,
			created_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, attempt_id) REFERENCES training_attempts(tenant_id, id),
			FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX training_comments_attempt ON training_comments (tenant_id, attempt_id)`,
	)
}
