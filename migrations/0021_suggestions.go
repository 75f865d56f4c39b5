package migrations

// suggestions: improvement suggestions staff submit and managers or HR
// review (each decision and resubmission an event), and for an adopted one
// the project: a bonus pool in cents, contributors with shares in basis
// points, and, once HR approves, one payout row per contributor. The
// branch kept is the author's when they submitted, which decides who may
// review it.
func suggestionsSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE suggestions (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			author_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			title VARCHAR(200) NOT NULL,
			problem TEXT NOT NULL,
			proposal TEXT NOT NULL,
			expected_benefit TEXT NOT NULL,
			process VARCHAR(200) NOT NULL,
			state VARCHAR(16) NOT NULL,
			decided_by BIGINT,
			decided_by_name VARCHAR(200) NOT NULL DEFAULT '',
			decision_comment TEXT NOT NULL DEFAULT '',
			decided_at {TS},
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE INDEX suggestions_author ON suggestions (tenant_id, author_id, created_at)`,
		`CREATE INDEX suggestions_branch ON suggestions (tenant_id, branch_id, state)`,
		`CREATE TABLE suggestion_events (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			suggestion_id BIGINT NOT NULL,
			action VARCHAR(16) NOT NULL,
			by_id BIGINT NOT NULL,
			by_name VARCHAR(200) NOT NULL DEFAULT '',
			comment TEXT NOT NULL DEFAULT '',
			at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, suggestion_id) REFERENCES suggestions(tenant_id, id)
		)`,
		`CREATE INDEX suggestion_events_of ON suggestion_events (tenant_id, suggestion_id, at)`,
		`CREATE TABLE suggestion_projects (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			suggestion_id BIGINT NOT NULL,
			pool_cents BIGINT NOT NULL DEFAULT 0,
			state VARCHAR(16) NOT NULL,
			approved_by BIGINT,
			approved_by_name VARCHAR(200) NOT NULL DEFAULT '',
			approved_at {TS},
			updated_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, suggestion_id),
			FOREIGN KEY (tenant_id, suggestion_id) REFERENCES suggestions(tenant_id, id)
		)`,
		`CREATE TABLE suggestion_contributors (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			suggestion_id BIGINT NOT NULL,
			user_id BIGINT NOT NULL,
			seq INTEGER NOT NULL,
			share_bp INTEGER NOT NULL,
			PRIMARY KEY (tenant_id, suggestion_id, user_id),
			FOREIGN KEY (tenant_id, suggestion_id) REFERENCES suggestions(tenant_id, id),
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX suggestion_contributors_user ON suggestion_contributors (tenant_id, user_id)`,
		`CREATE TABLE suggestion_payouts (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			suggestion_id BIGINT NOT NULL,
			user_id BIGINT NOT NULL,
			share_bp INTEGER NOT NULL,
			cents BIGINT NOT NULL,
			approved_by BIGINT NOT NULL,
			paid_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, suggestion_id) REFERENCES suggestions(tenant_id, id),
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX suggestion_payouts_once ON suggestion_payouts (tenant_id, suggestion_id, user_id)`,
		`CREATE INDEX suggestion_payouts_user ON suggestion_payouts (tenant_id, user_id, paid_at)`,
	)
}
