package attempts

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// ReviewRow is an attempt in a reviewer's list.
type ReviewRow struct {
	ID         int64          `json:"id"`
	UserID     int64          `json:"user_id"`
	UserName   string         `json:"user_name"`
	BranchID   int64          `json:"branch_id"`
	BranchName string         `json:"branch_name"`
	ScenarioID string         `json:"scenario_id"`
	Title      scenarios.Text `json:"title"`
	Status     string         `json:"status"`
	Total      *float64       `json:"total"`
	Passed     *bool          `json:"passed"`
	StartedAt  time.Time      `json:"started_at"`
	FinishedAt *time.Time     `json:"finished_at"`
	// Violations and NearMisses count what the attempt recorded; NeedsHumanLook
	// marks a typed reply the grader was unsure of; Comments counts the coaching
	// comments so far.
	Violations     int   `json:"violations"`
	NearMisses     int   `json:"near_misses"`
	NeedsHumanLook bool  `json:"needs_human_look"`
	Comments       int64 `json:"comments"`
}

// ReviewFilter narrows a review list. The flags each keep only the attempts that
// have it; together, those that have them all.
type ReviewFilter struct {
	BranchID   int64
	ScenarioID string
	Status     string
	// Violations: at least one violation. NearMisses: at least one near miss.
	// HumanLook: marked for a human look. Uncommented: no comment yet.
	Violations, NearMisses, HumanLook, Uncommented bool
	Page                                           int
	PageSize                                       int
}

// commentCount counts an attempt's comments in the review list's query.
const commentCount = `(SELECT COUNT(*) FROM training_comments c
	WHERE c.tenant_id = training_attempts.tenant_id AND c.attempt_id = training_attempts.id)`

// uncommented keeps the attempts nobody has commented on yet.
const uncommented = `NOT EXISTS (SELECT 1 FROM training_comments c
	WHERE c.tenant_id = training_attempts.tenant_id AND c.attempt_id = training_attempts.id)`

// reviewScopes are the subtrees where p may read attempts: managers and HR
// review (and comment), auditors inspect (read only).
func (s *Service) reviewScopes(ctx context.Context, p *access.Principal) ([]string, error) {
	return s.Guard.ScopesAny(ctx, p, training.PermReview, training.PermInspect)
}

func covered(scopes []string, path string) bool {
	for _, sc := range scopes {
		if authz.Covers(sc, path) {
			return true
		}
	}
	return false
}

