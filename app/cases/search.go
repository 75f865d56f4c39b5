package cases

import (
	"context"
	"sort"
	"strconv"
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
	tokens := queryTokens(q.Q)
	if ch, ok := singleChar(q.Q); ok {
		where = append(where, "c.title LIKE ?") // no pair to look up: titles only, unranked
		args = append(args, "%"+string(ch)+"%")
		tokens = []string{string(ch)}
	} else if len(tokens) > 0 {
		if s.DB.Dialect == migrations.Postgres {
			from = "case_search s JOIN cases c ON c.tenant_id = s.tenant_id AND c.id = s.case_id"
			where = append(where, "s.tsv @@ to_tsquery('simple', ?)")
			args = append(args, pgQuery(tokens))
		} else {
			// CROSS JOIN keeps the index lookup as SQLite's outer loop:
			// otherwise it may walk the cases and run the MATCH per row.
			from = "case_fts CROSS JOIN cases c ON c.id = case_fts.rowid"
			where = append(where, "case_fts MATCH ?")
			args = append(args, ftsQuery(tokens))
		}
	}
	cond := strings.Join(where, " AND ")
	db := s.DB.R.WithContext(ctx)
	// A word in a fifth of a big library matches tens of thousands of
	// cases; ranking them all costs hundreds of milliseconds. So a search
	// with words ranks the newest RankWindow matches (by case id, which
	// the index walks in order) and counts up to RankWindow: a broader
	// query says "more" and the reader narrows it.
	if from != "cases c" {
		return s.ranked(ctx, p, q, from, cond, args, tokens)
	}
	var total int64
	if err := db.Raw("SELECT COUNT(*) FROM "+from+" WHERE "+cond, args...).Scan(&total).Error; err != nil {
		return nil, 0, err
	}
	order := "c.published_at DESC, c.id DESC"
	if q.Sort == "useful" {
		order = usefulSQL + " DESC, c.rating_count DESC, c.id DESC"
	}
	var ids []int64
	all := append(append([]any{}, args...), q.Size, (q.Page-1)*q.Size)
	if err := db.Raw("SELECT c.id FROM "+from+" WHERE "+cond+" ORDER BY "+order+" LIMIT ? OFFSET ?", all...).Scan(&ids).Error; err != nil {
		return nil, 0, err
	}
	return s.items(ctx, p, ids, tokens, total)
}

// RankWindow is how many of the newest matches a word search ranks and counts.
const RankWindow = 1000

func (s *Service) ranked(ctx context.Context, p *access.Principal, q Query, from, cond string, args []any, tokens []string) ([]Item, int64, error) {
	db := s.DB.R.WithContext(ctx)
	inner := "SELECT c.id AS id, bm25(case_fts) AS r, c.published_at AS pub, " + usefulSQL + " AS useful, c.rating_count AS n FROM " + from +
		" WHERE " + cond + " ORDER BY case_fts.rowid DESC LIMIT " + strconv.Itoa(RankWindow)
	innerArgs := args
	if s.DB.Dialect == migrations.Postgres {
		// The window is chosen first and only its rows are ranked: ts_rank
		// reads (and decompresses) each row's tsvector.
		inner = "SELECT m.id, ts_rank(r.tsv, to_tsquery('simple', ?)) AS r, m.pub, m.useful, m.n FROM (SELECT c.id AS id, c.published_at AS pub, " +
			usefulSQL + " AS useful, c.rating_count AS n FROM " + from + " WHERE " + cond + " ORDER BY s.case_id DESC LIMIT " + strconv.Itoa(RankWindow) +
			") m JOIN case_search r ON r.tenant_id = ? AND r.case_id = m.id"
		innerArgs = append(append([]any{pgQuery(tokens)}, args...), p.TenantID)
	}
	// One pass over the index: the window's rows are counted, ordered and
	// paged here rather than by a second query doing the same walk.
	var ms []struct {
		ID     int64
		R      float64
		Pub    *time.Time
		Useful float64
		N      int64
	}
	if err := db.Raw(inner, innerArgs...).Scan(&ms).Error; err != nil {
		return nil, 0, err
	}
	pg := s.DB.Dialect == migrations.Postgres
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		switch q.Sort {
		case "newest":
		case "useful":
			if a.Useful != b.Useful {
				return a.Useful > b.Useful
			}
			if a.N != b.N {
				return a.N > b.N
			}
		default:
			if a.R != b.R {
				return (a.R > b.R) == pg // ts_rank: higher is better; bm25: lower is better
			}
		}
		if a.Pub != nil && b.Pub != nil && !a.Pub.Equal(*b.Pub) {
			return a.Pub.After(*b.Pub)
		}
		return a.ID > b.ID
	})
	total := int64(len(ms))
	var ids []int64
	for i := (q.Page - 1) * q.Size; i < len(ms) && i < q.Page*q.Size; i++ {
		ids = append(ids, ms[i].ID)
	}
	return s.items(ctx, p, ids, tokens, total)
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
