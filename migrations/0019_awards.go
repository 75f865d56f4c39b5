package migrations

// awardsSchema: award types HR configures, the rounds a rule's evaluation
// proposes for a period, nominations with their approval steps, and grants.
//
// A round is one per type and period (evaluating again is idempotent); its
// candidates are the people the rule held for, within the quota, each
// proposed, approved or dropped by HR. A grant is one per type, period and
// person whichever way it came (round or nomination); its grant number is
// printed on the certificate.
func awardsSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE award_types (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			code VARCHAR(64) NOT NULL,
			name_zh VARCHAR(100) NOT NULL,
			name_en VARCHAR(100) NOT NULL,
			description_zh TEXT NOT NULL DEFAULT '',
			description_en TEXT NOT NULL DEFAULT '',
			badge VARCHAR(32) NOT NULL,
			period_kind VARCHAR(8) NOT NULL,
			kind VARCHAR(16) NOT NULL,
			quota_per VARCHAR(8) NOT NULL,
			quota_count INTEGER NOT NULL,
			rule {JSON},
			approval_levels {JSON} NOT NULL,
			active {BOOL} NOT NULL,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE UNIQUE INDEX award_types_code ON award_types (tenant_id, code)`,
		`CREATE TABLE award_rounds (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			type_id BIGINT NOT NULL,
			period_key VARCHAR(8) NOT NULL,
			state VARCHAR(16) NOT NULL,
			created_by BIGINT,
			created_by_name VARCHAR(200) NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			granted_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, type_id) REFERENCES award_types (tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX award_rounds_period ON award_rounds (tenant_id, type_id, period_key)`,
		`CREATE TABLE award_candidates (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			round_id BIGINT NOT NULL,
			employee_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			branch_path VARCHAR(1000){C} NOT NULL,
			rank INTEGER NOT NULL,
			tied_at_edge {BOOL} NOT NULL,
			composite_milli INTEGER,
			ratings INTEGER NOT NULL DEFAULT 0,
			facts {JSON} NOT NULL,
			status VARCHAR(16) NOT NULL,
			decided_by BIGINT,
			decided_at {TS},
			PRIMARY KEY (tenant_id, round_id, employee_id),
			FOREIGN KEY (tenant_id, round_id) REFERENCES award_rounds (tenant_id, id)
		)`,
		`CREATE TABLE award_nominations (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			type_id BIGINT NOT NULL,
			period_key VARCHAR(8) NOT NULL,
			nominee_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			branch_path VARCHAR(1000){C} NOT NULL,
			nominator_id BIGINT NOT NULL,
			nominator_scope VARCHAR(1000){C} NOT NULL,
			reason TEXT NOT NULL,
			levels {JSON} NOT NULL,
			step INTEGER NOT NULL,
			state VARCHAR(16) NOT NULL,
			created_at {TS} NOT NULL,
			decided_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, type_id) REFERENCES award_types (tenant_id, id),
			FOREIGN KEY (tenant_id, nominee_id) REFERENCES users (tenant_id, id)
		)`,
		`CREATE INDEX award_nominations_state ON award_nominations (tenant_id, state, branch_path)`,
		`CREATE INDEX award_nominations_nominee ON award_nominations (tenant_id, nominee_id)`,
		`CREATE TABLE award_nomination_steps (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			nomination_id BIGINT NOT NULL,
			step INTEGER NOT NULL,
			level VARCHAR(32) NOT NULL,
			approver_id BIGINT NOT NULL,
			approver_name VARCHAR(200) NOT NULL DEFAULT '',
			approved {BOOL} NOT NULL,
			comment TEXT NOT NULL DEFAULT '',
			decided_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, nomination_id, step),
			FOREIGN KEY (tenant_id, nomination_id) REFERENCES award_nominations (tenant_id, id)
		)`,
		`CREATE TABLE award_grants (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			type_id BIGINT NOT NULL,
			period_key VARCHAR(8) NOT NULL,
			employee_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			branch_path VARCHAR(1000){C} NOT NULL,
			grant_no VARCHAR(64) NOT NULL,
			round_id BIGINT,
			nomination_id BIGINT,
			granted_by BIGINT,
			granted_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, type_id) REFERENCES award_types (tenant_id, id),
			FOREIGN KEY (tenant_id, employee_id) REFERENCES users (tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX award_grants_once ON award_grants (tenant_id, type_id, period_key, employee_id)`,
		`CREATE UNIQUE INDEX award_grants_no ON award_grants (tenant_id, grant_no)`,
		`CREATE INDEX award_grants_roll ON award_grants (tenant_id, period_key, branch_path)`,
		`CREATE INDEX award_grants_person ON award_grants (tenant_id, employee_id)`,
	)
}
