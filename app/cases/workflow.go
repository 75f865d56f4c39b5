package cases

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// Notification kinds the author receives.
const (
	NotifyApproved = "cases.approved"
	NotifyReturned = "cases.returned"
)

// DefaultReviewMonths is how long a published case stays verified unless
// the reviewer sets a date.
const DefaultReviewMonths = 12

// decide runs one workflow step on a case in a transaction: it loads the
// case, answers 404 when the caller may not see it, lets check refuse
// (403 or 409) and change it, then writes the changed columns, the audit
// entry and, when note is set, the comment.
func (s *Service) decide(ctx context.Context, p *access.Principal, id int64, action string,
	check func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error),
	after func(tx *gorm.DB, r *caseRow, now time.Time) error) (*Detail, error) {
	v, err := s.viewer(ctx, p)
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
		before := map[string]any{"status": r.Status, "featured": r.Featured, "review_by": r.ReviewBy, "vis_branch_id": r.VisBranchID}
		changes, comment, err := check(v, r, now)
		if err != nil {
			return err
		}
		changes["updated_at"] = now
		res := tx.Model(&Case{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND status = ?", id, r.Status).Updates(changes)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return apperr.Conflict("the case was changed at the same moment; reload it")
		}
		if comment != nil {
			comment.TenantID, comment.CaseID, comment.ByID, comment.ByName, comment.CreatedAt = p.TenantID, id, p.UserID, p.DisplayName, now
			if err := tx.Create(comment).Error; err != nil {
				return err
			}
		}
		delete(changes, "updated_at")
		if err := audit.Record(ctx, tx, audit.By(p), now, "cases.case."+action, "case", fmt.Sprint(id), before, changes); err != nil {
			return err
		}
		if after != nil {
			return after(tx, r, now)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, p, id)
}

func requireStatus(r *caseRow, want ...string) error {
	for _, w := range want {
		if r.Status == w {
			return nil
		}
	}
	return apperr.Conflict("this step does not apply to the case in its present status", apperr.Field{Location: "path.id", Message: "the case is {status}", Args: apperr.Args{"status": r.Status}})
}

// Submit sends the author's draft or returned case to review.
func (s *Service) Submit(ctx context.Context, p *access.Principal, id int64) (*Detail, error) {
	if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
		return nil, err
	}
	return s.decide(ctx, p, id, "submit", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if r.AuthorID != p.UserID {
			return nil, nil, forbidden("only the author submits a case")
		}
		if err := requireStatus(r, Draft, Returned); err != nil {
			return nil, nil, err
		}
		if err := r.readyToSubmit(); err != nil {
			return nil, nil, err
		}
		return map[string]any{"status": Submitted, "submitted_at": now}, nil, nil
	}, nil)
}

// reviewable refuses what a reviewer may not decide: a case outside their
// subtree is not seen at all (404, by decide); their own case is 403.
func reviewable(v *viewer, r *caseRow) error {
	if r.AuthorID == v.p.UserID {
		return forbidden("nobody reviews their own case")
	}
	if !v.reviews(r.BranchPath) {
		return forbidden("only a manager of the author's branch or HR reviews a case")
	}
	return requireStatus(r, Submitted)
}

func checkComment(text string, required bool) (string, error) {
	text = strings.TrimSpace(text)
	if required && text == "" {
		return "", apperr.Invalid(apperr.Field{Location: "body.comment", Message: "required"})
	}
	if utf8.RuneCountInString(text) > 2000 {
		return "", apperr.Invalid(apperr.Field{Location: "body.comment", Message: "at most {max} characters", Args: apperr.Args{"max": 2000}})
	}
	return text, nil
}

// Approve publishes a submitted case; reviewBy (optional) is when it is
// due for re-verification, a year from now when not given.
func (s *Service) Approve(ctx context.Context, p *access.Principal, id int64, comment string, reviewBy *time.Time) (*Detail, error) {
	if err := s.Guard.Can(ctx, p, PermReview); err != nil {
		return nil, err
	}
	text, err := checkComment(comment, false)
	if err != nil {
		return nil, err
	}
	return s.decide(ctx, p, id, "approve", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if err := reviewable(v, r); err != nil {
			return nil, nil, err
		}
		due := now.AddDate(0, DefaultReviewMonths, 0)
		if reviewBy != nil {
			if !reviewBy.After(now) {
				return nil, nil, apperr.Invalid(apperr.Field{Location: "body.review_by", Message: "must be in the future"})
			}
			due = reviewBy.UTC()
		}
		ch := map[string]any{"status": Published, "review_by": due}
		if r.PublishedAt == nil {
			ch["published_at"] = now
		}
		return ch, &Comment{Decision: "approve", Text: text}, nil
	}, func(tx *gorm.DB, r *caseRow, now time.Time) error {
		return notify.Push(tx, p.TenantID, []int64{r.AuthorID}, NotifyApproved, r.ID, map[string]any{"title": r.Title, "by": p.DisplayName}, now)
	})
}

