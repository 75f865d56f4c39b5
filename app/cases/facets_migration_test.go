package cases_test

import (
	"context"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// On PostgreSQL, step 34 moves what search matches in (facets, head and
// the tsvector) out of case_search into the narrow case_facets: a library
// indexed before it is found after it, and the triggers keep the new table
// following cases and case_search. (SQLite has had case_facets since step
// 24; step 34 does nothing there.)
func TestMigrationMovesSearchFacetsOutOfCaseSearch(t *testing.T) {
	if !testkit.Postgres() {
		t.Skip("step 34 changes PostgreSQL only")
	}
	db := testkit.DBAt(t, 31)
	tenant := testkit.InsertTenant(t, db, "old")
	var branch, user, id int64
	exec := func(q string, args ...any) {
		t.Helper()
		if err := db.W.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	scan := func(dst any, q string, args ...any) {
		t.Helper()
		if err := db.W.Raw(q, args...).Scan(dst).Error; err != nil {
			t.Fatal(err)
		}
	}
	scan(&branch, `INSERT INTO branches (tenant_id, code, name, path, depth, created_at, updated_at)
		VALUES (?, 'hq', 'HQ', '/1/', 0, now(), now()) RETURNING id`, tenant)
	scan(&user, `INSERT INTO users (tenant_id, branch_id, username, display_name, employee_code, password_hash, created_at, updated_at)
		VALUES (?, ?, 'a', 'A', 'E1', 'x', now(), now()) RETURNING id`, tenant, branch)
	scan(&id, `INSERT INTO cases (tenant_id, author_id, branch_id, status, customer_type, business_line, published_at, created_at, updated_at, title, title_en, tags)
		VALUES (?, ?, ?, 'published', 'elderly', 'wealth', now(), now(), now(), '理财讲座', 'Wealth talk', 'elderly')
		RETURNING id`, tenant, user, branch)
	exec(`INSERT INTO case_search (tenant_id, case_id, tokens, plain) VALUES (?, ?, '理财 财讲 讲座 wealth talk', '理财讲座 Wealth talk')`, tenant, id)

	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	type facets struct {
		Status   string
		Featured bool
		Head     string
		Matches  bool
	}
	read := func(lexeme string) (f facets, n int) {
		t.Helper()
		var rows []facets
		scan(&rows, `SELECT status, featured, head, tsv @@ to_tsquery('simple', ?) AS matches FROM case_facets WHERE tenant_id = ? AND case_id = ?`,
			"'"+lexeme+"'", tenant, id)
		if len(rows) == 1 {
			f = rows[0]
		}
		return f, len(rows)
	}
	if f, n := read("理财"); n != 1 || f.Status != "published" || f.Head != "理财讲座 wealth talk elderly" || !f.Matches {
		t.Fatalf("the indexed case after the step: %d rows, %+v", n, f)
	}
	var left int64
	scan(&left, `SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'case_search'
		AND column_name NOT IN ('tenant_id', 'case_id', 'tokens', 'plain')`)
	if left != 0 {
		t.Errorf("case_search keeps %d columns besides its text", left)
	}

	// A change of the case reaches its facets; new tokens, its tsvector.
	exec(`UPDATE cases SET featured = TRUE WHERE tenant_id = ? AND id = ?`, tenant, id)
	exec(`UPDATE case_search SET tokens = '养老 老金' WHERE tenant_id = ? AND case_id = ?`, tenant, id)
	if f, _ := read("养老"); !f.Featured || !f.Matches {
		t.Errorf("after the case and its tokens changed: %+v", f)
	}
	if f, _ := read("理财"); f.Matches {
		t.Errorf("old tokens still match: %+v", f)
	}
	// A case indexed after the step gets its facets row; removing the
	// search row removes it.
	exec(`DELETE FROM case_search WHERE tenant_id = ? AND case_id = ?`, tenant, id)
	if _, n := read("养老"); n != 0 {
		t.Errorf("facets left after the search row went: %d", n)
	}
	exec(`INSERT INTO case_search (tenant_id, case_id, tokens, plain) VALUES (?, ?, '理财 wealth', '理财 wealth')`, tenant, id)
	if f, n := read("wealth"); n != 1 || !f.Matches || !f.Featured {
		t.Errorf("re-indexed: %d rows, %+v", n, f)
	}
}
