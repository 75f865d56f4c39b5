package migrations

// caseFacetsNarrow gives PostgreSQL's case search a narrow table to match
// in, as SQLite has had since step 24: `case_facets`, one row per search
// row, holding what a search filters, orders and ranks by, and the
// tsvector the GIN index finds the words in.
//
// Step 24 put those columns beside the tokens and the plain text in
// `case_search`; a row was ~1.3 kB (tsvector, tokens and text inline: a
// tuple under ~2 kB is never toasted, whatever toast_tuple_target says), so
// a two-character word in 18,500 of 100,000 cases read ~11,800 heap pages,
// more than shared_buffers keeps. Here a row is the facets, the head and the
// tsvector stripped of positions (search asks for every word, never a
// phrase, and ranks by the head, so positions are never read); the tokens
// and the text stay in `case_search`, read by key for the page shown.
//
// The facets row follows its search row: a trigger on case_search writes it
// (facets from the case, tsvector from the tokens), the foreign key's
// cascade deletes it, and step 24's trigger on cases now updates it. The
// old columns of case_search go, with their indexes and trigger. SQLite
// has nothing to do: its FTS5 index and facets table are already apart.
func caseFacetsNarrow(d Dialect) []string {
	if d != Postgres {
		return nil
	}
	const cols = "status, vis_branch_id, branch_id, business_line, customer_type, featured, published_at, useful, rating_count, head"
	const fromCase = "c.status, c.vis_branch_id, c.branch_id, c.business_line, c.customer_type, c.featured, c.published_at, " +
		"(c.rating_sum + 15.0) / (c.rating_count + 5), c.rating_count, lower(c.title || ' ' || c.title_en || ' ' || replace(c.tags, chr(10), ' '))"
	return renderAll(d,
		// Fixed-width columns first: no padding between them.
		`CREATE TABLE case_facets (
			tenant_id BIGINT NOT NULL,
			case_id BIGINT NOT NULL,
			branch_id BIGINT NOT NULL,
			vis_branch_id BIGINT,
			published_at TIMESTAMPTZ,
			useful DOUBLE PRECISION NOT NULL,
			rating_count BIGINT NOT NULL,
			featured BOOLEAN NOT NULL,
			status VARCHAR(16) NOT NULL,
			business_line VARCHAR(32) NOT NULL,
			customer_type VARCHAR(32) NOT NULL,
			head TEXT NOT NULL,
			tsv tsvector NOT NULL,
			PRIMARY KEY (tenant_id, case_id),
			FOREIGN KEY (tenant_id, case_id) REFERENCES case_search(tenant_id, case_id) ON DELETE CASCADE
		)`,
		`INSERT INTO case_facets (tenant_id, case_id, `+cols+`, tsv)
			SELECT tenant_id, case_id, `+cols+`, strip(tsv) FROM case_search`,
		`CREATE INDEX case_facets_tsv ON case_facets USING GIN (tsv)`,
		// The filters ride along in the leaf, so a listing without words
		// counts and pages by an index-only scan.
		`CREATE INDEX case_facets_newest ON case_facets (tenant_id, status, published_at, case_id)
			INCLUDE (business_line, customer_type, featured, vis_branch_id, branch_id)`,
		`CREATE INDEX case_facets_useful ON case_facets (tenant_id, status, useful, rating_count, case_id)`,
		`CREATE FUNCTION case_search_facets_row() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			DELETE FROM case_facets WHERE tenant_id = NEW.tenant_id AND case_id = NEW.case_id;
			INSERT INTO case_facets (tenant_id, case_id, `+cols+`, tsv)
				SELECT c.tenant_id, c.id, `+fromCase+`, strip(to_tsvector('simple', NEW.tokens))
				FROM cases c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.case_id;
			RETURN NULL;
		END $$`,
		`CREATE TRIGGER case_search_facets_row AFTER INSERT OR UPDATE OF tokens ON case_search
			FOR EACH ROW EXECUTE FUNCTION case_search_facets_row()`,
		`CREATE OR REPLACE FUNCTION cases_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			UPDATE case_facets f SET (`+cols+`) = (SELECT `+fromCase+` FROM cases c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.id)
			WHERE f.tenant_id = NEW.tenant_id AND f.case_id = NEW.id;
			RETURN NULL;
		END $$`,
		`DROP TRIGGER case_search_facets ON case_search`,
		`DROP FUNCTION case_search_facets()`,
		`ALTER TABLE case_search
			DROP COLUMN tsv, DROP COLUMN status, DROP COLUMN vis_branch_id, DROP COLUMN branch_id, DROP COLUMN business_line,
			DROP COLUMN customer_type, DROP COLUMN featured, DROP COLUMN published_at, DROP COLUMN useful, DROP COLUMN rating_count,
			DROP COLUMN head`,
		`ALTER TABLE case_search RESET (toast_tuple_target)`,
	)
}
