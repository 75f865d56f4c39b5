package awards

import (
	"context"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/scoring"
)

// AwardRuleInput is a metric or fact a rule may use. Unit is the unit a
// condition's value is written in: stars (1–5), ratio (0–1), points
// (0–100), count, or a business metric's own unit. Available is false for a
// fact whose area is not wired yet: rules over it are refused.
type AwardRuleInput struct {
	Code      string `json:"code"`
	Kind      string `json:"kind" enum:"metric,fact"`
	NameZh    string `json:"name_zh"`
	NameEn    string `json:"name_en"`
	Unit      string `json:"unit"`
	Available bool   `json:"available"`
}

var builtinInputs = []AwardRuleInput{
	{Code: scoring.CompositeMetric, Kind: "metric", NameZh: "KPI 综合得分", NameEn: "KPI composite", Unit: "points"},
	{Code: scoring.Satisfaction, Kind: "metric", NameZh: "满意度（可信均值）", NameEn: "Satisfaction (credible average)", Unit: "stars"},
	{Code: scoring.ResolutionRate, Kind: "metric", NameZh: "问题解决率", NameEn: "Resolution rate", Unit: "ratio"},
	{Code: scoring.ComplaintRate, Kind: "metric", NameZh: "投诉率", NameEn: "Complaint rate", Unit: "ratio"},
	{Code: scoring.TrainingScore, Kind: "metric", NameZh: "培训得分", NameEn: "Training score", Unit: "points"},
	{Code: scoring.TrainingCompletion, Kind: "metric", NameZh: "培训完成率", NameEn: "Training completion", Unit: "ratio"},
}

var factInputs = []AwardRuleInput{
	{Code: scoring.FactNoComplaints, Kind: "fact", NameZh: "期内无投诉", NameEn: "No complaints in the period"},
	{Code: scoring.FactScenarioPasses, Kind: "fact", NameZh: "通过的演练场景数", NameEn: "Scenarios passed", Unit: "count"},
	{Code: scoring.FactCasesPublished, Kind: "fact", NameZh: "发布的案例数", NameEn: "Cases published", Unit: "count"},
}

// RuleInputs lists what a rule may use in the tenant, for the rule builder.
func (s *Service) RuleInputs(ctx context.Context, p *access.Principal) ([]AwardRuleInput, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	out := make([]AwardRuleInput, 0, len(builtinInputs)+len(factInputs)+4)
	for _, in := range builtinInputs {
		in.Available = s.KPI != nil
		out = append(out, in)
	}
	if s.Feedback != nil {
		ms, err := s.Feedback.Metrics(ctx, p.TenantID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			out = append(out, AwardRuleInput{Code: scoring.BusinessPrefix + m.Code, Kind: "metric", NameZh: m.Name, NameEn: m.Code, Unit: m.Unit, Available: s.KPI != nil})
		}
	}
	for _, in := range factInputs {
		in.Available = s.factAvailable(in.Code)
		out = append(out, in)
	}
	return out, nil
}