// Return sends a submitted case back to its author with a comment.
func (s *Service) Return(ctx context.Context, p *access.Principal, id int64, comment string) (*Detail, error) {
	if err := s.Guard.Can(ctx, p, PermReview); err != nil {
		return nil, err
	}
	text, err := checkComment(comment, true)
	if err != nil {
		return nil, err
	}
	return s.decide(ctx, p, id, "return", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if err := reviewable(v, r); err != nil {
			return nil, nil, err
		}
		return map[string]any{"status": Returned}, &Comment{Decision: "return", Text: text}, nil
	}, func(tx *gorm.DB, r *caseRow, now time.Time) error {
		return notify.Push(tx, p.TenantID, []int64{r.AuthorID}, NotifyReturned, r.ID, map[string]any{"title": r.Title, "by": p.DisplayName, "comment": text}, now)
	})
}

// Feature marks a published case as a service-star case, or unmarks it.
func (s *Service) Feature(ctx context.Context, p *access.Principal, id int64, featured bool) (*Detail, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	return s.decide(ctx, p, id, "feature", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if err := requireStatus(r, Published); err != nil {
			return nil, nil, err
		}
		return map[string]any{"featured": featured}, nil, nil
	}, nil)
}

// Archive takes a published case out of the library.
func (s *Service) Archive(ctx context.Context, p *access.Principal, id int64) (*Detail, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	return s.decide(ctx, p, id, "archive", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if err := requireStatus(r, Published); err != nil {
			return nil, nil, err
		}
		return map[string]any{"status": Archived, "featured": false}, &Comment{Decision: "archive"}, nil
	}, nil)
}

// Reverify confirms a published case is still right until reviewBy.
func (s *Service) Reverify(ctx context.Context, p *access.Principal, id int64, reviewBy time.Time) (*Detail, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	return s.decide(ctx, p, id, "reverify", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if err := requireStatus(r, Published); err != nil {
			return nil, nil, err
		}
		if !reviewBy.After(now) {
			return nil, nil, apperr.Invalid(apperr.Field{Location: "body.review_by", Message: "must be in the future"})
		}
		return map[string]any{"review_by": reviewBy.UTC()}, &Comment{Decision: "reverify"}, nil
	}, nil)
}

// SetVisibility opens a published case to the whole bank or restricts it
// to a branch subtree, as a manager of the author's branch or HR; the
// branch must be one the caller reviews.
func (s *Service) SetVisibility(ctx context.Context, p *access.Principal, id int64, vis Visibility) (*Detail, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermReview)
	if err != nil {
		return nil, err
	}
	var branch *int64
	var bad error
	switch vis.Scope {
	case "tenant":
	case "subtree":
		if vis.BranchID == nil {
			return nil, apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "required"})
		}
		var paths []string
		if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("id = ?", *vis.BranchID).Pluck("path", &paths).Error; err != nil {
			return nil, err
		}
		// Told only once the case is known to be the caller's to restrict.
		if len(paths) == 0 || !within(paths[0], scopes) {
			bad = apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "no such branch", Value: *vis.BranchID})
		}
		branch = vis.BranchID
	default:
		return nil, apperr.Invalid(apperr.Field{Location: "body.scope", Message: "must be tenant or subtree", Value: vis.Scope})
	}
	return s.decide(ctx, p, id, "visibility", func(v *viewer, r *caseRow, now time.Time) (map[string]any, *Comment, error) {
		if !v.reviews(r.BranchPath) {
			return nil, nil, forbidden("only a manager of the author's branch or HR restricts a case")
		}
		if err := requireStatus(r, Published); err != nil {
			return nil, nil, err
		}
		if bad != nil {
			return nil, nil, bad
		}
		return map[string]any{"vis_branch_id": branch}, nil, nil
	}, nil)
}
