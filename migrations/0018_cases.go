package migrations

// cases: the service-star case library. A case is written by an employee,
// reviewed by a manager of the author's subtree or HR, published, rated,
// viewed, discussed in case-study sessions and turned into scenarios.
//
// Search: each case has one row in case_search holding its words as
// space-separated tokens (overlapping CJK character pairs and lower-cased
// Latin words, see app/cases/tokens.go) and its plain text for snippets.
// SQLite indexes the tokens with an FTS5 table kept by triggers; PostgreSQL
// with a 'simple' tsvector column and a GIN index. Trigram indexes and LIKE
// cannot find a two-character Chinese word fast; a bigram is one token.
func casesSchema(d Dialect) []string {
	stmts := []string{
		`CREATE TABLE cases (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			author_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			status VARCHAR(16) NOT NULL,
			title VARCHAR(200) NOT NULL,
			title_en VARCHAR(200) NOT NULL DEFAULT '',
			summary TEXT NOT NULL DEFAULT '',
			summary_en TEXT NOT NULL DEFAULT '',
			situation TEXT NOT NULL DEFAULT '',
			actions TEXT NOT NULL DEFAULT '',
			outcome TEXT NOT NULL DEFAULT '',
			lesson TEXT NOT NULL DEFAULT '',
			customer_type VARCHAR(32) NOT NULL,
			business_line VARCHAR(32) NOT NULL,
			tags TEXT NOT NULL DEFAULT '',
			featured {BOOL} NOT NULL DEFAULT FALSE,
			vis_branch_id BIGINT,
			revision INTEGER NOT NULL DEFAULT 1,
			review_by {TS},
			submitted_at {TS},
			published_at {TS},
			views BIGINT NOT NULL DEFAULT 0,
			rating_sum BIGINT NOT NULL DEFAULT 0,
			rating_count BIGINT NOT NULL DEFAULT 0,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id),
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id),
			FOREIGN KEY (tenant_id, vis_branch_id) REFERENCES branches(tenant_id, id)
		)`,
		`CREATE INDEX cases_status ON cases (tenant_id, status, published_at)`,
		`CREATE INDEX cases_author ON cases (tenant_id, author_id, updated_at)`,
		`CREATE INDEX cases_review_by ON cases (tenant_id, status, review_by)`,
		// One row per case and tag, for the tag filter and the popular tags.
		`CREATE TABLE case_tags (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			case_id BIGINT NOT NULL,
			tag VARCHAR(20) NOT NULL,
			PRIMARY KEY (tenant_id, case_id, tag),
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
		)`,
		`CREATE INDEX case_tags_tag ON case_tags (tenant_id, tag, case_id)`,
		// A full snapshot of the case's fields at every save.
		`CREATE TABLE case_revisions (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			case_id BIGINT NOT NULL,
			revision INTEGER NOT NULL,
			snapshot {JSON} NOT NULL,
			by_id BIGINT NOT NULL,
			by_name VARCHAR(200) NOT NULL DEFAULT '',
			note VARCHAR(200) NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, case_id, revision),
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
		)`,
		// One rating per person and case; changing it updates the row.
		`CREATE TABLE case_ratings (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			case_id BIGINT NOT NULL,
			user_id BIGINT NOT NULL,
			stars INTEGER NOT NULL,
			created_at {TS} NOT NULL,
			updated_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, case_id, user_id),
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX case_ratings_month ON case_ratings (tenant_id, updated_at)`,
		// Review decisions and their comments.
		`CREATE TABLE case_comments (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			case_id BIGINT NOT NULL,
			by_id BIGINT NOT NULL,
			by_name VARCHAR(200) NOT NULL DEFAULT '',
			decision VARCHAR(16) NOT NULL,
			text TEXT NOT NULL DEFAULT '',
			created_at {TS} NOT NULL,
			{PK},
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
		)`,
		`CREATE INDEX case_comments_case ON case_comments (tenant_id, case_id, created_at)`,
		`CREATE TABLE case_scenarios (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			case_id BIGINT NOT NULL,
			scenario_key VARCHAR(64) NOT NULL,
			PRIMARY KEY (tenant_id, case_id, scenario_key),
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
		)`,
		`CREATE TABLE case_sessions (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			{ID},
			title VARCHAR(200) NOT NULL,
			branch_id BIGINT NOT NULL,
			scheduled_at {TS} NOT NULL,
			state VARCHAR(16) NOT NULL,
			notes TEXT NOT NULL DEFAULT '',
			created_by BIGINT NOT NULL,
			created_at {TS} NOT NULL,
			recorded_at {TS},
			{PK},
			FOREIGN KEY (tenant_id, branch_id) REFERENCES branches(tenant_id, id),
			FOREIGN KEY (tenant_id, created_by) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX case_sessions_when ON case_sessions (tenant_id, scheduled_at)`,
		`CREATE TABLE case_session_cases (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			session_id BIGINT NOT NULL,
			case_id BIGINT NOT NULL,
			PRIMARY KEY (tenant_id, session_id, case_id),
			FOREIGN KEY (tenant_id, session_id) REFERENCES case_sessions(tenant_id, id),
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
		)`,
		`CREATE TABLE case_session_attendees (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			session_id BIGINT NOT NULL,
			user_id BIGINT NOT NULL,
			attended {BOOL} NOT NULL DEFAULT FALSE,
			PRIMARY KEY (tenant_id, session_id, user_id),
			FOREIGN KEY (tenant_id, session_id) REFERENCES case_sessions(tenant_id, id),
			FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
		)`,
		`CREATE INDEX case_session_attendees_user ON case_session_attendees (tenant_id, user_id)`,
	}
	if d == Postgres {
		stmts = append(stmts,
			`CREATE TABLE case_search (
				tenant_id BIGINT NOT NULL REFERENCES tenants(id),
				case_id BIGINT NOT NULL,
				tokens TEXT NOT NULL,
				plain TEXT NOT NULL,
				tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED,
				PRIMARY KEY (tenant_id, case_id),
				FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
			)`,
			`CREATE INDEX case_search_tsv ON case_search USING GIN (tsv)`,
		)
	} else {
		// case_id is the rowid, so the FTS5 index (external content) can
		// point at it and stays right through VACUUM.
		stmts = append(stmts,
			`CREATE TABLE case_search (
				tenant_id BIGINT NOT NULL REFERENCES tenants(id),
				case_id INTEGER PRIMARY KEY,
				tokens TEXT NOT NULL,
				plain TEXT NOT NULL,
				UNIQUE (tenant_id, case_id),
				FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
			)`,
			`CREATE VIRTUAL TABLE case_fts USING fts5(tokens, content='case_search', content_rowid='case_id', tokenize='unicode61')`,
			`CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN
				INSERT INTO case_fts(rowid, tokens) VALUES (new.case_id, new.tokens);
			END`,
			`CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN
				INSERT INTO case_fts(case_fts, rowid, tokens) VALUES ('delete', old.case_id, old.tokens);
			END`,
			`CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN
				INSERT INTO case_fts(case_fts, rowid, tokens) VALUES ('delete', old.case_id, old.tokens);
				INSERT INTO case_fts(rowid, tokens) VALUES (new.case_id, new.tokens);
			END`,
		)
	}
	return renderAll(d, stmts...)
}
