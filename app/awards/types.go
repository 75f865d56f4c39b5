package awards

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// AwardTypeIn is an award type as HR writes it.
type AwardTypeIn struct {
	Code           string                  `json:"code" maxLength:"64" doc:"lower-case letters, digits, '_' and '-'"`
	NameZh         string                  `json:"name_zh" maxLength:"100"`
	NameEn         string                  `json:"name_en" maxLength:"100"`
	DescriptionZh  string                  `json:"description_zh,omitempty" maxLength:"2000"`
	DescriptionEn  string                  `json:"description_en,omitempty" maxLength:"2000"`
	Badge          string                  `json:"badge" doc:"a name from GET /award-types/badges"`
	Period         string                  `json:"period" enum:"month,quarter,year"`
	Kind           string                  `json:"kind" enum:"rule,nomination"`
	Quota          scoring.AwardQuota      `json:"quota"`
	Rule           *scoring.AwardCondition `json:"rule,omitempty" doc:"kind=rule: the condition tree"`
	ApprovalLevels []string                `json:"approval_levels,omitempty" maxItems:"2" doc:"kind=nomination: parent_manager and/or hr, in order"`
	Active         bool                    `json:"active"`
}

// AwardTypeView is an award type as the API shows it.
type AwardTypeView struct {
	ID             int64                   `json:"id"`
	Code           string                  `json:"code"`
	NameZh         string                  `json:"name_zh"`
	NameEn         string                  `json:"name_en"`
	DescriptionZh  string                  `json:"description_zh"`
	DescriptionEn  string                  `json:"description_en"`
	Badge          string                  `json:"badge"`
	Period         string                  `json:"period" enum:"month,quarter,year"`
	Kind           string                  `json:"kind" enum:"rule,nomination"`
	Quota          scoring.AwardQuota      `json:"quota"`
	Rule           *scoring.AwardCondition `json:"rule"`
	ApprovalLevels []string                `json:"approval_levels"`
	Active         bool                    `json:"active"`
}

func viewOf(t Type) AwardTypeView {
	v := AwardTypeView{ID: t.ID, Code: t.Code, NameZh: t.NameZh, NameEn: t.NameEn, DescriptionZh: t.DescriptionZh, DescriptionEn: t.DescriptionEn,
		Badge: t.Badge, Period: t.PeriodKind, Kind: t.Kind, Quota: scoring.AwardQuota{Per: t.QuotaPer, Count: t.QuotaCount}, Active: t.Active,
		ApprovalLevels: levelsOf(t.ApprovalLevels)}
	if len(t.Rule) > 0 && string(t.Rule) != "null" {
		var c scoring.AwardCondition
		if json.Unmarshal(t.Rule, &c) == nil {
			v.Rule = &c
		}
	}
	return v
}

func levelsOf(raw json.RawMessage) []string {
	out := []string{}
	_ = json.Unmarshal(raw, &out)
	return out
}

// Types lists the tenant's award types; anyone who deals with awards reads
// them (names and badges appear on every awards screen).
func (s *Service) Types(ctx context.Context, p *access.Principal) ([]AwardTypeView, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermView, PermNominate, PermManage); err != nil {
		return nil, err
	}
	var rows []Type
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]AwardTypeView, 0, len(rows))
	for _, t := range rows {
		out = append(out, viewOf(t))
	}
	return out, nil
}

var codePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// SaveType creates (id 0) or changes an award type.
func (s *Service) SaveType(ctx context.Context, p *access.Principal, id int64, in AwardTypeIn) (*AwardTypeView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	row, bad, err := s.checkType(ctx, p.TenantID, in)
	if err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	now := s.Now().UTC()
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var dup int64
		if err := tx.Model(&Type{}).Scopes(store.Tenant(p.TenantID)).Where("code = ? AND id <> ?", row.Code, id).Count(&dup).Error; err != nil {
			return err
		}
		if dup > 0 {
			return apperr.Conflict("an award type with this code exists", apperr.Field{Location: "body.code", Message: "already used", Value: row.Code})
		}
		if id == 0 {
			row.TenantID, row.CreatedAt, row.UpdatedAt = p.TenantID, now, now
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.By(p), now, "awards.type.create", "award_type", itoa(row.ID), nil, viewOf(row))
		}
		var old Type
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Take(&old).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return apperr.NotFound("award type")
			}
			return err
		}
		if old.Kind != row.Kind {
			var used int64
			if err := tx.Model(&Grant{}).Scopes(store.Tenant(p.TenantID)).Where("type_id = ?", id).Count(&used).Error; err != nil {
				return err
			}
			if used > 0 {
				return apperr.Invalid(apperr.Field{Location: "body.kind", Message: "an award already granted keeps its kind"})
			}
		}
		row.TenantID, row.ID, row.CreatedAt, row.UpdatedAt = p.TenantID, id, old.CreatedAt, now
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Select("*").Updates(&row).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "awards.type.update", "award_type", itoa(id), viewOf(old), viewOf(row))
	})
	if err != nil {
		return nil, err
	}
	v := viewOf(row)
	return &v, nil
}

