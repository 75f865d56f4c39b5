package feedback

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// Settings of p's bank (the defaults when HR set none). Staff read the
// window too (it says how long they may appeal), so it needs no permission.
func (s *Service) Settings(ctx context.Context, tenantID int64) (Settings, error) {
	var rows []Settings
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Limit(1).Find(&rows).Error; err != nil {
		return Settings{}, err
	}
	if len(rows) == 0 {
		return Settings{TenantID: tenantID, AppealWindowDays: DefaultAppealWindowDays}, nil
	}
	return rows[0], nil
}

// SetSettings changes the appeal window (1–365 days).
func (s *Service) SetSettings(ctx context.Context, p *access.Principal, days int) (Settings, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return Settings{}, err
	}
	if days < 1 || days > 365 {
		return Settings{}, apperr.Invalid(apperr.Field{Location: "body.appeal_window_days", Message: "between {min} and {max}", Args: apperr.Args{"min": 1, "max": 365}, Value: days})
	}
	before, err := s.Settings(ctx, p.TenantID)
	if err != nil {
		return Settings{}, err
	}
	now := s.Now().UTC()
	after := Settings{TenantID: p.TenantID, AppealWindowDays: days, UpdatedAt: now}
	err = s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "tenant_id"}}, DoUpdates: clause.AssignmentColumns([]string{"appeal_window_days", "updated_at"})}).
			Create(&after).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "feedback.settings", "feedback_settings", fmt.Sprint(p.TenantID), before, after)
	})
	return after, err
}

// Canonical columns of a file, with the Chinese headers read without a mapping.
var (
	recordFields = []string{"external_id", "channel", "occurred_at", "branch_code", "employee_code", "score", "scale", "resolved", "complaint", "category", "comment"}
	resultFields = []string{"employee_code", "period", "metric", "value", "branch_code"}
	// resultRequired leaves branch_code out: without it a result counts
	// for the person's branch now.
	resultRequired = resultFields[:4]
	chineseHeads   = map[string]string{
		"外部编号": "external_id", "渠道": "channel", "发生时间": "occurred_at", "网点代码": "branch_code", "员工编号": "employee_code",
		"满意度": "score", "量程": "scale", "已解决": "resolved", "投诉": "complaint", "类别": "category", "评价内容": "comment",
		"期间": "period", "指标": "metric", "数值": "value",
	}
	encodings = []string{"utf-8", "gbk", "auto"}
)

// SourceIn is a source as HR saves it.
type SourceIn struct {
	Code     string            `json:"code" maxLength:"64"`
	Name     string            `json:"name" maxLength:"200"`
	Kind     string            `json:"kind" enum:"feedback,results"`
	Encoding string            `json:"encoding" enum:"utf-8,gbk,auto"`
	Mapping  map[string]string `json:"mapping,omitempty" doc:"canonical field → the column header in this source's files"`
}

func checkSourceIn(in *SourceIn) error {
	var fs []apperr.Field
	if !sourceCode.MatchString(in.Code) {
		fs = append(fs, apperr.Field{Location: "body.code", Message: msgBadSource, Value: in.Code})
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(in.Name)); n == 0 || n > 200 {
		fs = append(fs, apperr.Field{Location: "body.name", Message: "1–200 characters"})
	}
	if in.Kind != "feedback" && in.Kind != "results" {
		fs = append(fs, apperr.Field{Location: "body.kind", Message: "must be feedback or results", Value: in.Kind})
	}
	if !slices.Contains(encodings, in.Encoding) {
		fs = append(fs, apperr.Field{Location: "body.encoding", Message: "must be utf-8, gbk or auto", Value: in.Encoding})
	}
	allowed := recordFields
	if in.Kind == "results" {
		allowed = resultFields
	}
	for k, v := range in.Mapping {
		if !slices.Contains(allowed, k) {
			fs = append(fs, apperr.Field{Location: "body.mapping." + k, Message: "not a field of this kind of source"})
		} else if n := utf8.RuneCountInString(strings.TrimSpace(v)); n == 0 || n > 100 {
			fs = append(fs, apperr.Field{Location: "body.mapping." + k, Message: "1–100 characters"})
		}
	}
	if len(fs) > 0 {
		return apperr.Invalid(fs...)
	}
	return nil
}

