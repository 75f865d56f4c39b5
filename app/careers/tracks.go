package careers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scoring"
)

// CareerTrackView is a track with its levels in rank order.
type CareerTrackView struct {
	CareerTrack
	Levels []CareerLevelView `json:"levels"`
}

// CareerLevelView is a level with its requirements in order.
type CareerLevelView struct {
	CareerLevel
	Requirements []CareerRequirement `json:"requirements"`
}

// CareerRequirement is one requirement: its kind, its parameters and the
// words a list shows for it.
type CareerRequirement struct {
	Kind    string          `json:"kind" enum:"tenure_months,kpi_composite,scenario_category,cases_published,awards,suggestions_adopted"`
	Params  json.RawMessage `json:"params"`
	LabelZh string          `json:"label_zh"`
	LabelEn string          `json:"label_en"`
	req     scoring.Requirement
}

// CareerTrackIn is a track as HR writes it.
type CareerTrackIn struct {
	Code   string `json:"code" maxLength:"64"`
	Kind   string `json:"kind" enum:"management,expert"`
	NameZh string `json:"name_zh" maxLength:"100"`
	NameEn string `json:"name_en" maxLength:"100"`
}

// CareerRequirementIn is a requirement as HR writes it. Params hold the kind's
// numbers: count (tenure_months, scenario_category, cases_published,
// awards, suggestions_adopted), category (scenario_category), type_code
// (awards, optional), period_kind, periods and min_milli (kpi_composite:
// every one of the last periods has a composite ≥ min_milli thousandths).
type CareerRequirementIn struct {
	Kind   string         `json:"kind" maxLength:"32"`
	Params map[string]any `json:"params"`
}

// CareerLevelIn is a level as HR writes it, with its whole list of requirements
// (the list replaces the level's).
type CareerLevelIn struct {
	Rank         int                   `json:"rank" minimum:"1" maximum:"100"`
	Code         string                `json:"code" maxLength:"64"`
	NameZh       string                `json:"name_zh" maxLength:"100"`
	NameEn       string                `json:"name_en" maxLength:"100"`
	Requirements []CareerRequirementIn `json:"requirements" maxItems:"20"`
}

var codePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

func checkName(fs []apperr.Field, loc, v string) []apperr.Field {
	if n := utf8.RuneCountInString(strings.TrimSpace(v)); n == 0 || n > 100 {
		fs = append(fs, apperr.Field{Location: loc, Message: "1–100 characters", Value: v})
	}
	return fs
}

func (in *CareerTrackIn) check() error {
	var fs []apperr.Field
	if !codePattern.MatchString(in.Code) {
		fs = append(fs, apperr.Field{Location: "body.code", Message: "lower-case letters, digits and '_', starting with a letter (at most 64)", Value: in.Code})
	}
	if in.Kind != KindManagement && in.Kind != KindExpert {
		fs = append(fs, apperr.Field{Location: "body.kind", Message: "must be management or expert", Value: in.Kind})
	}
	fs = checkName(fs, "body.name_zh", in.NameZh)
	fs = checkName(fs, "body.name_en", in.NameEn)
	if len(fs) > 0 {
		return apperr.Invalid(fs...)
	}
	in.NameZh, in.NameEn = strings.TrimSpace(in.NameZh), strings.TrimSpace(in.NameEn)
	return nil
}

// parseRequirements turns what HR wrote into checked requirements, or a 422
// naming each bad field ("body.requirements[1].params.count").
func parseRequirements(in []CareerRequirementIn) ([]scoring.Requirement, []apperr.Field) {
	var fs []apperr.Field
	out := make([]scoring.Requirement, 0, len(in))
	for i, ri := range in {
		loc := fmt.Sprintf("body.requirements[%d]", i)
		r := scoring.Requirement{}
		blob, _ := json.Marshal(ri.Params)
		dec := json.NewDecoder(bytes.NewReader(blob))
		dec.DisallowUnknownFields()
		if ri.Params != nil {
			if err := dec.Decode(&r); err != nil {
				fs = append(fs, apperr.Field{Location: loc + ".params", Message: "unknown or mistyped parameter"})
				continue
			}
		}
		r.Kind = ri.Kind
		for _, p := range r.Validate(scenarios.Categories) {
			fs = append(fs, requirementField(loc, p))
		}
		out = append(out, r)
	}
	return out, fs
}

