package migrations

// careers: the bank's career tracks (management and expert), their ordered
// levels and each level's requirements (a kind and its parameters, checked
// by scoring.Requirement), where each person stands (one profile a person:
// track, level, since when, hire date) and the history of every placement,
// promotion and move.
func careersSchema(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE career_tracks (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			code VARCHAR(64) NOT NULL,
			kind VARCHAR(16) NOT NULL,
			name_zh VARCHAR(100) NOT NULL,
			name_en VARCHAR(100) NOT NULL,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK}
		)`,
		`CREATE UNIQUE INDEX career_tracks_code ON career_tracks (tenant_id, code)`,
		`CREATE TABLE career_levels (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			track_id BIGINT NOT NULL,
			rank INTEGER NOT NULL,
			code VARCHAR(64) NOT NULL,
			name_zh VARCHAR(100) NOT NULL,
			name_en VARCHAR(100) NOT NULL,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, track_id) REFERENCES career_tracks(tenant_id, id)
		)`,
		`CREATE UNIQUE INDEX career_levels_code ON career_levels (tenant_id, track_id, code)`,
		`CREATE UNIQUE INDEX career_levels_rank ON career_levels (tenant_id, track_id, rank)`,
		`CREATE TABLE career_requirements (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			level_id BIGINT NOT NULL,
			seq INTEGER NOT NULL,
			kind VARCHAR(32) NOT NULL,
			params {JSON} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, level_id) REFERENCES career_levels(tenant_id, id)
		)`,
		`CREATE INDEX career_requirements_level ON career_requirements (tenant_id, level_id, seq)`,
		`CREATE TABLE career_profiles (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			user_id BIGINT NOT NULL,
			track_id BIGINT,
			level_id BIGINT,
			since {TS},
			hired_on {TS},
			updated_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, user_id),
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, track_id) REFERENCES career_tracks(tenant_id, id),
			FOREIGN KEY (tenant_id, level_id) REFERENCES career_levels(tenant_id, id)
		)`,
		`CREATE INDEX career_profiles_level ON career_profiles (tenant_id, track_id, level_id)`,
		`CREATE TABLE career_history (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			user_id BIGINT NOT NULL,
			action VARCHAR(16) NOT NULL,
			from_track_id BIGINT,
			from_level_id BIGINT,
			to_track_id BIGINT NOT NULL,
			to_level_id BIGINT NOT NULL,
			note TEXT NOT NULL DEFAULT '',
			by_id BIGINT,
			by_name VARCHAR(200) NOT NULL DEFAULT '',
			at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX career_history_user ON career_history (tenant_id, user_id, at)`,
	)
}
