package careers

import (
	"context"
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

type demoLevel struct {
	code, zh, en string
	reqs         []CareerRequirementIn
}

func req(kind string, params map[string]any) CareerRequirementIn {
	return CareerRequirementIn{Kind: kind, Params: params}
}

// demoTracks are a bank's two tracks: management (team lead → sub-branch
// head → branch head) and expert (service specialist → senior expert →
// chief expert), each level asking more.
var demoTracks = []struct {
	in     CareerTrackIn
	levels []demoLevel
}{
	{CareerTrackIn{Code: "management", Kind: KindManagement, NameZh: "管理通道", NameEn: "Management track"}, []demoLevel{
		{"team_lead", "团队主管", "Team lead", []CareerRequirementIn{req("tenure_months", map[string]any{"count": 12})}},
		{"sub_branch_head", "支行行长", "Sub-branch head", []CareerRequirementIn{
			req("tenure_months", map[string]any{"count": 36}),
			req("kpi_composite", map[string]any{"period_kind": "quarter", "periods": 2, "min_milli": 75000}),
			req("scenario_category", map[string]any{"category": "complaint", "count": 1}),
			req("awards", map[string]any{"count": 1}),
		}},
		{"branch_head", "分行行长", "Branch head", []CareerRequirementIn{
			req("tenure_months", map[string]any{"count": 96}),
			req("kpi_composite", map[string]any{"period_kind": "quarter", "periods": 4, "min_milli": 85000}),
			req("cases_published", map[string]any{"count": 3}),
			req("awards", map[string]any{"count": 2}),
		}},
	}},
	{CareerTrackIn{Code: "expert", Kind: KindExpert, NameZh: "专家通道", NameEn: "Expert track"}, []demoLevel{
		{"service_specialist", "服务专员", "Service specialist", []CareerRequirementIn{req("tenure_months", map[string]any{"count": 6})}},
		{"senior_expert", "资深专家", "Senior expert", []CareerRequirementIn{
			req("tenure_months", map[string]any{"count": 24}),
			req("scenario_category", map[string]any{"category": "wealth", "count": 1}),
			req("suggestions_adopted", map[string]any{"count": 1}),
		}},
		{"chief_expert", "首席专家", "Chief expert", []CareerRequirementIn{
			req("tenure_months", map[string]any{"count": 60}),
			req("kpi_composite", map[string]any{"period_kind": "quarter", "periods": 4, "min_milli": 85000}),
			req("scenario_category", map[string]any{"category": "wealth", "count": 4}),
			req("scenario_category", map[string]any{"category": "complaint", "count": 2}),
			req("cases_published", map[string]any{"count": 2}),
			req("suggestions_adopted", map[string]any{"count": 2}),
		}},
	}},
}

// placement puts a demo person on a track: hired years ago, placed at a
// level, then promoted through the later ones (each a history row).
type placement struct {
	user   string
	hired  [2]int // years and months before now
	track  string
	levels []string
}

// seed sets the tracks up as HR and places the staff: a branch head and
// sub-branch heads, specialists at different distances from senior expert
// (emp.north.1 meets every requirement), and a second bank's small copy.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	if err := s.seedBank(ctx, d, "demo", []placement{
		{"mgr.north", [2]int{18, 0}, "management", []string{"sub_branch_head", "branch_head"}},
		{"mgr.south", [2]int{15, 4}, "management", []string{"branch_head"}},
		{"mgr.east", [2]int{11, 2}, "management", []string{"team_lead", "sub_branch_head", "branch_head"}},
		{"mgr.chaoyang", [2]int{9, 7}, "management", []string{"team_lead", "sub_branch_head"}},
		{"emp.south.1", [2]int{4, 5}, "management", []string{"team_lead"}},
		{"emp.north.1", [2]int{5, 8}, "expert", []string{"service_specialist"}},
		{"staff.north-chaoyang.1", [2]int{6, 1}, "expert", []string{"service_specialist"}},
		{"staff.north.1", [2]int{1, 10}, "expert", []string{"service_specialist"}},
		{"staff.south.1", [2]int{3, 0}, "expert", []string{"service_specialist"}},
		{"staff.east.1", [2]int{0, 9}, "expert", []string{"service_specialist"}},
		{"staff.east-pudong.1", [2]int{8, 3}, "expert", []string{"service_specialist", "senior_expert"}},
	}); err != nil {
		return err
	}
	return s.seedBank(ctx, d, "demo2", []placement{
		{"emp.1", [2]int{3, 2}, "expert", []string{"service_specialist"}},
		{"mgr.1", [2]int{12, 0}, "management", []string{"sub_branch_head", "branch_head"}},
	})
}

func (s *Service) seedBank(ctx context.Context, d module.Demo, slug string, people []placement) error {
	ctx, hr, err := d.As(ctx, slug, "hr")
	if err != nil {
		return err
	}
	levels := map[string]int64{}
	tracks := map[string]int64{}
	for _, t := range demoTracks {
		tr, err := s.SaveTrack(ctx, hr, 0, t.in)
		if err != nil {
			return fmt.Errorf("track %s: %w", t.in.Code, err)
		}
		tracks[t.in.Code] = tr.ID
		for i, l := range t.levels {
			lv, err := s.SaveLevel(ctx, hr, tr.ID, 0, CareerLevelIn{Rank: i + 1, Code: l.code, NameZh: l.zh, NameEn: l.en, Requirements: l.reqs})
			if err != nil {
				return fmt.Errorf("level %s: %w", l.code, err)
			}
			levels[l.code] = lv.ID
		}
	}
	now := d.Now()
	for _, pl := range people {
		id, err := s.demoUser(ctx, hr, pl.user)
		if err != nil {
			return err
		}
		hired := now.AddDate(-pl.hired[0], -pl.hired[1], 0).UTC().Format(time.DateOnly)
		if _, err := s.SetHireDate(ctx, hr, id, hired); err != nil {
			return fmt.Errorf("%s hired: %w", pl.user, err)
		}
		if _, err := s.Move(ctx, hr, id, tracks[pl.track], levels[pl.levels[0]], "入行定级"); err != nil {
			return fmt.Errorf("%s placed: %w", pl.user, err)
		}
		for _, l := range pl.levels[1:] {
			if _, err := s.Promote(ctx, hr, id, levels[l], "年度晋升评审通过"); err != nil {
				return fmt.Errorf("%s promoted: %w", pl.user, err)
			}
		}
	}
	return nil
}

func (s *Service) demoUser(ctx context.Context, p *access.Principal, username string) (int64, error) {
	var u org.User
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("username = ?", username).Take(&u).Error; err != nil {
		return 0, fmt.Errorf("%s: %w", username, err)
	}
	return u.ID, nil
}
