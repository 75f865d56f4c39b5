package attempts

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios"
)

// TurnComment is a coaching comment with the turn of the transcript it is
// about; a comment on the whole attempt has none.
type TurnComment struct {
	Comment
	TurnID string `json:"turn_id" doc:"the turn the comment is about; empty for the whole attempt"`
}

// turnComments lists an attempt's comments with their turns, oldest first.
func (s *Service) turnComments(ctx context.Context, tenantID, attemptID int64) ([]TurnComment, error) {
	out := []TurnComment{}
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("attempt_id = ?", attemptID).Order("created_at, id").Find(&out).Error
	return out, err
}

// AddTurnComment records a reviewer's comment on one turn the employee
// replied to, and tells the employee which turn it is about. A turn the
// attempt never reached is refused: the comment would show nowhere.
func (s *Service) AddTurnComment(ctx context.Context, p *access.Principal, attemptID int64, turnID, body string) (*TurnComment, error) {
	body = strings.TrimSpace(body)
	if body == "" || len([]rune(body)) > 2000 {
		return nil, apperr.Invalid(apperr.Field{Location: "body.body", Message: "1–2000 characters"})
	}
	a, sc, st, err := s.reviewable(ctx, p, attemptID, true)
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(st.Steps, func(x scenarios.Step) bool { return x.Turn == turnID }) {
		return nil, apperr.Invalid(apperr.Field{Location: "path.turn_id", Message: "no such turn in this attempt", Value: turnID})
	}
	c := &TurnComment{Comment: Comment{TenantID: p.TenantID, AttemptID: a.ID, AuthorID: p.UserID, AuthorName: p.DisplayName, Body: body, CreatedAt: s.Now().UTC()}, TurnID: turnID}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(c).Error; err != nil {
			return err
		}
		if a.UserID != p.UserID {
			data := map[string]any{"scenario_key": a.ScenarioID, "title": sc.Title, "by": p.DisplayName, "turn": turnID}
			if err := notify.Push(tx, p.TenantID, []int64{a.UserID}, NotifyCommented, a.ID, data, c.CreatedAt); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.By(p), c.CreatedAt, "training.comment", "attempt", strconv.FormatInt(a.ID, 10), nil, c)
	})
	return c, err
}
