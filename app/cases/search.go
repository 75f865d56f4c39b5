package cases

import (
	"context"
	"strings"
	"time"

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

// usefulSQL orders by a credible average of the stars: the case's ratings
// plus 5 imagined ones at 3 stars (the middle of the scale), so one
// five-star rating does not outrank forty ratings averaging 4.6.
const usefulSQL = "(c.rating_sum + 15.0) / (c.rating_count + 5)"

// Search finds published cases the caller may read. The words of q are
// split as the index is (tokens.go) and all must occur; a query of a single
// CJK character has no pair to look up and matches titles containing it.
func (s *Service) Search(ctx context.Context, p *access.Principal, q Query) ([]Item, int64, error) {
	v, err := s.viewer(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	where := []string{"c.tenant_id = ?"}
	args := []any{p.TenantID}
	vis, vargs := v.publishedVisible()
	where = append(where, vis)
	args = append(args, vargs...)
	if q.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM case_tags t WHERE t.tenant_id = c.tenant_id AND t.case_id = c.id AND t.tag = ?)")
		args = append(args, q.Tag)
	}
	if q.BusinessLine != "" {
		where = append(where, "c.business_line = ?")
		args = append(args, q.BusinessLine)
	}
	if q.CustomerType != "" {
		where = append(where, "c.customer_type = ?")
		args = append(args, q.CustomerType)
	}
	if q.Featured != nil {
		where = append(where, "c.featured = ?")
		args = append(args, *q.Featured)
	}
	if q.From != nil {
		where = append(where, "c.published_at >= ?")
		args = append(args, q.From.UTC())
	}
	if q.To != nil {
		where = append(where, "c.published_at < ?")
		args = append(args, q.To.UTC())
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
		where = append(where, "EXISTS (SELECT 1 FROM branches ab WHERE ab.tenant_id = c.tenant_id AND ab.id = c.branch_id AND ab.path >= ? AND ab.path < ?)")
		args = append(args, lo, hi)
	}

	from := "cases c"
	rank := "0"
	tokens := queryTokens(q.Q)
	if ch, ok := singleChar(q.Q); ok {
		where = append(where, "c.title LIKE ?")
		args = append(args, "%"+string(ch)+"%")
		tokens = []string{string(ch)}
	} else if len(tokens) > 0 {
		if s.DB.Dialect == migrations.Postgres {
			from = "case_search s JOIN cases c ON c.tenant_id = s.tenant_id AND c.id = s.case_id"
			where = append(where, "s.tsv @@ to_tsquery('simple', ?)")
			args = append(args, pgQuery(tokens))
			rank = "-ts_rank(s.tsv, to_tsquery('simple', ?))"
		} else {
			from = "case_fts JOIN cases c ON c.id = case_fts.rowid"
			where = append(where, "case_fts MATCH ?")
			args = append(args, ftsQuery(tokens))
			rank = "bm25(case_fts)"
		}
	}
	cond := strings.Join(where, " AND ")
	db := s.DB.R.WithContext(ctx)
	var total int64
	if err := db.Raw("SELECT COUNT(*) FROM "+from+" WHERE "+cond, args...).Scan(&total).Error; err != nil {
		return nil, 0, err
	}
	order := "c.published_at DESC, c.id DESC"
	sortArgs := []any{}
	switch {
	case q.Sort == "useful":
		order = usefulSQL + " DESC, c.rating_count DESC, c.id DESC"
	case q.Sort == "newest":
	case rank != "0":
		order = rank + ", c.published_at DESC, c.id DESC"
		if strings.Contains(rank, "?") {
			sortArgs = append(sortArgs, pgQuery(tokens))
		}
	}
	var ids []int64
	all := append(append([]any{}, args...), sortArgs...)
	all = append(all, q.Size, (q.Page-1)*q.Size)
	if err := db.Raw("SELECT c.id FROM "+from+" WHERE "+cond+" ORDER BY "+order+" LIMIT ? OFFSET ?", all...).Scan(&ids).Error; err != nil {
		return nil, 0, err
	}
	rows, err := s.loadByIDs(ctx, p.TenantID, ids)
	if err != nil {
		return nil, 0, err
	}
	snippets := map[int64]string{}
	if len(tokens) > 0 && len(ids) > 0 {
		var docs []SearchDoc
		if err := db.Scopes(store.Tenant(p.TenantID)).Where("case_id IN ?", ids).Find(&docs).Error; err != nil {
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
