package kpi

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// SchemeInput is a new scheme version as HR sends it.
type SchemeInput struct {
	Name        string        `json:"name" minLength:"1" maxLength:"200"`
	Role        string        `json:"role,omitempty" maxLength:"32" doc:"empty for the tenant default, or the role this version overrides it for"`
	ValidFrom   string        `json:"valid_from" doc:"the month it applies from, e.g. 2026-12"`
	PriorWeight *int          `json:"prior_weight,omitempty" doc:"imagined ratings at the tenant's mean in the credible average (20 when left out)"`
	MinSample   *int          `json:"min_sample,omitempty" doc:"ratings a person needs to be ranked (10 when left out)"`
	Metrics     []MetricInput `json:"metrics" maxItems:"30"`
}

// MetricInput is one weighted metric of a new scheme version (see
// scoring.MetricSpec); a percentile metric needs no floor and target.
type MetricInput struct {
	Metric        string  `json:"metric" maxLength:"80" doc:"satisfaction, resolution_rate, complaint_rate, training_score, training_completion or business:<code>"`
	WeightPct     int     `json:"weight_pct" doc:"whole percent; a scheme's weights sum to 100"`
	Normalisation string  `json:"normalisation" enum:"linear,percentile"`
	Floor         float64 `json:"floor,omitempty" doc:"the raw value scoring 0 (linear)"`
	Target        float64 `json:"target,omitempty" doc:"the raw value scoring 100 (linear)"`
	Direction     string  `json:"direction" enum:"higher,lower"`
	MinSample     int     `json:"min_sample,omitempty" doc:"what a person needs of this metric for it to count"`
}

// SchemeView is a scheme version as the API shows it.
type SchemeView struct {
	ID            int64                `json:"id"`
	Name          string               `json:"name"`
	Role          string               `json:"role"`
	ValidFrom     string               `json:"valid_from"`
	PriorWeight   int                  `json:"prior_weight"`
	MinSample     int                  `json:"min_sample"`
	Metrics       []scoring.MetricSpec `json:"metrics"`
	CreatedByName string               `json:"created_by_name"`
	CreatedAt     time.Time            `json:"created_at"`
}

func (r Scheme) view() (SchemeView, error) {
	v := SchemeView{ID: r.ID, Name: r.Name, Role: r.Role, ValidFrom: scoring.MonthPeriod(r.ValidFrom).Key, PriorWeight: r.PriorWeight,
		MinSample: r.MinSample, CreatedByName: r.CreatedByName, CreatedAt: r.CreatedAt}
	if err := json.Unmarshal(r.Metrics, &v.Metrics); err != nil {
		return v, err
	}
	return v, nil
}

