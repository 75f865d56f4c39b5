package cases

import (
	"context"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// RatingOut is a case's rating after the caller rated it.
type RatingOut struct {
	RatingAvgMilli *int  `json:"rating_avg_milli"`
	RatingCount    int64 `json:"rating_count"`
	MyRating       int   `json:"my_rating"`
}

// published loads a published case p may read, or 404.
func (s *Service) published(ctx context.Context, tx *gorm.DB, p *access.Principal, id int64) (*caseRow, error) {
	v, err := s.viewer(ctx, p)
	if err != nil {
		return nil, err
	}
	r, err := s.load(ctx, tx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	if r == nil || !v.sees(r) {
		return nil, apperr.NotFound("case")
	}
	if r.Status != Published {
		return nil, apperr.Conflict("only a published case can be rated or counted")
	}
	return r, nil
}

// Rate gives a published case 1–5 stars, once per person; rating again
// changes the person's stars. The case's sum and count move in the same
// transaction, so they always equal a recount.
func (s *Service) Rate(ctx context.Context, p *access.Principal, id int64, stars int) (*RatingOut, error) {
	if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
		return nil, err // staff rate; an auditor reads and changes nothing
	}
	if stars < 1 || stars > 5 {
		return nil, apperr.Invalid(apperr.Field{Location: "body.stars", Message: "between {min} and {max}", Args: apperr.Args{"min": 1, "max": 5}, Value: stars})
	}
	now := s.Now().UTC()
	var out RatingOut
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		r, err := s.published(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if r.AuthorID == p.UserID {
			return forbidden("authors do not rate their own case")
		}
		var old []Rating
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("case_id = ? AND user_id = ?", id, p.UserID).Limit(1).Find(&old).Error; err != nil {
			return err
		}
		dSum, dCount := int64(stars), int64(1)
		if len(old) == 1 {
			dSum, dCount = int64(stars-old[0].Stars), 0
			if err := tx.Model(&Rating{}).Scopes(store.Tenant(p.TenantID)).Where("case_id = ? AND user_id = ?", id, p.UserID).
				Updates(map[string]any{"stars": stars, "updated_at": now}).Error; err != nil {
				return err
			}
		} else if err := tx.Create(&Rating{TenantID: p.TenantID, CaseID: id, UserID: p.UserID, Stars: stars, CreatedAt: now, UpdatedAt: now}).Error; err != nil {
			return err
		}
		if err := tx.Model(&Case{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Updates(map[string]any{
			"rating_sum": gorm.Expr("rating_sum + ?", dSum), "rating_count": gorm.Expr("rating_count + ?", dCount)}).Error; err != nil {
			return err
		}
		var c Case
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Take(&c).Error; err != nil {
			return err
		}
		out = RatingOut{RatingAvgMilli: avgMilli(c.RatingSum, c.RatingCount), RatingCount: c.RatingCount, MyRating: stars}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// View counts one opening of a published case (the page posts it once per
// open; the GET that reads the case writes nothing). Only staff's readings
// count: an auditor (cases.read alone) inspects the library and changes
// nothing, so theirs answers the same and writes nothing.
func (s *Service) View(ctx context.Context, p *access.Principal, id int64) error {
	staff, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermWrite.Obj, PermWrite.Act)
	if err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if _, err := s.published(ctx, tx, p, id); err != nil {
			return err
		}
		if len(staff) == 0 {
			return nil
		}
		return tx.Model(&Case{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).
			UpdateColumn("views", gorm.Expr("views + 1")).Error
	})
}
