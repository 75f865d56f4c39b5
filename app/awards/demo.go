package awards

import (
	"context"
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// The Customer Praise Award is the rule (credible satisfaction
// ≥ 4.8 over ≥ 30 ratings, no complaints in the quarter); the demo's
// feedback has two praised people who reach it (feedback.demoStars). A
// person sees at most a few resolved-or-not problems a month, so the third
// award rests on the composite instead of the resolution rate.
var demoTypes = []AwardTypeIn{
	{Code: "service-innovation", NameZh: "服务创新奖", NameEn: "Service Innovation Award", Badge: "Opportunity", Period: scoring.Quarter, Kind: KindNomination,
		DescriptionZh: "表彰在服务流程、工具或客户体验上提出并落地创新做法的员工。", DescriptionEn: "For staff who proposed and put into practice a new way of serving customers.",
		Quota: scoring.AwardQuota{Per: scoring.QuotaPerBranch, Count: 1}, ApprovalLevels: []string{LevelParentManager, LevelHR}, Active: true},
	{Code: "customer-praise", NameZh: "客户好评奖", NameEn: "Customer Praise Award", Badge: "StarFilled", Period: scoring.Quarter, Kind: KindRule,
		DescriptionZh: "本季度可信满意度不低于 4.8（至少 30 条评价）且零投诉。", DescriptionEn: "Credible satisfaction of at least 4.8 over 30 or more ratings, and no complaints in the quarter.",
		Quota: scoring.AwardQuota{Per: scoring.QuotaPerBranch, Count: 2}, Active: true,
		Rule: &scoring.AwardCondition{Op: scoring.OpAnd, Children: []scoring.AwardCondition{
			{Metric: scoring.Satisfaction, Cmp: ">=", Value: 4.8, MinSample: 30},
			{Fact: scoring.FactNoComplaints},
		}}},
	{Code: "monthly-service-star", NameZh: "月度服务之星", NameEn: "Service Star of the Month", Badge: "Medal", Period: scoring.Month, Kind: KindRule,
		DescriptionZh: "当月 KPI 综合得分不低于 60（至少 15 条评价）且零投诉，每个网点一名。", DescriptionEn: "A KPI composite of 60 or more over 15 or more ratings and no complaints in the month; one per branch.",
		Quota: scoring.AwardQuota{Per: scoring.QuotaPerBranch, Count: 1}, Active: true,
		Rule: &scoring.AwardCondition{Op: scoring.OpAnd, Children: []scoring.AwardCondition{
			{Metric: scoring.CompositeMetric, Cmp: ">=", Value: 60, MinSample: 15},
			{Fact: scoring.FactNoComplaints},
		}}},
}

// seed gives the demo bank its three awards: rule awards granted over the
// last closed periods (the latest quarter's round left for HR to decide),
// nominations granted through their chains, and one open nomination by
// mgr.north for emp.north.1. The second bank gets a little of everything.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	hctx, hr, err := d.As(ctx, "demo", "hr")
	if err != nil {
		return err
	}
	types := map[string]int64{}
	for _, in := range demoTypes {
		t, err := s.SaveType(hctx, hr, 0, in)
		if err != nil {
			return fmt.Errorf("award type %s: %w", in.Code, err)
		}
		types[in.Code] = t.ID
	}
	cur, err := s.currentMonth(ctx, hr.TenantID, d.Now())
	if err != nil {
		return err
	}
	quarter := scoring.PeriodOf(scoring.Quarter, cur)
	for k := 3; k >= 1; k-- {
		if err := s.demoRound(hctx, hr, types["customer-praise"], quarter.Shift(-k).Key, k > 1); err != nil {
			return err
		}
	}
	month := scoring.MonthPeriod(cur)
	for k := 3; k >= 1; k-- {
		if err := s.demoRound(hctx, hr, types["monthly-service-star"], month.Shift(-k).Key, true); err != nil {
			return err
		}
	}
	last := quarter.Shift(-1).Key
	innovation := types["service-innovation"]
	// North's manager has nobody above: HR alone approves. Chaoyang's
	// manager has North's above: North, then HR.
	granted := []struct{ by, nominee, period, reason string }{
		{"mgr.north", "staff.north-chaoyang.1", quarter.Shift(-2).Key, "牵头设计“适老化柜台”服务流程，老年客户平均办理时长缩短三分之一。"},
		{"mgr.north", "staff.north.1", last, "推出理财到期提醒“一页纸”，客户续作咨询明显增加。"},
		{"mgr.chaoyang", "emp.north.1", last, "将常见投诉整理为应答卡片并在支行推广，同类投诉下降。"},
		{"mgr.south", "emp.south.1", last, "优化大堂分流动线，高峰期排队时间明显缩短。"},
	}
	for _, g := range granted {
		n, err := s.demoNominate(ctx, d, "demo", g.by, g.nominee, innovation, g.period, g.reason)
		if err != nil {
			return err
		}
		for n.State == Pending {
			approver := "hr"
			if n.CurrentLevel == LevelParentManager {
				approver = "mgr.north"
			}
			actx, ap, err := d.As(ctx, "demo", approver)
			if err != nil {
				return err
			}
			if n, err = s.DecideNomination(actx, ap, n.ID, true, "同意。"); err != nil {
				return fmt.Errorf("approve nomination of %s: %w", g.nominee, err)
			}
		}
	}
	if _, err := s.demoNominate(ctx, d, "demo", "mgr.north", "emp.north.1", innovation, quarter.Key,
		"本季度主动梳理网点理财产品适当性告知话术，经支行试用后客户投诉为零，建议推广。"); err != nil {
		return err
	}
	return s.seedDemo2(ctx, d)
}

