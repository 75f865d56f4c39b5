package migrations

// coreSchema: tenants, branch trees, users, sessions, casbin rules, audit log.
func coreSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE tenants (
			{GID},
			slug VARCHAR(64) NOT NULL UNIQUE,
			name VARCHAR(200) NOT NULL,
			time_zone VARCHAR(64) NOT NULL DEFAULT 'Asia/Shanghai',
			default_locale VARCHAR(10) NOT NULL DEFAULT 'zh-CN',
			policy_version BIGINT NOT NULL DEFAULT 1,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL
		)`,
		`CREATE TABLE platform_operators (
			{GID},
			username VARCHAR(100) NOT NULL UNIQUE,
			display_name VARCHAR(200) NOT NULL DEFAULT '',
			password_hash VARCHAR(200) NOT NULL,
			created_at {TS} NOT NULL
		)`,
		`CREATE TABLE branches (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			parent_id BIGINT,
			code VARCHAR(64) NOT NULL,
			name VARCHAR(200) NOT NULL,
			path VARCHAR(1000){C} NOT NULL,
			depth INTEGER NOT NULL,
			closed_at {TS},
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, parent_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX branches_tenant_code ON branches (tenant_id, code)`,
		`CREATE UNIQUE INDEX branches_tenant_path ON branches (tenant_id, path)`,
		`CREATE TABLE users (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			branch_id BIGINT NOT NULL,
			username VARCHAR(100) NOT NULL,
			display_name VARCHAR(200) NOT NULL,
			employee_code VARCHAR(64) NOT NULL,
			email VARCHAR(200) NOT NULL DEFAULT '',
			locale VARCHAR(10) NOT NULL DEFAULT '',
			password_hash VARCHAR(200) NOT NULL,
			must_change_password {BOOL} NOT NULL DEFAULT FALSE,
			status VARCHAR(16) NOT NULL DEFAULT 'active',
			failed_logins INTEGER NOT NULL DEFAULT 0,
			locked_until {TS},
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX users_tenant_username ON users (tenant_id, username)`,
		`CREATE UNIQUE INDEX users_tenant_employee_code ON users (tenant_id, employee_code)`,
		`CREATE INDEX users_tenant_branch ON users (tenant_id, branch_id)`,
		// Sessions are found by the hash of a secret token, before any tenant is
		// known; tenant_id is carried for the scope of everything that follows.
		`CREATE TABLE sessions (
			token_hash VARCHAR(64) PRIMARY KEY,
			kind VARCHAR(16) NOT NULL,
			tenant_id BIGINT,
			subject_id BIGINT NOT NULL,
			csrf_token VARCHAR(64) NOT NULL,
			created_at {TS} NOT NULL,
			last_seen_at {TS} NOT NULL
		)`,
		`CREATE INDEX sessions_subject ON sessions (kind, tenant_id, subject_id)`,
		// Shape required by casbin/gorm-adapter; the domain (v2 of g rules)
		// carries the tenant as "t<id>/...".
		`CREATE TABLE casbin_rule (
			{GID},
			ptype VARCHAR(100) NOT NULL DEFAULT '',
			v0 VARCHAR(100) NOT NULL DEFAULT '',
			v1 VARCHAR(100) NOT NULL DEFAULT '',
			v2 VARCHAR(1000){C} NOT NULL DEFAULT '',
			v3 VARCHAR(100) NOT NULL DEFAULT '',
			v4 VARCHAR(100) NOT NULL DEFAULT '',
			v5 VARCHAR(100) NOT NULL DEFAULT ''
		)`,
		`CREATE UNIQUE INDEX idx_casbin_rule ON casbin_rule (ptype, v0, v1, v2, v3, v4, v5)`,
		`CREATE INDEX casbin_rule_domain ON casbin_rule (v2)`,
		`CREATE TABLE audit_log (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			at {TS} NOT NULL,
			actor_id BIGINT,
			actor_name VARCHAR(200) NOT NULL DEFAULT '',
			action VARCHAR(100) NOT NULL,
			target_type VARCHAR(50) NOT NULL,
			target_id VARCHAR(100) NOT NULL DEFAULT '',
			before_json {JSON},
			after_json {JSON},
			request_id VARCHAR(64) NOT NULL DEFAULT '',
			{PK}
		)`,
		`CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, at)`,
	)
}
