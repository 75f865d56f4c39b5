package migrations

// mfa: a bank's sign-in policy (password length, lockout, the roles that
// must use a second factor; NULL keeps the server's default), each user's
// TOTP secret with the last time step used (a code is good once), hashed
// one-time recovery codes, and the short-lived step between a right
// password and a second factor. A challenge's token carries its tenant, so
// it is found by tenant and hash like every other tenant row.
func mfaSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE sign_in_policies (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id) PRIMARY KEY,
			min_password_length INTEGER,
			lockout_threshold INTEGER,
			lockout_minutes INTEGER,
			mfa_roles TEXT NOT NULL DEFAULT '',
			updated_at {TS} NOT NULL
		)`,
		`CREATE TABLE mfa_totp (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			user_id BIGINT NOT NULL,
			secret TEXT NOT NULL,
			confirmed_at {TS},
			last_step BIGINT NOT NULL DEFAULT 0,
			created_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, user_id)
		)`,
		`CREATE TABLE mfa_recovery_codes (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			user_id BIGINT NOT NULL,
			code_hash TEXT NOT NULL,
			used_at {TS},
			{PK}
		)`,
		`CREATE INDEX mfa_recovery_codes_user ON mfa_recovery_codes (tenant_id, user_id)`,
		`CREATE TABLE mfa_challenges (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			token_hash TEXT NOT NULL,
			user_id BIGINT NOT NULL,
			purpose TEXT NOT NULL,
			expires_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, token_hash)
		)`,
		`CREATE INDEX mfa_challenges_expiry ON mfa_challenges (tenant_id, expires_at)`,
	)
}