// ListSchemes lists every scheme version, newest first.
func (s *Service) ListSchemes(ctx context.Context, p *access.Principal) ([]SchemeView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	var rows []Scheme
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Order("valid_from DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]SchemeView, 0, len(rows))
	for _, r := range rows {
		v, err := r.view()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// CreateScheme adds a scheme version. It may not start in a closed period:
// a frozen period's results name the version they were computed with.
func (s *Service) CreateScheme(ctx context.Context, p *access.Principal, in SchemeInput) (*SchemeView, error) {
	return s.createScheme(ctx, p, in, true)
}

// createScheme is CreateScheme; queue false leaves the recomputes to the
// caller (the demo seed computes every period itself).
func (s *Service) createScheme(ctx context.Context, p *access.Principal, in SchemeInput, queue bool) (*SchemeView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	var bad []apperr.Field
	from, err := scoring.ParsePeriod(in.ValidFrom)
	if err != nil || from.Kind != scoring.Month {
		bad = append(bad, apperr.Field{Location: "body.valid_from", Message: "a month such as 2026-12", Value: in.ValidFrom})
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		bad = append(bad, apperr.Field{Location: "body.name", Message: "1–200 characters"})
	}
	if in.Role != "" && (!authz.ValidRole(in.Role) || in.Role == authz.Auditor) {
		bad = append(bad, apperr.Field{Location: "body.role", Message: "empty for the default, or one of {roles}",
			Args: apperr.Args{"roles": "employee, manager, hr, tenant_admin"}, Value: in.Role})
	}
	sc := scoring.Scheme{Role: in.Role, ValidFrom: from.FirstMonth, PriorWeight: scoring.DefaultPriorWeight, MinSample: scoring.DefaultMinSample}
	for _, m := range in.Metrics {
		sc.Metrics = append(sc.Metrics, scoring.MetricSpec(m))
	}
	if in.PriorWeight != nil {
		sc.PriorWeight = *in.PriorWeight
	}
	if in.MinSample != nil {
		sc.MinSample = *in.MinSample
	}
	known, err := s.knownMetrics(ctx, p.TenantID)
	if err != nil {
		return nil, err
	}
	for _, pr := range scoring.Validate(sc, func(m string) bool { return known[m] }) {
		bad = append(bad, apperr.Field{Location: "body." + pr.Path, Message: pr.Message, Args: apperr.Args(pr.Args)})
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	metrics, err := json.Marshal(sc.Metrics)
	if err != nil {
		return nil, err
	}
	uid := p.UserID
	row := Scheme{TenantID: p.TenantID, Name: name, Role: in.Role, ValidFrom: sc.ValidFrom, PriorWeight: sc.PriorWeight, MinSample: sc.MinSample,
		Metrics: metrics, CreatedBy: &uid, CreatedByName: p.DisplayName, CreatedAt: s.Now().UTC()}
	var view SchemeView
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		for _, per := range scoring.PeriodsOfMonth(sc.ValidFrom) {
			closed, err := s.isClosed(tx, p.TenantID, per.Key)
			if err != nil {
				return err
			}
			if closed {
				return apperr.Invalid(apperr.Field{Location: "body.valid_from", Message: "the period {period} is closed; a scheme may start only in an open period",
					Args: apperr.Args{"period": per.Key}, Value: in.ValidFrom})
			}
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if view, err = row.view(); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.By(p), s.Now(), "kpi.scheme.create", "kpi_scheme", itoa(row.ID), nil, view); err != nil {
			return err
		}
		if !queue {
			return nil
		}
		// The periods from valid_from on, still open, change scheme.
		return s.queueFrom(tx, p, sc.ValidFrom)
	})
	if err != nil {
		return nil, err
	}
	return &view, nil
}

// queueFrom queues the recompute of the open periods of the last year that
// a scheme starting at month from now governs.
func (s *Service) queueFrom(tx *gorm.DB, p *access.Principal, from int) error {
	loc, err := s.location(tx.Statement.Context, p.TenantID)
	if err != nil {
		return err
	}
	cur := scoring.MonthOf(s.Now(), loc)
	var months []int
	for m := max(from, scoring.AddMonths(cur, -11)); m <= cur; m = scoring.AddMonths(m, 1) {
		months = append(months, m)
	}
	return s.Changed(tx, p.TenantID, months)
}

// MetricView is one metric a scheme may weigh.
type MetricView struct {
	Metric  string `json:"metric"`
	Label   string `json:"label"`
	Unit    string `json:"unit"`
	Builtin bool   `json:"builtin"`
}

// Metrics lists the metric keys a scheme may use: the built-in ones and
// "business:<code>" for each business metric HR defined.
func (s *Service) Metrics(ctx context.Context, p *access.Principal) ([]MetricView, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermManage, PermReview, PermSelf); err != nil {
		return nil, err
	}
	out := make([]MetricView, 0, len(scoring.BuiltinMetrics))
	for _, m := range scoring.BuiltinMetrics {
		out = append(out, MetricView{Metric: m, Label: builtinLabels[m][0], Unit: builtinLabels[m][1], Builtin: true})
	}
	ms, err := s.Feedback.Metrics(ctx, p.TenantID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		out = append(out, MetricView{Metric: scoring.BusinessPrefix + m.Code, Label: m.Name, Unit: m.Unit})
	}
	return out, nil
}

func (s *Service) knownMetrics(ctx context.Context, tenantID int64) (map[string]bool, error) {
	known := map[string]bool{}
	for _, m := range scoring.BuiltinMetrics {
		known[m] = true
	}
	ms, err := s.Feedback.Metrics(ctx, tenantID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		known[scoring.BusinessPrefix+m.Code] = true
	}
	return known, nil
}
