package cases

import (
	"context"
	"strings"

	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/authz"
)

// viewer is who reads the library and where their permissions reach.
//
// Visibility: a published case restricted to a branch subtree is seen by
// the people of that subtree, and by those whose grants reach the subtree
// from above (its managers, head office, HR, auditors); an unrestricted
// one by everyone who reads cases. A case that is not published is seen by
// its author and by those who may review it (cases.review over the
// author's branch); an archived one also by HR (cases.manage).
type viewer struct {
	p      *access.Principal
	read   []string // cases.read scopes
	review []string // cases.review scopes; nil when none
	manage bool
}

func (s *Service) viewer(ctx context.Context, p *access.Principal) (*viewer, error) {
	read, err := s.Guard.Scopes(ctx, p, PermRead)
	if err != nil {
		return nil, err
	}
	v := &viewer{p: p, read: read}
	if v.review, err = s.Guard.Authz.Scopes(ctx, p.Actor(), PermReview.Obj, PermReview.Act); err != nil {
		return nil, err
	}
	ms, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermManage.Obj, PermManage.Act)
	if err != nil {
		return nil, err
	}
	v.manage = len(ms) > 0
	return v, nil
}

func within(path string, scopes []string) bool {
	for _, sc := range scopes {
		if strings.HasPrefix(path, sc) {
			return true
		}
	}
	return false
}

// ancestors are the paths of the branch at path and every branch above it.
func ancestors(path string) []string {
	var out []string
	for i := 1; i < len(path); i++ {
		if path[i] == '/' {
			out = append(out, path[:i+1])
		}
	}
	return out
}

// reviews reports whether the viewer may review a case of the branch at path.
func (v *viewer) reviews(branchPath string) bool { return within(branchPath, v.review) }

// reaches reports whether a case restricted to the subtree at visPath is
// open to the viewer.
func (v *viewer) reaches(visPath string) bool {
	if strings.HasPrefix(v.p.BranchPath, visPath) {
		return true
	}
	return within(visPath, v.read) || within(visPath, v.review)
}

func (v *viewer) sees(c *caseRow) bool {
	if c.AuthorID == v.p.UserID {
		return true
	}
	switch c.Status {
	case Published:
		return c.VisPath == nil || v.reaches(*c.VisPath)
	case Archived:
		return v.manage || v.reviews(c.BranchPath)
	default:
		return v.reviews(c.BranchPath)
	}
}

// visibleTo is the condition, on the table aliased a (cases or the search
// facets: tenant_id and vis_branch_id), for a published case the viewer may
// read. Unrestricted cases pass without reading a branch. On PostgreSQL the
// branches the viewer reaches are an uncorrelated subquery, read once per
// statement: a correlated EXISTS under OR is costed by its planner as if
// run once per row (it plans the hashed form but prices the other), which
// made a 100,000-case search prefer a sequential scan to an index-only one.
// SQLite keeps the EXISTS, which measured faster there.
func (v *viewer) visibleTo(a string, pg bool) clause.Expr {
	visID := clause.Column{Table: a, Name: "vis_branch_id"}
	if pg {
		return clause.Expr{SQL: "(? IS NULL OR ? IN (SELECT vb.id FROM branches vb WHERE vb.tenant_id = ? AND ?))",
			Vars: []any{visID, visID, v.p.TenantID, v.reach()}}
	}
	return clause.Expr{SQL: "(? IS NULL OR EXISTS (SELECT 1 FROM branches vb WHERE vb.tenant_id = ? AND vb.id = ? AND ?))",
		Vars: []any{visID, clause.Column{Table: a, Name: "tenant_id"}, visID, v.reach()}}
}

// reach is the condition on a branch vb that the viewer reaches a case
// restricted to it: vb is the viewer's own branch or above it, or within
// a subtree their grants to read or review cases cover.
func (v *viewer) reach() clause.Expression {
	var ors []clause.Expression
	if anc := ancestors(v.p.BranchPath); len(anc) > 0 {
		ors = append(ors, clause.Expr{SQL: "vb.path IN ?", Vars: []any{anc}})
	}
	for _, sc := range append(append([]string{}, v.read...), v.review...) {
		lo, hi := authz.PathRange(sc)
		ors = append(ors, clause.Expr{SQL: "(vb.path >= ? AND vb.path < ?)", Vars: []any{lo, hi}})
	}
	if len(ors) == 0 {
		return clause.Expr{SQL: "1 = 0"}
	}
	return clause.Or(ors...)
}