// checkType turns an input into a row, or says what is wrong with it.
func (s *Service) checkType(ctx context.Context, tenantID int64, in AwardTypeIn) (Type, []apperr.Field, error) {
	var bad []apperr.Field
	// Each call passes a catalogue literal (the messages test reads the calls).
	field := func(loc, msg string, args apperr.Args) {
		f := apperr.Field{Location: "body." + loc, Args: args}
		f.Message = msg
		bad = append(bad, f)
	}
	in.Code = strings.TrimSpace(in.Code)
	in.NameZh, in.NameEn = strings.TrimSpace(in.NameZh), strings.TrimSpace(in.NameEn)
	if !codePattern.MatchString(in.Code) {
		field("code", "lower-case letters, digits, '_' and '-' (at most 64)", nil)
	}
	for loc, v := range map[string]string{"name_zh": in.NameZh, "name_en": in.NameEn} {
		if v == "" || utf8.RuneCountInString(v) > 100 {
			field(loc, "between {min} and {max} characters", apperr.Args{"min": 1, "max": 100})
		}
	}
	if !validBadge(in.Badge) {
		field("badge", "not a badge of the built-in set", nil)
	}
	if in.Period != scoring.Month && in.Period != scoring.Quarter && in.Period != scoring.Year {
		field("period", "must be month, quarter or year", nil)
	}
	if in.Quota.Per != scoring.QuotaPerBranch && in.Quota.Per != scoring.QuotaPerTenant {
		field("quota.per", "must be branch or tenant", nil)
	}
	if in.Quota.Count < 1 || in.Quota.Count > 1000 {
		field("quota.count", "must be between {min} and {max}", apperr.Args{"min": 1, "max": 1000})
	}
	row := Type{Code: in.Code, NameZh: in.NameZh, NameEn: in.NameEn, DescriptionZh: strings.TrimSpace(in.DescriptionZh),
		DescriptionEn: strings.TrimSpace(in.DescriptionEn), Badge: in.Badge, PeriodKind: in.Period, Kind: in.Kind,
		QuotaPer: in.Quota.Per, QuotaCount: in.Quota.Count, Active: in.Active, Rule: json.RawMessage("null"), ApprovalLevels: json.RawMessage("[]")}
	switch in.Kind {
	case KindRule:
		if in.Rule == nil {
			field("rule", "a rule-based award needs its rule", nil)
			break
		}
		known, err := s.knownMetrics(ctx, tenantID)
		if err != nil {
			return row, nil, err
		}
		// ValidateRule's templates are each in this area's catalogue.
		for _, pr := range scoring.ValidateRule(*in.Rule, func(m string) bool { return known[m] }, s.factAvailable) {
			f := apperr.Field{Location: "body." + pr.Path, Args: apperr.Args(pr.Args)}
			f.Message = pr.Message
			bad = append(bad, f)
		}
		b, err := json.Marshal(in.Rule)
		if err != nil {
			return row, nil, err
		}
		row.Rule = b
	case KindNomination:
		seen := map[string]bool{}
		if len(in.ApprovalLevels) == 0 {
			field("approval_levels", "a nomination needs at least one approval level", nil)
		}
		for i, l := range in.ApprovalLevels {
			if l != LevelParentManager && l != LevelHR {
				field("approval_levels["+itoa(int64(i))+"]", "must be parent_manager or hr", nil)
			} else if seen[l] {
				field("approval_levels["+itoa(int64(i))+"]", "already used", nil)
			}
			seen[l] = true
		}
		b, _ := json.Marshal(in.ApprovalLevels)
		row.ApprovalLevels = b
	default:
		field("kind", "must be rule or nomination", nil)
	}
	return row, bad, nil
}

// knownMetrics are the metric codes a rule may name: the built-in KPI
// metrics and the business metrics HR defined.
func (s *Service) knownMetrics(ctx context.Context, tenantID int64) (map[string]bool, error) {
	known := map[string]bool{}
	for _, m := range scoring.BuiltinMetrics {
		known[m] = true
	}
	if s.Feedback != nil {
		ms, err := s.Feedback.Metrics(ctx, tenantID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			known[scoring.BusinessPrefix+m.Code] = true
		}
	}
	return known, nil
}

// factAvailable tells whether the area a fact comes from is wired.
func (s *Service) factAvailable(fact string) bool {
	switch fact {
	case scoring.FactNoComplaints:
		return s.Feedback != nil
	case scoring.FactScenarioPasses:
		return s.Passes != nil
	case scoring.FactCasesPublished:
		return s.Cases != nil
	}
	return false
}

// loadType loads a type of the tenant, or a 404.
func (s *Service) loadType(db *gorm.DB, tenantID, id int64) (*Type, error) {
	var t Type
	if err := db.Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&t).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, apperr.NotFound("award type")
		}
		return nil, err
	}
	return &t, nil
}
