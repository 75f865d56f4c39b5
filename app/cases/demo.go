package cases

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/store"
)

// seed fills the demo bank's library through the service, acting as its
// people: a dozen published cases (three featured, one restricted to the
// North subtree, one past its review-by date), ratings and views, two
// drafts, a returned case, and two case-study sessions (one recorded). The
// second bank gets one case and one recorded session of its own.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	as := func(tenant, user string) (context.Context, *access.Principal, error) { return d.As(ctx, tenant, user) }
	now := d.Now().UTC()
	hctx, hr, err := as("demo", "hr")
	if err != nil {
		return err
	}
	var ids []int64
	for i, dc := range demoCases {
		id, err := s.seedPublished(as, "demo", dc)
		if err != nil {
			return fmt.Errorf("demo case %d: %w", i, err)
		}
		ids = append(ids, id)
		// The service stamps "now"; spread publication over the past
		// months so the library reads like one a bank has kept a while.
		at := now.AddDate(0, 0, -(len(demoCases)-i)*9)
		due := at.AddDate(1, 0, 0)
		if i == 1 { // re-verification is overdue: HR sees it on the due list
			due = now.AddDate(0, 0, -10)
		}
		if err := s.DB.W.WithContext(ctx).Model(&Case{}).Scopes(store.Tenant(hr.TenantID)).Where("id = ?", id).
			Updates(map[string]any{"published_at": at, "review_by": due}).Error; err != nil {
			return err
		}
	}
	for _, i := range []int{0, 2, 6} {
		if _, err := s.Feature(hctx, hr, ids[i], true); err != nil {
			return err
		}
	}
	// The fraud case's details stay in the North: its manager restricts it.
	mctx, mgr, err := as("demo", "mgr.north")
	if err != nil {
		return err
	}
	north, err := branchID(s, mctx, mgr.TenantID, "north")
	if err != nil {
		return err
	}
	if _, err := s.SetVisibility(mctx, mgr, ids[6], Visibility{Scope: "subtree", BranchID: &north}); err != nil {
		return err
	}
	// Ratings and views from around the bank.
	raters := []string{"hr", "mgr.south", "emp.south.1", "staff.north.2", "staff.south.2", "staff.east.2", "staff.east-jingan.1", "staff.south-yuexiu.1"}
	for ri, who := range raters {
		rctx, rp, err := as("demo", who)
		if err != nil {
			return err
		}
		for ci, id := range ids {
			if (ri+ci)%3 == 0 || ci == 6 || demoCases[ci].author == who {
				continue // not everyone rates everything; the restricted case is North's
			}
			stars := 3 + (ri*7+ci*3)%3
			if ci == 0 || ci == 2 {
				stars = 5
			}
			if _, err := s.Rate(rctx, rp, id, stars); err != nil {
				return fmt.Errorf("rate %d as %s: %w", id, who, err)
			}
			for v := 0; v < 1+(ri+ci)%4; v++ {
				if err := s.View(rctx, rp, id); err != nil {
					return err
				}
			}
		}
	}
	// Work in progress: two drafts and one returned case.
	for _, dc := range demoDrafts {
		actx, ap, err := as("demo", dc.author)
		if err != nil {
			return err
		}
		if _, err := s.Create(actx, ap, dc.in); err != nil {
			return err
		}
	}
	actx, author, err := as("demo", demoReturned.author)
	if err != nil {
		return err
	}
	rc, err := s.Create(actx, author, demoReturned.in)
	if err != nil {
		return err
	}
	if _, err := s.Submit(actx, author, rc.ID); err != nil {
		return err
	}
	if _, err := s.Return(mctx, mgr, rc.ID, demoReturnComment); err != nil {
		return err
	}
	// Sessions in the North: last month's recorded, next week's planned.
	people, err := usersOf(s, mctx, mgr.TenantID, "staff.north.1", "staff.north.2", "staff.north-chaoyang.1", "staff.north-haidian.1", "emp.north.1")
	if err != nil {
		return err
	}
	past, err := s.CreateSession(mctx, mgr, SessionIn{Title: "十月案例研讨：守住老年客户的钱袋子", BranchID: north, ScheduledAt: now.AddDate(0, 0, -20),
		CaseIDs: []int64{ids[0], ids[6]}, AttendeeIDs: people})
	if err != nil {
		return err
	}
	if _, err := s.RecordSession(mctx, mgr, past.ID, people[:4], "讨论了“安全账户”诈骗的识别信号；大家约定遇到“不说用途、一直通话”的客户，先请负责人到场。建议各支行在厅堂张贴反诈提示。"); err != nil {
		return err
	}
	if _, err := s.CreateSession(mctx, mgr, SessionIn{Title: "十一月案例研讨：适当性与拒绝的艺术", BranchID: north, ScheduledAt: now.AddDate(0, 0, 7),
		CaseIDs: []int64{ids[2], ids[11]}, AttendeeIDs: people}); err != nil {
		return err
	}
	if err := s.seedDemo2(as); err != nil {
		return err
	}
	// HR of each bank has been told of its overdue case, as the hourly job
	// would have done.
	return s.NotifyDueAll(ctx)
}

