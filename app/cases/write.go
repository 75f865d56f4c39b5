package cases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// snapshot is what a revision keeps: every field the author writes.
type snapshot struct {
	CaseIn
}

func (c *Case) content() CaseIn {
	return CaseIn{Title: c.Title, TitleEN: c.TitleEN, Summary: c.Summary, SummaryEN: c.SummaryEN, Situation: c.Situation, Actions: c.Actions,
		Outcome: c.Outcome, Lesson: c.Lesson, CustomerType: c.CustomerType, BusinessLine: c.BusinessLine, Tags: splitTags(c.Tags)}
}

func (c *Case) apply(in *CaseIn) {
	c.Title, c.TitleEN, c.Summary, c.SummaryEN = in.Title, in.TitleEN, in.Summary, in.SummaryEN
	c.Situation, c.Actions, c.Outcome, c.Lesson = in.Situation, in.Actions, in.Outcome, in.Lesson
	c.CustomerType, c.BusinessLine, c.Tags = in.CustomerType, in.BusinessLine, strings.Join(in.Tags, "\n")
}

// Saved is a case after its author saved it, with what was masked.
type Saved struct {
	Detail
	Masked []Masked `json:"masked"`
}

// Create stores a new draft of p's.
func (s *Service) Create(ctx context.Context, p *access.Principal, in CaseIn) (*Saved, error) {
	if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
		return nil, err
	}
	masked, err := in.clean()
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	c := Case{TenantID: p.TenantID, AuthorID: p.UserID, BranchID: p.BranchID, Status: Draft, Revision: 1, CreatedAt: now, UpdatedAt: now}
	c.apply(&in)
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		if err := s.saveParts(tx, &c, &in, p, "created"); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "cases.case.create", "case", fmt.Sprint(c.ID), nil, map[string]any{"title": c.Title, "revision": 1})
	})
	if err != nil {
		return nil, err
	}
	return s.saved(ctx, p, c.ID, masked)
}

var errStale = errors.New("stale")

// Update saves an edit of p's own draft or returned case. revision is the
// one the author's edit started from: if the case has moved on since, the
// edit is refused with 409 and nothing is stored, so the author can copy
// their text and reload.
func (s *Service) Update(ctx context.Context, p *access.Principal, id int64, revision int, in CaseIn) (*Saved, error) {
	if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
		return nil, err
	}
	v, err := s.viewer(ctx, p)
	if err != nil {
		return nil, err
	}
	masked, err := in.clean()
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx, p.TenantID, id)
		if err != nil {
			return err
		}
		if r == nil || !v.sees(r) {
			return apperr.NotFound("case")
		}
		if r.AuthorID != p.UserID {
			return forbidden("only the author edits a case")
		}
		if r.Status != Draft && r.Status != Returned {
			return apperr.Conflict("only a draft or a returned case can be edited")
		}
		if revision != r.Revision {
			return errStale
		}
		c := r.Case
		c.apply(&in)
		c.Revision, c.UpdatedAt, c.BranchID = r.Revision+1, now, p.BranchID
		res := tx.Model(&Case{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND revision = ?", id, revision).Updates(map[string]any{
			"title": c.Title, "title_en": c.TitleEN, "summary": c.Summary, "summary_en": c.SummaryEN, "situation": c.Situation,
			"actions": c.Actions, "outcome": c.Outcome, "lesson": c.Lesson, "customer_type": c.CustomerType, "business_line": c.BusinessLine,
			"tags": c.Tags, "revision": c.Revision, "branch_id": c.BranchID, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errStale
		}
		if err := s.saveParts(tx, &c, &in, p, "edited"); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "cases.case.update", "case", fmt.Sprint(id),
			map[string]any{"revision": revision}, map[string]any{"revision": c.Revision, "title": c.Title})
	})
	if errors.Is(err, errStale) {
		return nil, s.staleProblem(ctx, p.TenantID, id)
	}
	if err != nil {
		return nil, err
	}
	return s.saved(ctx, p, id, masked)
}

func (s *Service) staleProblem(ctx context.Context, tenantID, id int64) error {
	var cur int
	_ = s.DB.R.WithContext(ctx).Model(&Case{}).Scopes(store.Tenant(tenantID)).Where("id = ?", id).Pluck("revision", &cur).Error
	return apperr.Conflict("the case was changed since you opened it; nothing was saved",
		apperr.Field{Location: "body.revision", Message: "the case is at revision {revision} now", Args: apperr.Args{"revision": cur}})
}

// saveParts writes what goes with every save, in its transaction: the
// tags, the scenario links, a revision with the full content, and the
// search row.
func (s *Service) saveParts(tx *gorm.DB, c *Case, in *CaseIn, p *access.Principal, note string) error {
	if err := tx.Scopes(store.Tenant(c.TenantID)).Where("case_id = ?", c.ID).Delete(&CaseTag{}).Error; err != nil {
		return err
	}
	for _, t := range in.Tags {
		if err := tx.Create(&CaseTag{TenantID: c.TenantID, CaseID: c.ID, Tag: t}).Error; err != nil {
			return err
		}
	}
	if in.ScenarioKeys != nil {
		if err := tx.Scopes(store.Tenant(c.TenantID)).Where("case_id = ?", c.ID).Delete(&ScenarioLink{}).Error; err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, k := range in.ScenarioKeys {
			if seen[k] {
				continue
			}
			seen[k] = true
			if err := tx.Create(&ScenarioLink{TenantID: c.TenantID, CaseID: c.ID, ScenarioKey: k}).Error; err != nil {
				return err
			}
		}
	}
	snap := c.content()
	snap.ScenarioKeys = in.ScenarioKeys
	blob, err := json.Marshal(snapshot{snap})
	if err != nil {
		return err
	}
	if err := tx.Create(&Revision{TenantID: c.TenantID, CaseID: c.ID, Revision: c.Revision, Snapshot: blob, ByID: p.UserID, ByName: p.DisplayName,
		Note: note, CreatedAt: c.UpdatedAt}).Error; err != nil {
		return err
	}
	return index(tx, c)
}

// index writes the case's search row: its tokens and its plain text.
func index(tx *gorm.DB, c *Case) error {
	plain := strings.Join([]string{c.Title, c.TitleEN, c.Summary, c.SummaryEN, PlainText(c.Situation), PlainText(c.Actions),
		PlainText(c.Outcome), PlainText(c.Lesson), strings.ReplaceAll(c.Tags, "\n", " ")}, "\n")
	doc := SearchDoc{TenantID: c.TenantID, CaseID: c.ID, Tokens: strings.Join(Tokens(plain), " "), Plain: plain}
	if err := tx.Scopes(store.Tenant(c.TenantID)).Where("case_id = ?", c.ID).Delete(&SearchDoc{}).Error; err != nil {
		return err
	}
	return tx.Create(&doc).Error
}

func forbidden(msg string) error {
	return &apperr.Problem{Status: 403, Detail: msg}
}

func (s *Service) saved(ctx context.Context, p *access.Principal, id int64, masked []Masked) (*Saved, error) {
	d, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if masked == nil {
		masked = []Masked{}
	}
	return &Saved{Detail: *d, Masked: masked}, nil
}
