package migrations

// trainingLibrary: a tenant's own scenarios (uploaded or cloned from the
// built-in pack) and which built-in ones it hides. A scenario has at most one
// working draft (edited freely) and any number of published versions, which
// are never changed once written: attempts point at (scenario key, version),
// so the text they were taken on must stay readable for as long as they do.
func trainingLibrary(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE training_scenarios (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			scenario_key VARCHAR(100) NOT NULL,
			origin VARCHAR(100) NOT NULL DEFAULT '',
			status VARCHAR(16) NOT NULL,
			published_version INTEGER NOT NULL DEFAULT 0,
			draft_yaml TEXT,
			draft_updated_at {TS},
			created_by BIGINT NOT NULL,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE UNIQUE INDEX training_scenarios_key ON training_scenarios (tenant_id, scenario_key)`,
		`CREATE TABLE training_scenario_versions (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			scenario_id BIGINT NOT NULL,
			version INTEGER NOT NULL,
			yaml TEXT NOT NULL,
			published_by BIGINT NOT NULL,
			published_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, scenario_id) REFERENCES training_scenarios(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX training_scenario_versions_number ON training_scenario_versions (tenant_id, scenario_id, version)`,
		`CREATE TABLE training_hidden_scenarios (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			scenario_key VARCHAR(100) NOT NULL,
			hidden_by BIGINT NOT NULL,
			hidden_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE UNIQUE INDEX training_hidden_scenarios_key ON training_hidden_scenarios (tenant_id, scenario_key)`,
	)
}
