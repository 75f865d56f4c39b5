package cases

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// Query is a search of the library.
type Query struct {
	Q            string
	Tag          string
	BusinessLine string
	CustomerType string
	BranchID     int64 // the author's branch within this subtree; 0: any
	Featured     *bool
	From, To     *time.Time // published_at in [From, To)
	Sort         string     // relevance (default with a query), newest (default without), useful
	Page, Size   int
}

// The order of a search. Relevance counts how many of the query's words
// are in the head (title, English title, tags: what a reader scans first),
// then the newest; it is read from the narrow facet row beside the index
// (case_facets: migration 24 on SQLite, 34 on PostgreSQL, where the row
// also holds the tsvector), so every match is ranked and counted without
// reading its text. "useful" is a credible average of the stars: the case's ratings
// plus 5 imagined ones at 3 stars (the middle of the scale), so one
// five-star rating does not outrank forty ratings averaging 4.6.
const (
	newestOrder = "f.published_at DESC, f.case_id DESC"
	usefulOrder = "f.useful DESC, f.rating_count DESC, f.case_id DESC"
)

// Search finds published cases the caller may read. The words of q are
// split as the index is (tokens.go) and all must occur; a query of a single
// CJK character has no pair to look up and matches heads containing it.
// Every match is counted and ranked.
func (s *Service) Search(ctx context.Context, p *access.Principal, q Query) ([]Item, int64, error) {
	v, err := s.viewer(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	pg := s.DB.Dialect == migrations.Postgres
	// Every condition is a fixed piece of SQL with its values bound: the
	// search is built by GORM from these, never by joining text.
	conds := []clause.Expression{
		clause.Expr{SQL: "f.tenant_id = ? AND f.status = 'published'", Vars: []any{p.TenantID}},
		v.visibleTo("f", pg),
	}
	where := func(sql string, vars ...any) { conds = append(conds, clause.Expr{SQL: sql, Vars: vars}) }
	if q.Tag != "" {
		where("EXISTS (SELECT 1 FROM case_tags t WHERE t.tenant_id = f.tenant_id AND t.case_id = f.case_id AND t.tag = ?)", q.Tag)
	}
	if q.BusinessLine != "" {
		where("f.business_line = ?", q.BusinessLine)
	}
	if q.CustomerType != "" {
		where("f.customer_type = ?", q.CustomerType)
	}
	if q.Featured != nil {
		where("f.featured = ?", *q.Featured)
	}
	if q.From != nil {
		where("f.published_at >= ?", q.From.UTC())
	}
	if q.To != nil {
		where("f.published_at < ?", q.To.UTC())
	}
	if q.BranchID != 0 {
		var paths []string
		if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("id = ?", q.BranchID).Pluck("path", &paths).Error; err != nil {
			return nil, 0, err
		}
		if len(paths) == 0 {
			return nil, 0, apperr.Invalid(apperr.Field{Location: "query.branch_id", Message: "no such branch", Value: q.BranchID})
		}
		lo, hi := authz.PathRange(paths[0])
		where("f.branch_id IN (SELECT ab.id FROM branches ab WHERE ab.tenant_id = ? AND ab.path >= ? AND ab.path < ?)", p.TenantID, lo, hi)
	}

	from := "case_facets f"
	tokens := queryTokens(q.Q)
	if ch, ok := singleChar(q.Q); ok {
		where("f.head LIKE ?", "%"+string(ch)+"%") // no pair to look up: heads only
		tokens = []string{string(ch)}
	} else if len(tokens) > 0 {
		if pg {
			where("f.tsv @@ to_tsquery('simple', ?)", pgQuery(tokens))
		} else {
			// CROSS JOIN keeps the index lookup as SQLite's outer loop:
			// otherwise it may walk the facets and run the MATCH per row.
			from = "case_fts CROSS JOIN case_facets f ON f.case_id = case_fts.rowid"
			where("case_fts MATCH ?", ftsQuery(tokens))
		}
	}
	matches := func() *gorm.DB { return s.DB.R.WithContext(ctx).Table(from).Where(clause.And(conds...)) }
	var order clause.Expression = clause.Expr{SQL: newestOrder}
	ranked := false
	switch {
	case q.Sort == "useful":
		order = clause.Expr{SQL: usefulOrder}
	case q.Sort == "newest" || len(tokens) == 0:
	default:
		order, ranked = relevanceOrder(tokens, pg), true
	}
	ids, total, err := s.matchPage(matches, pg && ranked, len(tokens) > 0, order, q.Page, q.Size)
	if err != nil || len(ids) == 0 {
		return []Item{}, total, err
	}
	return s.items(ctx, p, ids, tokens, total)
}

// relevanceOrder ranks by how many of the tokens the head holds, then the
// newest. A CJK pair is found in the head as it is indexed; a Latin word
// may also be found inside a longer one, which only lifts it in the order.
// The count is a chain of one fixed step per token, each adding to the one
// before it.
func relevanceOrder(tokens []string, pg bool) clause.Expression {
	step := "? + CASE WHEN instr(f.head, ?) > 0 THEN 1 ELSE 0 END"
	if pg {
		step = "? + CASE WHEN strpos(f.head, ?) > 0 THEN 1 ELSE 0 END"
	}
	hits := clause.Expr{SQL: "0"}
	for _, t := range tokens {
		hits = clause.Expr{SQL: step, Vars: []any{hits, t}}
	}
	return clause.Expr{SQL: "(?) DESC, f.published_at DESC, f.case_id DESC", Vars: []any{hits}}
}

func (s *Service) items(ctx context.Context, p *access.Principal, ids []int64, tokens []string, total int64) ([]Item, int64, error) {
	db := s.DB.R.WithContext(ctx)
	rows, err := s.loadByIDs(ctx, p.TenantID, ids)
	if err != nil {
		return nil, 0, err
	}
	snippets := map[int64]string{}
	if len(tokens) > 0 && len(ids) > 0 {
		var docs []SearchDoc
		if err := db.Scopes(store.Tenant(p.TenantID)).Select("case_id, plain").Where("case_id IN ?", ids).Find(&docs).Error; err != nil {
			return nil, 0, err
		}
		for _, d := range docs {
			snippets[d.CaseID] = Snippet(d.Plain, tokens)
		}
	}
	out := make([]Item, len(rows))
	for i := range rows {
		out[i] = rows[i].item()
		out[i].SnippetHTML = snippets[rows[i].ID]
	}
	return out, total, nil
}

// ftsQuery is an FTS5 query requiring every token; each is a quoted
// string, so nothing in it is FTS5 syntax.
func ftsQuery(tokens []string) string {
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return strings.Join(parts, " ")
}

// pgQuery is a tsquery requiring every token; tokens hold only letters and
// digits, and each is quoted as a lexeme.
func pgQuery(tokens []string) string {
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		parts[i] = "'" + strings.ReplaceAll(t, "'", "''") + "'"
	}
	return strings.Join(parts, " & ")
}