// Reviews pages the attempts made in the reviewer's branches (the branch
// where the employee worked when the attempt started).
func (s *Service) Reviews(ctx context.Context, p *access.Principal, f ReviewFilter) ([]ReviewRow, int64, error) {
	scopes, err := s.reviewScopes(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	q := s.DB.R.WithContext(ctx).Model(&Attempt{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN branches b ON b.tenant_id = training_attempts.tenant_id AND b.id = training_attempts.branch_id").
		Joins("JOIN users u ON u.tenant_id = training_attempts.tenant_id AND u.id = training_attempts.user_id")
	q = authz.InSubtrees(q, "b.path", scopes)
	if f.BranchID > 0 {
		var path string
		if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("id = ?", f.BranchID).Pluck("path", &path).Error; err != nil {
			return nil, 0, err
		}
		if path == "" || !covered(scopes, path) {
			return nil, 0, apperr.NotFound("branch")
		}
		lo, hi := authz.PathRange(path)
		q = q.Where("b.path >= ? AND b.path < ?", lo, hi)
	}
	if f.ScenarioID != "" {
		q = q.Where("training_attempts.scenario_id = ?", f.ScenarioID)
	}
	if f.Status != "" {
		q = q.Where("training_attempts.status = ?", f.Status)
	}
	if f.Violations {
		q = q.Where("training_attempts.violations > 0")
	}
	if f.NearMisses {
		q = q.Where("training_attempts.near_misses > 0")
	}
	if f.HumanLook {
		q = q.Where("training_attempts.needs_human_look = ?", true)
	}
	if f.Uncommented {
		q = q.Where(uncommented)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var rows []struct {
		Attempt
		UserName     string
		BranchName   string
		CommentCount int64
	}
	err = q.Select("training_attempts.*, u.display_name AS user_name, b.name AS branch_name, ? AS comment_count", gorm.Expr(commentCount)).
		Order("training_attempts.started_at DESC, training_attempts.id DESC").
		Offset((f.Page - 1) * f.PageSize).Limit(f.PageSize).Scan(&rows).Error
	if err != nil {
		return nil, 0, err
	}
	out := make([]ReviewRow, len(rows))
	for i, r := range rows {
		out[i] = ReviewRow{ID: r.ID, UserID: r.UserID, UserName: r.UserName, BranchID: r.BranchID, BranchName: r.BranchName,
			ScenarioID: r.ScenarioID, Status: r.Status, Total: r.Total, Passed: r.Passed, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt,
			Violations: r.Violations, NearMisses: r.NearMisses, NeedsHumanLook: r.NeedsHumanLook, Comments: r.CommentCount}
		if sc, err := s.Catalogue.At(ctx, p.TenantID, r.ScenarioID, r.ScenarioVersion); err == nil {
			out[i].Title = sc.Title
		}
	}
	return out, total, nil
}

// reviewable loads an attempt of the tenant that p may read as a reviewer,
// with the branch path it belongs to.
func (s *Service) reviewable(ctx context.Context, p *access.Principal, id int64, comment bool) (*Attempt, *scenarios.Scenario, scenarios.State, error) {
	var st scenarios.State
	var scopes []string
	var err error
	if comment { // writing needs review; reading accepts inspect too
		scopes, err = s.Guard.Scopes(ctx, p, training.PermReview)
	} else {
		scopes, err = s.reviewScopes(ctx, p)
	}
	if err != nil {
		return nil, nil, st, err
	}
	var a Attempt
	err = s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, st, apperr.NotFound("attempt")
	}
	if err != nil {
		return nil, nil, st, err
	}
	var path string
	if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("id = ?", a.BranchID).Pluck("path", &path).Error; err != nil {
		return nil, nil, st, err
	}
	if !covered(scopes, path) {
		return nil, nil, st, apperr.NotFound("attempt")
	}
	sc, err := s.Catalogue.At(ctx, p.TenantID, a.ScenarioID, a.ScenarioVersion)
	if err != nil {
		return nil, nil, st, err
	}
	if err := json.Unmarshal([]byte(a.StateJSON), &st); err != nil {
		return nil, nil, st, err
	}
	return &a, sc, st, nil
}

// Comments lists an attempt's coaching comments, oldest first.
func (s *Service) Comments(ctx context.Context, tenantID, attemptID int64) ([]Comment, error) {
	out := []Comment{}
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("attempt_id = ?", attemptID).Order("created_at, id").Find(&out).Error
	return out, err
}

// AddComment records a reviewer's coaching comment.
func (s *Service) AddComment(ctx context.Context, p *access.Principal, attemptID int64, body string) (*Comment, error) {
	body = strings.TrimSpace(body)
	if body == "" || len([]rune(body)) > 2000 {
		return nil, apperr.Invalid(apperr.Field{Location: "body.body", Message: "1–2000 characters"})
	}
	a, sc, _, err := s.reviewable(ctx, p, attemptID, true)
	if err != nil {
		return nil, err
	}
	c := &Comment{TenantID: p.TenantID, AttemptID: a.ID, AuthorID: p.UserID, AuthorName: p.DisplayName, Body: body, CreatedAt: s.Now().UTC()}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(c).Error; err != nil {
			return err
		}
		if a.UserID != p.UserID { // the taker hears of coaching on their attempt
			data := map[string]any{"scenario_key": a.ScenarioID, "title": sc.Title, "by": p.DisplayName}
			if err := notify.Push(tx, p.TenantID, []int64{a.UserID}, NotifyCommented, a.ID, data, c.CreatedAt); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.By(p), c.CreatedAt, "training.comment", "attempt", strconv.FormatInt(a.ID, 10), nil, c)
	})
	return c, err
}

// names returns the display name of a user and the name of a branch.
func (s *Service) names(ctx context.Context, tenantID, userID, branchID int64) (user, branch string, err error) {
	db := s.DB.R.WithContext(ctx)
	if err = db.Table("users").Scopes(store.Tenant(tenantID)).Where("id = ?", userID).Pluck("display_name", &user).Error; err != nil {
		return "", "", err
	}
	err = db.Table("branches").Scopes(store.Tenant(tenantID)).Where("id = ?", branchID).Pluck("name", &branch).Error
	return user, branch, err
}

// NotifyCommented tells an employee a reviewer commented on their attempt.
const NotifyCommented = "training.commented"
