package careers

import (
	"context"
	"errors"
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

// Notification kinds a person receives about their career.
const (
	NotifyPromoted = "careers.promoted"
	NotifyMoved    = "careers.moved"
)

var errNotPlaced = errors.New("not placed")

func checkNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 1000 {
		return "", apperr.Invalid(apperr.Field{Location: "body.note", Message: "at most {max} characters", Args: apperr.Args{"max": 1000}})
	}
	return note, nil
}

// Promote raises a person to a higher level of their own track, as HR.
func (s *Service) Promote(ctx context.Context, p *access.Principal, userID, levelID int64, note string) (*CareerView, error) {
	return s.place(ctx, p, userID, 0, levelID, note, true)
}

// Move puts a person on a track at a level (their first placement, or a
// move between tracks or levels), as HR.
func (s *Service) Move(ctx context.Context, p *access.Principal, userID, trackID, levelID int64, note string) (*CareerView, error) {
	return s.place(ctx, p, userID, trackID, levelID, note, false)
}

func (s *Service) place(ctx context.Context, p *access.Principal, userID, trackID, levelID int64, note string, promote bool) (*CareerView, error) {
	now := s.Now().UTC()
	var who *person
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var err error
		if who, err = s.manageable(ctx, tx, p, userID); err != nil {
			return err
		}
		if note, err = checkNote(note); err != nil {
			return err
		}
		var ls []CareerLevel
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", levelID).Limit(1).Find(&ls).Error; err != nil {
			return err
		}
		pr, err := s.profile(ctx, tx, p.TenantID, userID)
		if err != nil {
			return err
		}
		placed := pr != nil && pr.TrackID != nil && pr.LevelID != nil
		if promote {
			if !placed {
				return errNotPlaced
			}
			trackID = *pr.TrackID
		}
		if len(ls) == 0 || ls[0].TrackID != trackID {
			if promote {
				return apperr.Invalid(apperr.Field{Location: "body.level_id", Message: "not a level of the person's track", Value: levelID})
			}
			return apperr.Invalid(apperr.Field{Location: "body.level_id", Message: "not a level of this track", Value: levelID})
		}
		to := ls[0]
		action := ActionPlace
		var fromTrack, fromLevel *int64
		if placed {
			fromTrack, fromLevel = pr.TrackID, pr.LevelID
			action = ActionMove
			if *pr.LevelID == to.ID {
				return apperr.Conflict("the person is already at this level")
			}
		}
		if promote {
			var cur CareerLevel
			if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", *pr.LevelID).Take(&cur).Error; err != nil {
				return err
			}
			if to.Rank <= cur.Rank {
				return apperr.Invalid(apperr.Field{Location: "body.level_id", Message: "not above the person's level", Value: levelID})
			}
			action = ActionPromote
		}
		before := pr
		after := Profile{TenantID: p.TenantID, UserID: userID, TrackID: &to.TrackID, LevelID: &to.ID, Since: &now, UpdatedAt: now}
		if pr != nil {
			after.HiredOn = pr.HiredOn
		}
		if err := s.saveProfile(tx, pr != nil, &after); err != nil {
			return err
		}
		uid := p.UserID
		h := CareerHistoryRow{TenantID: p.TenantID, UserID: userID, Action: action, FromTrackID: fromTrack, FromLevelID: fromLevel,
			ToTrackID: to.TrackID, ToLevelID: to.ID, Note: note, ByID: &uid, ByName: p.DisplayName, At: now}
		if err := tx.Create(&h).Error; err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.By(p), now, "careers."+action, "career_profile", fmt.Sprint(userID), before, after); err != nil {
			return err
		}
		kind := NotifyMoved
		if action == ActionPromote {
			kind = NotifyPromoted
		}
		return notify.Push(tx, p.TenantID, []int64{userID}, kind, h.ID,
			map[string]any{"track_id": to.TrackID, "level_id": to.ID, "level": to.NameZh, "level_en": to.NameEn, "by": p.DisplayName}, now)
	})
	if errors.Is(err, errNotPlaced) {
		return nil, apperr.Conflict("the person is on no track yet: move them onto one first")
	}
	if err != nil {
		return nil, err
	}
	return s.career(ctx, p.TenantID, who)
}

func (s *Service) saveProfile(tx *gorm.DB, exists bool, pr *Profile) error {
	if !exists {
		return tx.Create(pr).Error
	}
	return tx.Model(&Profile{}).Scopes(store.Tenant(pr.TenantID)).Where("user_id = ?", pr.UserID).
		Updates(map[string]any{"track_id": pr.TrackID, "level_id": pr.LevelID, "since": pr.Since, "hired_on": pr.HiredOn, "updated_at": pr.UpdatedAt}).Error
}

// SetHireDate records when a person joined the bank (for tenure), as HR.
func (s *Service) SetHireDate(ctx context.Context, p *access.Principal, userID int64, hiredOn string) (*CareerView, error) {
	now := s.Now().UTC()
	var who *person
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var err error
		if who, err = s.manageable(ctx, tx, p, userID); err != nil {
			return err
		}
		d, err := time.Parse(time.DateOnly, hiredOn)
		if err != nil || d.Year() < 1950 || d.After(now) {
			return apperr.Invalid(apperr.Field{Location: "body.hired_on", Message: "a date (yyyy-mm-dd) from 1950 to today", Value: hiredOn})
		}
		pr, err := s.profile(ctx, tx, p.TenantID, userID)
		if err != nil {
			return err
		}
		after := Profile{TenantID: p.TenantID, UserID: userID, HiredOn: &d, UpdatedAt: now}
		if pr != nil {
			after.TrackID, after.LevelID, after.Since = pr.TrackID, pr.LevelID, pr.Since
		}
		if err := s.saveProfile(tx, pr != nil, &after); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "careers.hired_on", "career_profile", fmt.Sprint(userID), pr, after)
	})
	if err != nil {
		return nil, err
	}
	return s.career(ctx, p.TenantID, who)
}
