package suggestions

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// SuggestionIn is a suggestion as its author writes it.
type SuggestionIn struct {
	Title           string `json:"title" maxLength:"200"`
	Problem         string `json:"problem" maxLength:"5000"`
	Proposal        string `json:"proposal" maxLength:"5000"`
	ExpectedBenefit string `json:"expected_benefit" maxLength:"5000"`
	Process         string `json:"process" maxLength:"200" doc:"the process or business line it changes"`
}

func (in *SuggestionIn) check() error {
	var fs []apperr.Field
	text := func(loc string, v *string, maxLen int) {
		*v = strings.TrimSpace(*v)
		if n := utf8.RuneCountInString(*v); n == 0 || n > maxLen {
			fs = append(fs, apperr.Field{Location: loc, Message: "1–{max} characters", Args: apperr.Args{"max": maxLen}})
		}
	}
	text("body.title", &in.Title, 200)
	text("body.problem", &in.Problem, 5000)
	text("body.proposal", &in.Proposal, 5000)
	text("body.expected_benefit", &in.ExpectedBenefit, 5000)
	text("body.process", &in.Process, 200)
	if len(fs) > 0 {
		return apperr.Invalid(fs...)
	}
	return nil
}

// Submit records a new suggestion by p, from p's branch.
func (s *Service) Submit(ctx context.Context, p *access.Principal, in SuggestionIn) (*SuggestionDetail, error) {
	if err := s.Guard.Require(ctx, p, p.BranchPath, PermSubmit, "suggestion"); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	sg := Suggestion{TenantID: p.TenantID, AuthorID: p.UserID, BranchID: p.BranchID, Title: in.Title, Problem: in.Problem,
		Proposal: in.Proposal, ExpectedBenefit: in.ExpectedBenefit, Process: in.Process, State: Submitted, CreatedAt: now, UpdatedAt: now}
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&sg).Error; err != nil {
			return err
		}
		if err := tx.Create(&SuggestionEvent{TenantID: p.TenantID, SuggestionID: sg.ID, Action: "submit", ByID: p.UserID, ByName: p.DisplayName, At: now}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "suggestions.submit", "suggestion", fmt.Sprint(sg.ID), nil, sg)
	})
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, p, sg.ID)
}

var errNotReturned = errors.New("not returned")

// Edit changes a returned suggestion, by its author, and submits it again.
func (s *Service) Edit(ctx context.Context, p *access.Principal, id int64, in SuggestionIn) (*SuggestionDetail, error) {
	if err := s.Guard.Can(ctx, p, PermSubmit); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var cur []Suggestion
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ? AND author_id = ?", id, p.UserID).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		// Only the author edits; anyone else's answers like a missing one.
		if len(cur) == 0 {
			return apperr.NotFound("suggestion")
		}
		if cur[0].State != Returned {
			return errNotReturned
		}
		if err := in.check(); err != nil {
			return err
		}
		before, after := cur[0], cur[0]
		after.Title, after.Problem, after.Proposal, after.ExpectedBenefit, after.Process = in.Title, in.Problem, in.Proposal, in.ExpectedBenefit, in.Process
		after.State, after.UpdatedAt = Submitted, now
		res := tx.Model(&Suggestion{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND state = ?", id, Returned).Updates(map[string]any{
			"title": after.Title, "problem": after.Problem, "proposal": after.Proposal, "expected_benefit": after.ExpectedBenefit,
			"process": after.Process, "state": Submitted, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errNotReturned
		}
		if err := tx.Create(&SuggestionEvent{TenantID: p.TenantID, SuggestionID: id, Action: "resubmit", ByID: p.UserID, ByName: p.DisplayName, At: now}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "suggestions.resubmit", "suggestion", fmt.Sprint(id), before, after)
	})
	if errors.Is(err, errNotReturned) {
		return nil, apperr.Conflict("only a suggestion returned to its author can be edited")
	}
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, p, id)
}
