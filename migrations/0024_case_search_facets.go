package migrations

// caseSearchFacets lets a case search answer its filters and its order from
// the search index's side, without reading a case row per match.
//
// Step 18 found the matches in the text index and then read each one's
// `cases` row (a wide row: the bodies) for tenant, status and visibility;
// a two-character word in a fifth of 100,000 cases cost hundreds of
// milliseconds, so search ranked only the newest 1,000 matches.
//
// Now the columns a search filters and sorts by live in a narrow row beside
// the index, kept equal to the case by triggers (every write path of cases,
// present and future, keeps them right), with `head`: the title, English
// title and tags lower-cased, which relevance looks the query's words up in.
//
//   - SQLite: `case_facets`, one row per case whose rowid is the case id,
//     as the FTS5 index's rowid is, so a match joins it by rowid.
//   - PostgreSQL: the columns are added to `case_search`, whose GIN index
//     finds the matches, so the filters are read from the same heap tuple
//     (no join). toast_tuple_target = 128 makes a long case (a tuple over
//     the ~2 kB at which PostgreSQL starts toasting) move its tokens, text
//     and tsvector out of line, down to a narrow tuple; `head` is PLAIN so
//     it stays inline. A typical case (~1.3 kB) is not toasted, so the
//     bitmap heap scan still reads a page per few matches.
//
// Existing rows are filled from cases. The table of HR notices about cases
// past their review-by date is here too: one row per case and date
// notified, so the periodic job tells HR once.
func caseSearchFacets(d Dialect) []string {
	const cols = "status, vis_branch_id, branch_id, business_line, customer_type, featured, published_at, useful, rating_count, head"
	const fromCase = "c.status, c.vis_branch_id, c.branch_id, c.business_line, c.customer_type, c.featured, c.published_at, " +
		"(c.rating_sum + 15.0) / (c.rating_count + 5), c.rating_count, lower(c.title || ' ' || c.title_en || ' ' || replace(c.tags, char(10), ' '))"
	notices := `CREATE TABLE case_due_notices (
			tenant_id BIGINT NOT NULL REFERENCES tenants(id),
			case_id BIGINT NOT NULL,
			review_by {TS} NOT NULL,
			notified_at {TS} NOT NULL,
			PRIMARY KEY (tenant_id, case_id),
			FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
		)`
	if d == Postgres {
		pgFromCase := "c.status, c.vis_branch_id, c.branch_id, c.business_line, c.customer_type, c.featured, c.published_at, " +
			"(c.rating_sum + 15.0) / (c.rating_count + 5), c.rating_count, lower(c.title || ' ' || c.title_en || ' ' || replace(c.tags, chr(10), ' '))"
		return renderAll(d,
			`ALTER TABLE case_search SET (toast_tuple_target = 128)`,
			`ALTER TABLE case_search
				ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'draft',
				ADD COLUMN vis_branch_id BIGINT,
				ADD COLUMN branch_id BIGINT NOT NULL DEFAULT 0,
				ADD COLUMN business_line VARCHAR(32) NOT NULL DEFAULT '',
				ADD COLUMN customer_type VARCHAR(32) NOT NULL DEFAULT '',
				ADD COLUMN featured BOOLEAN NOT NULL DEFAULT FALSE,
				ADD COLUMN published_at TIMESTAMPTZ,
				ADD COLUMN useful DOUBLE PRECISION NOT NULL DEFAULT 3,
				ADD COLUMN rating_count BIGINT NOT NULL DEFAULT 0,
				ADD COLUMN head TEXT NOT NULL DEFAULT ''`,
			`ALTER TABLE case_search ALTER COLUMN head SET STORAGE PLAIN`,
			`UPDATE case_search s SET (`+cols+`) = (SELECT `+pgFromCase+` FROM cases c WHERE c.tenant_id = s.tenant_id AND c.id = s.case_id)`,
			`CREATE INDEX case_search_newest ON case_search (tenant_id, status, published_at, case_id)`,
			`CREATE INDEX case_search_useful ON case_search (tenant_id, status, useful, rating_count, case_id)`,
			// A new search row takes the case's facets; a change of the case
			// passes to its search row.
			`CREATE FUNCTION case_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				SELECT `+pgFromCase+` INTO NEW.status, NEW.vis_branch_id, NEW.branch_id, NEW.business_line, NEW.customer_type, NEW.featured,
					NEW.published_at, NEW.useful, NEW.rating_count, NEW.head
				FROM cases c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.case_id;
				RETURN NEW;
			END $$`,
			`CREATE TRIGGER case_search_facets BEFORE INSERT ON case_search FOR EACH ROW EXECUTE FUNCTION case_search_facets()`,
			`CREATE FUNCTION cases_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				UPDATE case_search s SET (`+cols+`) = (SELECT `+pgFromCase+` FROM cases c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.id)
				WHERE s.tenant_id = NEW.tenant_id AND s.case_id = NEW.id;
				RETURN NULL;
			END $$`,
			`CREATE TRIGGER cases_search_facets AFTER UPDATE OF status, vis_branch_id, branch_id, business_line, customer_type, featured,
				published_at, rating_sum, rating_count, title, title_en, tags ON cases FOR EACH ROW EXECUTE FUNCTION cases_search_facets()`,
			notices,
		)
	}
	return renderAll(d,
		`CREATE TABLE case_facets (
			case_id INTEGER PRIMARY KEY,
			tenant_id BIGINT NOT NULL,
			status VARCHAR(16) NOT NULL,
			vis_branch_id BIGINT,
			branch_id BIGINT NOT NULL,
			business_line VARCHAR(32) NOT NULL,
			customer_type VARCHAR(32) NOT NULL,
			featured BOOLEAN NOT NULL,
			published_at DATETIME,
			useful REAL NOT NULL,
			rating_count BIGINT NOT NULL,
			head TEXT NOT NULL,
			UNIQUE (tenant_id, case_id)
		)`,
		`INSERT INTO case_facets (case_id, tenant_id, `+cols+`) SELECT c.id, c.tenant_id, `+fromCase+` FROM cases c`,
		// Covering the filters: a listing without words counts and pages
		// from the index alone, never a row per case.
		`CREATE INDEX case_facets_newest ON case_facets (tenant_id, status, published_at, business_line, customer_type, featured, vis_branch_id, branch_id)`,
		`CREATE INDEX case_facets_useful ON case_facets (tenant_id, status, useful, rating_count)`,
		`CREATE TRIGGER cases_facets_ai AFTER INSERT ON cases BEGIN
			INSERT INTO case_facets (case_id, tenant_id, `+cols+`) SELECT c.id, c.tenant_id, `+fromCase+` FROM cases c WHERE c.id = new.id;
		END`,
		`CREATE TRIGGER cases_facets_au AFTER UPDATE OF status, vis_branch_id, branch_id, business_line, customer_type, featured,
			published_at, rating_sum, rating_count, title, title_en, tags ON cases BEGIN
			UPDATE case_facets SET (`+cols+`) = (SELECT `+fromCase+` FROM cases c WHERE c.id = new.id) WHERE case_id = new.id;
		END`,
		`CREATE TRIGGER cases_facets_ad AFTER DELETE ON cases BEGIN
			DELETE FROM case_facets WHERE case_id = old.id;
		END`,
		notices,
	)
}
