package migrations

// trainingAttempts: one row per scenario attempt. The engine's state is kept
// whole (it is small and only ever read back by the engine); total and passed
// are copied out when the attempt ends so progress reports can aggregate them.
// branch_id is where the employee worked when the attempt started, so results
// stay with that branch after a transfer.
func trainingAttempts(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE training_attempts (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			user_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			scenario_id VARCHAR(100) NOT NULL,
			scenario_version INTEGER NOT NULL,
			status VARCHAR(16) NOT NULL,
			steps INTEGER NOT NULL DEFAULT 0,
			state_json TEXT NOT NULL,
			total {REAL},
			passed {BOOL},
			started_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			finished_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE INDEX training_attempts_user ON training_attempts (tenant_id, user_id, started_at)`,
		`CREATE INDEX training_attempts_scenario ON training_attempts (tenant_id, scenario_id, status)`,
	)
}
