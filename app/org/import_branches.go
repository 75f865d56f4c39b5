package org

import (
	"context"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// ImportBranches creates or renames branches from a file, all or nothing.
// Parents may appear anywhere in the file; an existing branch whose parent
// differs is reported, not moved (moves go through the tree page, with care).
func (s *Service) ImportBranches(ctx context.Context, p *access.Principal, filename string, data []byte, dryRun bool) (*ImportReport, error) {
	if _, err := s.Guard.Scopes(ctx, p, PermBranchesWrite); err != nil {
		return nil, err
	}
	t, err := readTable(filename, data, BranchImportColumns)
	if err != nil {
		return nil, err
	}
	rep := &ImportReport{DryRun: dryRun}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var branches []Branch
		if err := tx.Scopes(store.Tenant(p.TenantID)).Find(&branches).Error; err != nil {
			return err
		}
		byCode := map[string]*Branch{}
		for i := range branches {
			byCode[branches[i].Code] = &branches[i]
		}
		type pending struct {
			n                  int
			code, name, parent string
		}
		var todo []pending
		seen := map[string]int{}
		for i, row := range t.rows {
			if row == nil {
				continue
			}
			r := pending{i + 2, t.get(row, "code"), t.get(row, "name"), t.get(row, "parent_code")}
			res := RowResult{Row: r.n, Key: r.code}
			for _, f := range validateBranchFields(r.code, r.name, "") {
				res.Errors = append(res.Errors, fieldRowProblem(f))
			}
			if prev, dup := seen[r.code]; dup {
				res.Errors = append(res.Errors, rowProblem("code", "repeats row {row}", apperr.Args{"row": prev}))
			}
			seen[r.code] = r.n
			if r.parent == "" {
				res.Errors = append(res.Errors, rowProblem("parent_code", "required (the head office is created with the bank)", nil))
			}
			if len(res.Errors) > 0 {
				res.Status = RowError
				rep.add(res)
				continue
			}
			todo = append(todo, r)
		}
		now := s.Now().UTC()
		// Apply in passes so a parent defined later in the file is created first.
		for len(todo) > 0 {
			var next []pending
			progress := false
			for _, r := range todo {
				parent := byCode[r.parent]
				if parent == nil {
					next = append(next, r)
					continue
				}
				progress = true
				res := RowResult{Row: r.n, Key: r.code}
				if ok, err := s.Guard.Allows(ctx, p, parent.Path, PermBranchesWrite); err != nil || !ok {
					res.Status, res.Errors = RowError, []RowProblem{rowProblem("parent_code", "you may not manage this part of the tree", nil)}
					rep.add(res)
					continue
				}
				if b := byCode[r.code]; b != nil {
					switch {
					case b.ParentID == nil || *b.ParentID != parent.ID:
						res.Status, res.Errors = RowError, []RowProblem{rowProblem("parent_code", "the branch exists under another parent; move it in the branch tree", nil)}
					case b.Name == r.name:
						res.Status = RowUnchanged
					default:
						if err := tx.Model(b).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"name": r.name, "updated_at": now}).Error; err != nil {
							return err
						}
						b.Name = r.name
						res.Status = RowUpdated
					}
					rep.add(res)
					continue
				}
				if parent.ClosedAt != nil {
					res.Status, res.Errors = RowError, []RowProblem{rowProblem("parent_code", "the parent branch is closed", nil)}
					rep.add(res)
					continue
				}
				nb, err := insertBranch(tx, p.TenantID, parent, r.code, r.name, now)
				if err != nil {
					return err
				}
				byCode[r.code] = nb
				res.Status = RowCreated
				rep.add(res)
			}
			if !progress {
				for _, r := range next {
					rep.add(RowResult{Row: r.n, Key: r.code, Status: RowError, Errors: []RowProblem{rowProblem("parent_code", "no branch with this code (in the bank or the file)", nil)}})
				}
				break
			}
			todo = next
		}
		rep.finish()
		if !rep.OK || dryRun {
			return errRollback
		}
		if rep.Created+rep.Updated > 0 {
			return audit.Record(ctx, tx, audit.By(p), now, "branch.import", "branch", filename, nil,
				map[string]int{"created": rep.Created, "updated": rep.Updated, "unchanged": rep.Unchanged})
		}
		return nil
	})
	return importOutcome(rep, err)
}