func (s *Service) seedPublished(as func(string, string) (context.Context, *access.Principal, error), tenant string, dc demoCase) (int64, error) {
	actx, author, err := as(tenant, dc.author)
	if err != nil {
		return 0, err
	}
	c, err := s.Create(actx, author, dc.in)
	if err != nil {
		return 0, err
	}
	if _, err := s.Submit(actx, author, c.ID); err != nil {
		return 0, err
	}
	rctx, reviewer, err := as(tenant, dc.reviewer)
	if err != nil {
		return 0, err
	}
	if _, err := s.Approve(rctx, reviewer, c.ID, "", nil); err != nil {
		return 0, err
	}
	return c.ID, nil
}

// seedDemo2 gives the second bank a case (linked to a built-in scenario),
// a rating and a recorded session, so that its library is not empty.
func (s *Service) seedDemo2(as func(string, string) (context.Context, *access.Principal, error)) error {
	id, err := s.seedPublished(as, "demo2", demoCase{"emp.1", "mgr.1", CaseIn{
		Title: "赶集日的流动服务点", TitleEN: "A pop-up service point on market day",
		Summary:      "农商行在乡镇赶集日设立流动服务点，为村民办理社保卡激活和小额取款。",
		SummaryEN:    "On market day the bank set up a pop-up point in the township to activate social-security cards and handle small withdrawals.",
		Situation:    "每逢赶集日，村民集中到镇上，但网点离集市较远，老人往返不便。",
		Actions:      "携带移动设备在集市设点，现场激活社保卡、讲解防诈骗知识。",
		Outcome:      "一天激活社保卡46张，村民纷纷点赞。",
		Lesson:       "把服务送到客户聚集的地方。",
		CustomerType: "elderly", BusinessLine: "retail", Tags: []string{"普惠金融", "乡村"}, ScenarioKeys: []string{"lost-card-report"},
	}})
	if err != nil {
		return err
	}
	ectx, emp2, err := as("demo2", "emp.2")
	if err != nil {
		return err
	}
	// Its re-verification is overdue too.
	if err := s.DB.W.Model(&Case{}).Scopes(store.Tenant(emp2.TenantID)).Where("id = ?", id).Update("review_by", s.Now().UTC().AddDate(0, 0, -3)).Error; err != nil {
		return err
	}
	if _, err := s.Rate(ectx, emp2, id, 5); err != nil {
		return err
	}
	mctx, mgr, err := as("demo2", "mgr.1")
	if err != nil {
		return err
	}
	people, err := usersOf(s, mctx, mgr.TenantID, "emp.1", "emp.2")
	if err != nil {
		return err
	}
	ss, err := s.CreateSession(mctx, mgr, SessionIn{Title: "案例研讨：流动服务点", BranchID: mgr.BranchID, ScheduledAt: s.Now().AddDate(0, 0, -3),
		CaseIDs: []int64{id}, AttendeeIDs: people})
	if err != nil {
		return err
	}
	_, err = s.RecordSession(mctx, mgr, ss.ID, people, "讨论了下一次赶集日的分工。")
	return err
}

func branchID(s *Service, ctx context.Context, tenantID int64, code string) (int64, error) {
	var id int64
	err := s.DB.W.WithContext(ctx).Table("branches").Scopes(store.Tenant(tenantID)).Where("code = ?", code).Pluck("id", &id).Error
	return id, err
}

func usersOf(s *Service, ctx context.Context, tenantID int64, usernames ...string) ([]int64, error) {
	var out []int64
	for _, u := range usernames {
		var id int64
		if err := s.DB.W.WithContext(ctx).Table("users").Scopes(store.Tenant(tenantID)).Where("username = ?", u).Pluck("id", &id).Error; err != nil {
			return nil, err
		}
		if id == 0 {
			return nil, fmt.Errorf("demo user %s is missing", u)
		}
		out = append(out, id)
	}
	return out, nil
}