func (in *CareerLevelIn) check() ([]scoring.Requirement, error) {
	var fs []apperr.Field
	if !codePattern.MatchString(in.Code) {
		fs = append(fs, apperr.Field{Location: "body.code", Message: "lower-case letters, digits and '_', starting with a letter (at most 64)", Value: in.Code})
	}
	if in.Rank < 1 || in.Rank > 100 {
		fs = append(fs, apperr.Field{Location: "body.rank", Message: "between {min} and {max}", Args: apperr.Args{"min": 1, "max": 100}, Value: in.Rank})
	}
	fs = checkName(fs, "body.name_zh", in.NameZh)
	fs = checkName(fs, "body.name_en", in.NameEn)
	reqs, rfs := parseRequirements(in.Requirements)
	fs = append(fs, rfs...)
	if len(fs) > 0 {
		return nil, apperr.Invalid(fs...)
	}
	in.NameZh, in.NameEn = strings.TrimSpace(in.NameZh), strings.TrimSpace(in.NameEn)
	return reqs, nil
}

func requirementView(r scoring.Requirement) CareerRequirement {
	params, _ := json.Marshal(r)
	zh, en := r.Label()
	return CareerRequirement{Kind: r.Kind, Params: params, LabelZh: zh, LabelEn: en, req: r}
}

func rowToRequirement(row RequirementRow) scoring.Requirement {
	var r scoring.Requirement
	_ = json.Unmarshal(row.Params, &r)
	r.Kind = row.Kind
	return r
}

// Tracks lists the bank's tracks with their levels and requirements: what
// every careers screen shows.
func (s *Service) Tracks(ctx context.Context, p *access.Principal) ([]CareerTrackView, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermSelf, PermReview, PermManage); err != nil {
		return nil, err
	}
	return s.tracks(ctx, s.DB.R, p.TenantID)
}

func (s *Service) tracks(ctx context.Context, db *gorm.DB, tenantID int64) ([]CareerTrackView, error) {
	var ts []CareerTrack
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Order("kind, id").Find(&ts).Error; err != nil {
		return nil, err
	}
	var ls []CareerLevel
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Order("track_id, rank").Find(&ls).Error; err != nil {
		return nil, err
	}
	var rs []RequirementRow
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Order("level_id, seq").Find(&rs).Error; err != nil {
		return nil, err
	}
	reqs := map[int64][]CareerRequirement{}
	for _, r := range rs {
		reqs[r.LevelID] = append(reqs[r.LevelID], requirementView(rowToRequirement(r)))
	}
	levels := map[int64][]CareerLevelView{}
	for _, l := range ls {
		rv := reqs[l.ID]
		if rv == nil {
			rv = []CareerRequirement{}
		}
		levels[l.TrackID] = append(levels[l.TrackID], CareerLevelView{CareerLevel: l, Requirements: rv})
	}
	out := make([]CareerTrackView, 0, len(ts))
	for _, t := range ts {
		lv := levels[t.ID]
		if lv == nil {
			lv = []CareerLevelView{}
		}
		out = append(out, CareerTrackView{CareerTrack: t, Levels: lv})
	}
	return out, nil
}

// SaveTrack creates (id 0) or changes a track, as HR.
func (s *Service) SaveTrack(ctx context.Context, p *access.Principal, id int64, in CareerTrackIn) (*CareerTrack, error) {
	if err := s.Guard.Require(ctx, p, p.BranchPath, PermManage, "track"); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var out CareerTrack
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var before *CareerTrack
		if id > 0 {
			var cur []CareerTrack
			if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&cur).Error; err != nil {
				return err
			}
			if len(cur) == 0 {
				return apperr.NotFound("track")
			}
			before, out = &cur[0], cur[0]
		} else {
			out = CareerTrack{TenantID: p.TenantID, CreatedAt: now}
		}
		var clash int64
		if err := tx.Model(&CareerTrack{}).Scopes(store.Tenant(p.TenantID)).Where("code = ? AND id <> ?", in.Code, id).Count(&clash).Error; err != nil {
			return err
		}
		if clash > 0 {
			return apperr.Conflict("a track with this code exists", apperr.Field{Location: "body.code", Message: "already used", Value: in.Code})
		}
		out.Code, out.Kind, out.NameZh, out.NameEn, out.UpdatedAt = in.Code, in.Kind, in.NameZh, in.NameEn, now
		if err := tx.Save(&out).Error; err != nil {
			return err
		}
		action := "careers.track.create"
		if before != nil {
			action = "careers.track.update"
		}
		return audit.Record(ctx, tx, audit.By(p), now, action, "career_track", fmt.Sprint(out.ID), before, out)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// SaveLevel creates a level of track trackID (levelID 0) or changes level