// Sources lists p's bank's sources.
func (s *Service) Sources(ctx context.Context, p *access.Principal) ([]Source, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, err
	}
	out := []Source{}
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Order("code").Find(&out).Error
	return out, err
}

// SaveSource creates (id 0) or changes a source.
func (s *Service) SaveSource(ctx context.Context, p *access.Principal, id int64, in SourceIn) (*Source, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, err
	}
	in.Code, in.Name = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name)
	if err := checkSourceIn(&in); err != nil {
		return nil, err
	}
	if in.Mapping == nil {
		in.Mapping = map[string]string{}
	}
	mapping, err := json.Marshal(in.Mapping)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var out Source
	err = s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var before *Source
		if id > 0 {
			var cur []Source
			if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&cur).Error; err != nil {
				return err
			}
			if len(cur) == 0 {
				return apperr.NotFound("source")
			}
			before, out = &cur[0], cur[0]
		} else {
			out = Source{TenantID: p.TenantID, CreatedAt: now}
		}
		var clash int64
		if err := tx.Model(&Source{}).Scopes(store.Tenant(p.TenantID)).Where("code = ? AND id <> ?", in.Code, id).Count(&clash).Error; err != nil {
			return err
		}
		if clash > 0 {
			return apperr.Conflict("a source with this code exists", apperr.Field{Location: "body.code", Message: "already used", Value: in.Code})
		}
		out.Code, out.Name, out.Kind, out.Encoding, out.Mapping, out.UpdatedAt = in.Code, in.Name, in.Kind, in.Encoding, mapping, now
		if before == nil {
			if err := tx.Create(&out).Error; err != nil {
				return err
			}
		} else if err := tx.Model(&Source{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Updates(map[string]any{
			"code": out.Code, "name": out.Name, "kind": out.Kind, "encoding": out.Encoding, "mapping": out.Mapping, "updated_at": now}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "feedback.source.save", "feedback_source", fmt.Sprint(out.ID), before, out)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// sourceByCode is a saved source, or nil.
func (s *Service) sourceByCode(ctx context.Context, tenantID int64, code string) (*Source, error) {
	var rows []Source
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("code = ?", code).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// MetricIn is a business metric as HR defines it.
type MetricIn struct {
	Code string `json:"code" maxLength:"64"`
	Name string `json:"name" maxLength:"200"`
	Unit string `json:"unit,omitempty" maxLength:"32" doc:"e.g. cents, count"`
}

var errMetricExists = errors.New("exists")

// Metrics lists the business metrics (HR, who defines them).
func (s *Service) Metrics(ctx context.Context, p *access.Principal) ([]BusinessMetric, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, err
	}
	return Stats{DB: s.DB}.Metrics(ctx, p.TenantID)
}

// DefineMetric adds a business metric.
func (s *Service) DefineMetric(ctx context.Context, p *access.Principal, in MetricIn) (*BusinessMetric, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, err
	}
	in.Code, in.Name, in.Unit = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name), strings.TrimSpace(in.Unit)
	var fs []apperr.Field
	if !metricCode.MatchString(in.Code) {
		fs = append(fs, apperr.Field{Location: "body.code", Message: "lower-case letters, digits and '_', starting with a letter (at most 64)", Value: in.Code})
	}
	if n := utf8.RuneCountInString(in.Name); n == 0 || n > 200 {
		fs = append(fs, apperr.Field{Location: "body.name", Message: "1–200 characters"})
	}
	if len(fs) > 0 {
		return nil, apperr.Invalid(fs...)
	}
	now := s.Now().UTC()
	m := BusinessMetric{TenantID: p.TenantID, Code: in.Code, Name: in.Name, Unit: in.Unit, CreatedAt: now}
	err := s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&BusinessMetric{}).Scopes(store.Tenant(p.TenantID)).Where("code = ?", in.Code).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return errMetricExists
		}
		if err := tx.Create(&m).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "feedback.metric.create", "business_metric", fmt.Sprint(m.ID), nil, m)
	})
	if errors.Is(err, errMetricExists) {
		return nil, apperr.Conflict("a metric with this code exists", apperr.Field{Location: "body.code", Message: "already used", Value: in.Code})
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}