// demoRound evaluates a rule type over a period and, when grant is set,
// approves every candidate and grants them, as HR would.
func (s *Service) demoRound(ctx context.Context, hr *access.Principal, typeID int64, key string, grant bool) error {
	r, err := s.Evaluate(ctx, hr, typeID, key)
	if err != nil {
		return fmt.Errorf("evaluate %d over %s: %w", typeID, key, err)
	}
	if !grant {
		return nil
	}
	for _, c := range r.Candidates {
		if _, err := s.Decide(ctx, hr, r.ID, c.Employee.ID, "approve"); err != nil {
			return err
		}
	}
	_, err = s.GrantRound(ctx, hr, r.ID)
	return err
}

func (s *Service) demoNominate(ctx context.Context, d module.Demo, tenant, by, nominee string, typeID int64, period, reason string) (*NominationView, error) {
	mctx, m, err := d.As(ctx, tenant, by)
	if err != nil {
		return nil, err
	}
	var u org.User
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(m.TenantID)).Where("username = ?", nominee).Take(&u).Error; err != nil {
		return nil, fmt.Errorf("nominee %s: %w", nominee, err)
	}
	n, err := s.Nominate(mctx, m, NominationIn{TypeID: typeID, PeriodKey: period, NomineeID: u.ID, Reason: reason})
	if err != nil {
		return nil, fmt.Errorf("nominate %s: %w", nominee, err)
	}
	return n, nil
}

// seedDemo2 gives the second bank a rule award granted over its last
// closed month and a granted nomination, so every awards table has rows in
// both banks.
func (s *Service) seedDemo2(ctx context.Context, d module.Demo) error {
	hctx, hr, err := d.As(ctx, "demo2", "hr")
	if err != nil {
		return err
	}
	rule, err := s.SaveType(hctx, hr, 0, AwardTypeIn{Code: "zero-complaint", NameZh: "零投诉之星", NameEn: "Zero Complaints Star", Badge: "CircleCheckFilled",
		Period: scoring.Month, Kind: KindRule, Quota: scoring.AwardQuota{Per: scoring.QuotaPerBranch, Count: 1}, Active: true,
		Rule: &scoring.AwardCondition{Fact: scoring.FactNoComplaints}})
	if err != nil {
		return err
	}
	nom, err := s.SaveType(hctx, hr, 0, AwardTypeIn{Code: "good-deed", NameZh: "好人好事奖", NameEn: "Good Deed Award", Badge: "Sunny",
		Period: scoring.Quarter, Kind: KindNomination, Quota: scoring.AwardQuota{Per: scoring.QuotaPerTenant, Count: 3}, ApprovalLevels: []string{LevelHR}, Active: true})
	if err != nil {
		return err
	}
	cur, err := s.currentMonth(ctx, hr.TenantID, d.Now())
	if err != nil {
		return err
	}
	if err := s.demoRound(hctx, hr, rule.ID, scoring.MonthPeriod(cur).Shift(-1).Key, true); err != nil {
		return err
	}
	n, err := s.demoNominate(ctx, d, "demo2", "mgr.1", "emp.1", nom.ID, scoring.PeriodOf(scoring.Quarter, cur).Key, "雨天主动护送行动不便的老人回家。")
	if err != nil {
		return err
	}
	_, err = s.DecideNomination(hctx, hr, n.ID, true, "同意。")
	return err
}

// currentMonth is the month (yyyymm) now falls in on the tenant's calendar.
func (s *Service) currentMonth(ctx context.Context, tenantID int64, now time.Time) (int, error) {
	var t org.Tenant
	if err := s.DB.R.WithContext(ctx).Where("id = ?", tenantID).Take(&t).Error; err != nil {
		return 0, err
	}
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		return 0, err
	}
	return scoring.MonthOf(now, loc), nil
}
