package migrations

// assignmentsAndNotifications: training assignments (one scenario, an
// audience under one branch, a due date, grouped into a programme such as
// "2026-12 合规月"), the people each one resolved to when it was made, and the
// in-app notifications users read.
//
// Members are resolved once, when the assignment is made, and keep the branch
// they were in then: progress reports stay stable when staff move, and an
// assignment means what the manager saw when sending it.
func assignmentsAndNotifications(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE training_assignments (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			programme VARCHAR(100) NOT NULL DEFAULT '',
			scenario_key VARCHAR(100) NOT NULL,
			branch_id BIGINT NOT NULL,
			audience VARCHAR(16) NOT NULL,
			role VARCHAR(32) NOT NULL DEFAULT '',
			note TEXT NOT NULL DEFAULT '',
			due_at {TS} NOT NULL,
			created_by BIGINT NOT NULL,
			created_by_name VARCHAR(200) NOT NULL,
			created_at {TS} NOT NULL,
			cancelled_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id),
			FOREIGN KEY (tenant_id, created_by) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX training_assignments_scenario ON training_assignments (tenant_id, scenario_key)`,
		`CREATE TABLE training_assignment_members (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			assignment_id BIGINT NOT NULL,
			user_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			completed_at {TS},
			attempt_id BIGINT,
			best_total {REAL},
			passed {BOOL} NOT NULL DEFAULT FALSE,
			due_soon_notified {BOOL} NOT NULL DEFAULT FALSE,
			{PK},
			FOREIGN KEY (tenant_id, assignment_id) REFERENCES training_assignments(tenant_id, id),
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX training_assignment_members_user ON training_assignment_members (tenant_id, user_id, assignment_id)`,
		`CREATE INDEX training_assignment_members_assignment ON training_assignment_members (tenant_id, assignment_id, branch_id)`,
		`CREATE TABLE notifications (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			user_id BIGINT NOT NULL,
			kind VARCHAR(40) NOT NULL,
			subject_id BIGINT NOT NULL DEFAULT 0,
			data {JSON} NOT NULL,
			created_at {TS} NOT NULL,
			read_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at)`,
	)
}
