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
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// Decisions a reviewer makes.
const (
	DecideReturn = "return"
	DecideReject = "reject"
	DecideAdopt  = "adopt"
)

// Notification kinds.
const (
	NotifyDecided = "suggestions.decided"
	NotifyPaid    = "suggestions.bonus_paid"
)

var errNotWaiting = errors.New("not waiting")

// branchPath is the path of a suggestion's branch.
func branchPath(tx *gorm.DB, tenantID, branchID int64) (string, error) {
	var path string
	err := tx.Table("branches").Scopes(store.Tenant(tenantID)).Where("id = ?", branchID).Pluck("path", &path).Error
	return path, err
}

// Decide returns, rejects or adopts a submitted suggestion, as a manager
// over its branch or HR; never its author. A return asks questions and a
// reject gives the reason, so both need a comment.
func (s *Service) Decide(ctx context.Context, p *access.Principal, id int64, decision, comment string) (*SuggestionDetail, error) {
	if err := s.Guard.Can(ctx, p, PermReview); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var cur []Suggestion
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		if len(cur) == 0 {
			return apperr.NotFound("suggestion")
		}
		sg := cur[0]
		path, err := branchPath(tx, p.TenantID, sg.BranchID)
		if err != nil {
			return err
		}
		if err := s.Guard.Require(ctx, p, path, PermReview, "suggestion"); err != nil {
			return err
		}
		comment = strings.TrimSpace(comment)
		var fs []apperr.Field
		switch decision {
		case DecideReturn, DecideReject:
			if n := utf8.RuneCountInString(comment); n == 0 || n > 2000 {
				fs = append(fs, apperr.Field{Location: "body.comment", Message: "a reason (1–2000 characters) is needed to return or reject"})
			}
		case DecideAdopt:
			if utf8.RuneCountInString(comment) > 2000 {
				fs = append(fs, apperr.Field{Location: "body.comment", Message: "at most {max} characters", Args: apperr.Args{"max": 2000}})
			}
		default:
			fs = append(fs, apperr.Field{Location: "body.decision", Message: "must be return, reject or adopt", Value: decision})
		}
		if len(fs) > 0 {
			return apperr.Invalid(fs...)
		}
		if sg.AuthorID == p.UserID {
			return apperr.Conflict("nobody decides their own suggestion")
		}
		if sg.State != Submitted {
			return errNotWaiting
		}
		before := sg
		state := map[string]string{DecideReturn: Returned, DecideReject: Rejected, DecideAdopt: Adopted}[decision]
		uid := p.UserID
		sg.State, sg.DecidedBy, sg.DecidedByName, sg.DecisionComment, sg.DecidedAt, sg.UpdatedAt = state, &uid, p.DisplayName, comment, &now, now
		res := tx.Model(&Suggestion{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND state = ?", id, Submitted).Updates(map[string]any{
			"state": state, "decided_by": uid, "decided_by_name": p.DisplayName, "decision_comment": comment, "decided_at": now, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errNotWaiting
		}
		if err := tx.Create(&SuggestionEvent{TenantID: p.TenantID, SuggestionID: id, Action: decision, ByID: uid, ByName: p.DisplayName, Comment: comment, At: now}).Error; err != nil {
			return err
		}
		if decision == DecideAdopt {
			if err := tx.Create(&Project{TenantID: p.TenantID, SuggestionID: id, State: ProjectOpen, UpdatedAt: now}).Error; err != nil {
				return err
			}
		}
		if err := audit.Record(ctx, tx, audit.By(p), now, "suggestions."+decision, "suggestion", fmt.Sprint(id), before, sg); err != nil {
			return err
		}
		return notify.Push(tx, p.TenantID, []int64{sg.AuthorID}, NotifyDecided, id,
			map[string]any{"decision": decision, "title": sg.Title, "comment": comment, "by": p.DisplayName}, now)
	})
	if errors.Is(err, errNotWaiting) {
		return nil, apperr.Conflict("the suggestion is not waiting for a decision")
	}
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, p, id)
}
