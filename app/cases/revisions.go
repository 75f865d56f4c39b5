package cases

import (
	"context"
	"encoding/json"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// RevisionItem is one save of a case.
type RevisionItem struct {
	Revision int       `json:"revision"`
	At       time.Time `json:"at"`
	By       Ref       `json:"by"`
	Note     string    `json:"note"`
}

// RevisionView is a case's content at one save.
type RevisionView struct {
	RevisionItem
	Content CaseIn `json:"content"`
}

// seen checks that p may read case id and returns nothing else.
func (s *Service) seen(ctx context.Context, p *access.Principal, id int64) error {
	v, err := s.viewer(ctx, p)
	if err != nil {
		return err
	}
	r, err := s.load(ctx, s.DB.R, p.TenantID, id)
	if err != nil {
		return err
	}
	if r == nil || !v.sees(r) {
		return apperr.NotFound("case")
	}
	return nil
}

// Revisions lists every save of a case the caller may read, newest first.
func (s *Service) Revisions(ctx context.Context, p *access.Principal, id int64) ([]RevisionItem, error) {
	if err := s.seen(ctx, p, id); err != nil {
		return nil, err
	}
	var rs []Revision
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Select("revision, by_id, by_name, note, created_at").
		Where("case_id = ?", id).Order("revision DESC").Find(&rs).Error; err != nil {
		return nil, err
	}
	out := make([]RevisionItem, len(rs))
	for i, r := range rs {
		out[i] = RevisionItem{Revision: r.Revision, At: r.CreatedAt, By: Ref{r.ByID, r.ByName}, Note: r.Note}
	}
	return out, nil
}

// RevisionOf reads one save of a case.
func (s *Service) RevisionOf(ctx context.Context, p *access.Principal, id int64, rev int) (*RevisionView, error) {
	if err := s.seen(ctx, p, id); err != nil {
		return nil, err
	}
	return s.revision(ctx, p.TenantID, id, rev)
}

func (s *Service) revision(ctx context.Context, tenantID, id int64, rev int) (*RevisionView, error) {
	var rs []Revision
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("case_id = ? AND revision = ?", id, rev).Limit(1).Find(&rs).Error; err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, apperr.NotFound("revision")
	}
	var snap snapshot
	if err := json.Unmarshal(rs[0].Snapshot, &snap); err != nil {
		return nil, err
	}
	if snap.Tags == nil {
		snap.Tags = []string{}
	}
	if snap.ScenarioKeys == nil {
		snap.ScenarioKeys = []string{}
	}
	return &RevisionView{RevisionItem: RevisionItem{Revision: rs[0].Revision, At: rs[0].CreatedAt, By: Ref{rs[0].ByID, rs[0].ByName}, Note: rs[0].Note},
		Content: snap.CaseIn}, nil
}

// DiffOp is a run of text equal in both revisions, inserted, or deleted.
type DiffOp struct {
	Op   string `json:"op" enum:"equal,insert,delete"`
	Text string `json:"text"`
}

// FieldDiff is the changes of one field.
type FieldDiff struct {
	Field string   `json:"field"`
	Ops   []DiffOp `json:"ops"`
}

// Diff compares two saves of a case field by field (only fields that
// changed are listed), with runs cleaned up to read as words and phrases.
func (s *Service) Diff(ctx context.Context, p *access.Principal, id int64, from, to int) ([]FieldDiff, error) {
	if err := s.seen(ctx, p, id); err != nil {
		return nil, err
	}
	a, err := s.revision(ctx, p.TenantID, id, from)
	if err != nil {
		return nil, apperr.Invalid(apperr.Field{Location: "query.from", Message: "no such revision", Value: from})
	}
	b, err := s.revision(ctx, p.TenantID, id, to)
	if err != nil {
		return nil, apperr.Invalid(apperr.Field{Location: "query.to", Message: "no such revision", Value: to})
	}
	fields := func(c CaseIn) [][2]string {
		return [][2]string{{"title", c.Title}, {"title_en", c.TitleEN}, {"summary", c.Summary}, {"summary_en", c.SummaryEN},
			{"situation", c.Situation}, {"actions", c.Actions}, {"outcome", c.Outcome}, {"lesson", c.Lesson},
			{"customer_type", c.CustomerType}, {"business_line", c.BusinessLine}, {"tags", joinLines(c.Tags)}, {"scenario_keys", joinLines(c.ScenarioKeys)}}
	}
	dmp := diffmatchpatch.New()
	fa, fb := fields(a.Content), fields(b.Content)
	out := []FieldDiff{}
	for i := range fa {
		if fa[i][1] == fb[i][1] {
			continue
		}
		ds := dmp.DiffCleanupSemantic(dmp.DiffMain(fa[i][1], fb[i][1], false))
		fd := FieldDiff{Field: fa[i][0], Ops: make([]DiffOp, 0, len(ds))}
		for _, d := range ds {
			op := "equal"
			switch d.Type {
			case diffmatchpatch.DiffInsert:
				op = "insert"
			case diffmatchpatch.DiffDelete:
				op = "delete"
			}
			fd.Ops = append(fd.Ops, DiffOp{Op: op, Text: d.Text})
		}
		out = append(out, fd)
	}
	return out, nil
}

func joinLines(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "\n"
		}
		out += s
	}
	return out
}
