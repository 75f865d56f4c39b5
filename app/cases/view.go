package cases

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// Ref names a person or a branch.
type Ref struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Item is a case in a list.
type Item struct {
	ID             int64      `json:"id"`
	Title          string     `json:"title"`
	TitleEN        string     `json:"title_en"`
	Summary        string     `json:"summary"`
	SummaryEN      string     `json:"summary_en"`
	BusinessLine   string     `json:"business_line"`
	CustomerType   string     `json:"customer_type"`
	Tags           []string   `json:"tags"`
	Author         Ref        `json:"author"`
	Branch         Ref        `json:"branch"`
	Status         string     `json:"status" enum:"draft,submitted,returned,published,archived"`
	Featured       bool       `json:"featured"`
	PublishedAt    *time.Time `json:"published_at"`
	ReviewBy       *time.Time `json:"review_by"`
	RatingAvgMilli *int       `json:"rating_avg_milli" doc:"average stars in thousandths; null when nobody rated"`
	RatingCount    int64      `json:"rating_count"`
	Views          int64      `json:"views"`
	SnippetHTML    string     `json:"snippet_html" doc:"sanitized; the matched text wrapped in <mark>"`
}

// caseRow is a case with the names and paths its views and checks need.
type caseRow struct {
	Case
	AuthorName string
	BranchName string
	BranchPath string
	VisPath    *string
	VisName    *string
}

const rowCols = "cases.*, u.display_name AS author_name, b.name AS branch_name, b.path AS branch_path, vb.path AS vis_path, vb.name AS vis_name"

func (s *Service) rows(db *gorm.DB, tenantID int64) *gorm.DB {
	return db.Model(&Case{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN users u ON u.tenant_id = cases.tenant_id AND u.id = cases.author_id").
		Joins("JOIN branches b ON b.tenant_id = cases.tenant_id AND b.id = cases.branch_id").
		Joins("LEFT JOIN branches vb ON vb.tenant_id = cases.tenant_id AND vb.id = cases.vis_branch_id")
}

// load reads one case by tenant and id; nil when there is none.
func (s *Service) load(ctx context.Context, db *gorm.DB, tenantID, id int64) (*caseRow, error) {
	var rs []caseRow
	if err := s.rows(db.WithContext(ctx), tenantID).Select(rowCols).Where("cases.id = ?", id).Limit(1).Scan(&rs).Error; err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, nil
	}
	return &rs[0], nil
}

// byIDCols are rowCols read beside cases found by key: each name is looked
// up by its own key, so the plan starts from the cases whatever the planner
// believes of users and branches. Joined, PostgreSQL without statistics for
// those small tables (a demo bank's few dozen people stay under
// autovacuum's analyze threshold) crossed every user with every branch
// and probed the cases' key ~10,000 times for a page of 20: 39,000 buffers,
// 15–50 ms of a 100,000-case search.
const byIDCols = "cases.*, " +
	"(SELECT u.display_name FROM users u WHERE u.tenant_id = cases.tenant_id AND u.id = cases.author_id) AS author_name, " +
	"(SELECT b.name FROM branches b WHERE b.tenant_id = cases.tenant_id AND b.id = cases.branch_id) AS branch_name, " +
	"(SELECT b.path FROM branches b WHERE b.tenant_id = cases.tenant_id AND b.id = cases.branch_id) AS branch_path, " +
	"(SELECT vb.path FROM branches vb WHERE vb.tenant_id = cases.tenant_id AND vb.id = cases.vis_branch_id) AS vis_path, " +
	"(SELECT vb.name FROM branches vb WHERE vb.tenant_id = cases.tenant_id AND vb.id = cases.vis_branch_id) AS vis_name"

// loadByIDs reads cases in the order of ids.
func (s *Service) loadByIDs(ctx context.Context, tenantID int64, ids []int64) ([]caseRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rs []caseRow
	q := s.rows(s.DB.R.WithContext(ctx), tenantID).Select(rowCols)
	if s.DB.Dialect == migrations.Postgres {
		// SQLite's planner starts from the ids either way, and its joins cost less than the
		// five lookups per case.
		q = s.DB.R.WithContext(ctx).Model(&Case{}).Scopes(store.Tenant(tenantID)).Select(byIDCols)
	}
	if err := q.Where("cases.id IN ?", ids).Scan(&rs).Error; err != nil {
		return nil, err
	}
	at := map[int64]int{}
	for i, id := range ids {
		at[id] = i
	}
	out := make([]caseRow, len(ids))
	n := 0
	for _, r := range rs {
		out[at[r.ID]] = r
		n++
	}
	if n != len(ids) { // a case vanished between two reads: keep those found
		kept := out[:0]
		for _, r := range out {
			if r.ID != 0 {
				kept = append(kept, r)
			}
		}
		out = kept
	}
	return out, nil
}

func splitTags(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

func avgMilli(sum, n int64) *int {
	if n == 0 {
		return nil
	}
	v := int((sum*1000 + n/2) / n)
	return &v
}

func (r *caseRow) item() Item {
	return Item{ID: r.ID, Title: r.Title, TitleEN: r.TitleEN, Summary: r.Summary, SummaryEN: r.SummaryEN, BusinessLine: r.BusinessLine,
		CustomerType: r.CustomerType, Tags: splitTags(r.Tags), Author: Ref{r.AuthorID, r.AuthorName}, Branch: Ref{r.BranchID, r.BranchName},
		Status: r.Status, Featured: r.Featured, PublishedAt: r.PublishedAt, ReviewBy: r.ReviewBy, RatingAvgMilli: avgMilli(r.RatingSum, r.RatingCount),
		RatingCount: r.RatingCount, Views: r.Views}
}