// levelID, with its whole list of requirements, as HR.
func (s *Service) SaveLevel(ctx context.Context, p *access.Principal, trackID, levelID int64, in CareerLevelIn) (*CareerLevelView, error) {
	if err := s.Guard.Require(ctx, p, p.BranchPath, PermManage, "level"); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var out CareerLevelView
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var before *CareerLevelView
		if levelID > 0 {
			var cur []CareerLevel
			if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", levelID).Limit(1).Find(&cur).Error; err != nil {
				return err
			}
			if len(cur) == 0 {
				return apperr.NotFound("level")
			}
			old, err := s.requirementsOf(ctx, tx, p.TenantID, levelID)
			if err != nil {
				return err
			}
			before = &CareerLevelView{CareerLevel: cur[0], Requirements: old}
			out.CareerLevel, trackID = cur[0], cur[0].TrackID
		} else {
			var n int64
			if err := tx.Model(&CareerTrack{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", trackID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return apperr.NotFound("track")
			}
			out.CareerLevel = CareerLevel{TenantID: p.TenantID, TrackID: trackID, CreatedAt: now}
		}
		reqs, err := in.check()
		if err != nil {
			return err
		}
		var clashes []CareerLevel
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("track_id = ? AND id <> ? AND (code = ? OR rank = ?)", trackID, levelID, in.Code, in.Rank).Find(&clashes).Error; err != nil {
			return err
		}
		for _, c := range clashes {
			if c.Code == in.Code {
				return apperr.Conflict("a level with this code exists", apperr.Field{Location: "body.code", Message: "already used", Value: in.Code})
			}
			return apperr.Conflict("a level with this rank exists", apperr.Field{Location: "body.rank", Message: "already used", Value: in.Rank})
		}
		out.Rank, out.Code, out.NameZh, out.NameEn, out.UpdatedAt = in.Rank, in.Code, in.NameZh, in.NameEn, now
		if err := tx.Save(&out.CareerLevel).Error; err != nil {
			return err
		}
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("level_id = ?", out.ID).Delete(&RequirementRow{}).Error; err != nil {
			return err
		}
		out.Requirements = make([]CareerRequirement, 0, len(reqs))
		for i, r := range reqs {
			v := requirementView(r)
			row := RequirementRow{TenantID: p.TenantID, LevelID: out.ID, Seq: i + 1, Kind: r.Kind, Params: v.Params}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			out.Requirements = append(out.Requirements, v)
		}
		action := "careers.level.create"
		if before != nil {
			action = "careers.level.update"
		}
		return audit.Record(ctx, tx, audit.By(p), now, action, "career_level", fmt.Sprint(out.ID), before, out)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

func (s *Service) requirementsOf(ctx context.Context, db *gorm.DB, tenantID, levelID int64) ([]CareerRequirement, error) {
	var rs []RequirementRow
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("level_id = ?", levelID).Order("seq").Find(&rs).Error; err != nil {
		return nil, err
	}
	out := make([]CareerRequirement, 0, len(rs))
	for _, r := range rs {
		out = append(out, requirementView(rowToRequirement(r)))
	}
	return out, nil
}

// requirementField places a requirement's problem in the request, with the
// catalogue's text of each of scoring.Requirement.Validate's messages.
func requirementField(loc string, p scoring.RequirementProblem) apperr.Field {
	f := apperr.Field{Location: loc + ".params." + p.Param}
	switch p.Param {
	case "kind":
		f.Location, f.Message = loc+".kind", "not a requirement kind"
	case "count":
		f.Message = "a whole number from 1 to 1000"
	case "category":
		f.Message = "not a scenario category"
	case "type_code":
		f.Message = "at most {max} characters"
		f.Args = apperr.Args{"max": 64}
	case "period_kind":
		f.Message = "must be month, quarter or year"
	case "periods":
		f.Message = "a whole number from 1 to 12"
	default:
		f.Message = "from 0 to 100000 (thousandths of a point)"
	}
	return f
}
