package suggestions

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// seed gives the demo bank an adopted suggestion with its bonus paid to
// three contributors, one waiting for review and one returned with a
// question; the second bank gets an adopted, paid one (so the isolation
// walk finds rows of every table there too).
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	if err := s.seedPaid(ctx, d, "demo", "emp.north.1", "mgr.north", SuggestionIn{
		Title:           "预约客户到店免重复取号",
		Problem:         "客户在手机银行预约后到网点仍须重新取号排队，预约形同虚设，高峰期投诉集中。",
		Proposal:        "叫号机识别预约码后直接分配优先号，并在预约时段前 10 分钟短信提醒客户。",
		ExpectedBenefit: "预约客户平均等候时间预计从 25 分钟降至 8 分钟，排队类投诉减少三成。",
		Process:         "网点排队叫号",
	}, 200_000, []string{"emp.north.1", "staff.north.1", "staff.north-chaoyang.1"}, []int{5000, 3000, 2000}); err != nil {
		return err
	}
	ectx, emp, err := d.As(ctx, "demo", "emp.south.1")
	if err != nil {
		return err
	}
	if _, err := s.Submit(ectx, emp, SuggestionIn{
		Title:           "自助设备故障一键报修",
		Problem:         "自助存取款机故障后须电话报修，大堂经理常需排队等待接通，设备停机时间长。",
		Proposal:        "在设备管理终端增加一键报修，自动带上设备编号与故障代码推送至运维工单。",
		ExpectedBenefit: "设备平均停机时间缩短一半，减少客户因设备故障引发的不满。",
		Process:         "自助设备运维",
	}); err != nil {
		return fmt.Errorf("suggestion under review: %w", err)
	}
	sctx, staff, err := d.As(ctx, "demo", "staff.east.1")
	if err != nil {
		return err
	}
	asked, err := s.Submit(sctx, staff, SuggestionIn{
		Title:           "老年客户专属服务时段",
		Problem:         "老年客户集中在上午办理业务，与企业客户高峰重叠，等候时间长。",
		Proposal:        "每周二、四上午 9–10 点设老年客户专属窗口，并安排志愿者协助使用自助设备。",
		ExpectedBenefit: "老年客户满意度提升，适老化服务检查得分提高。",
		Process:         "网点厅堂服务",
	})
	if err != nil {
		return err
	}
	mctx, mgr, err := d.As(ctx, "demo", "mgr.east")
	if err != nil {
		return err
	}
	if _, err := s.Decide(mctx, mgr, asked.ID, DecideReturn, "专属时段内其他客户如何分流？请补充窗口安排和所需人手。"); err != nil {
		return fmt.Errorf("returned suggestion: %w", err)
	}
	return s.seedPaid(ctx, d, "demo2", "emp.1", "mgr.1", SuggestionIn{
		Title: "柜面业务凭证电子化", Problem: "纸质凭证归档耗时。", Proposal: "凭证电子签名后直接归档。",
		ExpectedBenefit: "每日节省柜员 30 分钟。", Process: "柜面运营",
	}, 50_000, []string{"emp.1", "emp.2"}, []int{6000, 4000})
}

// seedPaid has author submit in, reviewer adopt it, and the bank's HR set
// the pool and shares and approve the payout.
func (s *Service) seedPaid(ctx context.Context, d module.Demo, slug, author, reviewer string, in SuggestionIn, pool int64, contributors []string, shares []int) error {
	actx, a, err := d.As(ctx, slug, author)
	if err != nil {
		return err
	}
	sg, err := s.Submit(actx, a, in)
	if err != nil {
		return fmt.Errorf("adopted suggestion: %w", err)
	}
	rctx, r, err := d.As(ctx, slug, reviewer)
	if err != nil {
		return err
	}
	if _, err := s.Decide(rctx, r, sg.ID, DecideAdopt, "采纳，列入下季度改进项目。"); err != nil {
		return err
	}
	hctx, hr, err := d.As(ctx, slug, "hr")
	if err != nil {
		return err
	}
	proj := SuggestionProjectIn{PoolCents: pool}
	for i, name := range contributors {
		var u org.User
		if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(hr.TenantID)).Where("username = ?", name).Take(&u).Error; err != nil {
			return fmt.Errorf("%s/%s: %w", slug, name, err)
		}
		proj.Contributors = append(proj.Contributors, SuggestionContributorIn{UserID: u.ID, ShareBP: shares[i]})
	}
	if _, err := s.SetProject(hctx, hr, sg.ID, proj); err != nil {
		return err
	}
	_, err = s.ApprovePayout(hctx, hr, sg.ID)
	return err
}
