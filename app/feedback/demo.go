package feedback

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/store"
)

// demoSources are the systems the demo bank's feedback comes from, one per channel.
var demoSources = map[string]string{ChannelCounter: "survey-pad", ChannelPhone: "hotline", ChannelApp: "mobile-app",
	ChannelSocial: "social-monitor", ChannelComplaint: "complaint-platform"}

var demoComments = []string{"服务热情，解答耐心", "办理速度快", "排队时间有点长", "理财经理讲解清楚", "柜员态度很好，推荐",
	"电话一直打不通，请回电 13812345678", "App 转账提示不清楚", "适老服务很贴心", "对利率说明不满意", ""}

type demoPerson struct {
	id     int64
	code   string
	user   string
	branch string
	few    bool
	star   bool
}

// demoStars are two people customers praise far more than the rest: every
// rating 4 or 5, no complaint, about forty more counter ratings a month, so
// that a rule like the Customer Praise Award's (credible satisfaction ≥ 4.8
// over ≥ 30 ratings, no complaints in the quarter) has winners to show.
var demoStars = map[string]bool{"staff.north-dongcheng.1": true, "staff.south-yuexiu.1": true}

const demoStarExtra = 40

// seed gives the demo bank twelve months of feedback ending last month,
// through the same batch ingest the API uses: most ratings 4–5, a few
// complaints, some people with few ratings, East Xuhui clearly weaker, one
// person transferred half way (the earlier records name the old branch),
// business results per person and month, and one open appeal.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	hctx, hr, err := d.As(ctx, "demo", "hr")
	if err != nil {
		return err
	}
	if _, err := s.SetSettings(hctx, hr, DefaultAppealWindowDays); err != nil {
		return err
	}
	for _, m := range []MetricIn{{Code: "sales_amount_cents", Name: "销售额", Unit: "cents"}, {Code: "products_opened", Name: "开户产品数", Unit: "count"}} {
		if _, err := s.DefineMetric(hctx, hr, m); err != nil {
			return fmt.Errorf("metric %s: %w", m.Code, err)
		}
	}
	if _, err := s.SaveSource(hctx, hr, 0, SourceIn{Code: "branch-survey", Name: "网点满意度调查（Excel 导出）", Kind: "feedback", Encoding: "gbk",
		Mapping: map[string]string{"external_id": "问卷编号", "occurred_at": "填写时间", "branch_code": "网点", "employee_code": "工号", "score": "评分"}}); err != nil {
		return err
	}
	var staff []struct {
		ID                         int64
		EmployeeCode, Username, BC string
	}
	if err := s.DB.R.WithContext(ctx).Table("users").Scopes(store.Tenant(hr.TenantID)).
		Joins("JOIN branches b ON b.tenant_id = users.tenant_id AND b.id = users.branch_id").
		Select("users.id, users.employee_code, users.username, b.code AS bc").
		Where("users.username NOT IN ?", []string{"admin", "hr", "auditor"}).Order("users.id").Scan(&staff).Error; err != nil {
		return err
	}
	people := make([]demoPerson, 0, len(staff))
	for i, u := range staff {
		people = append(people, demoPerson{id: u.ID, code: u.EmployeeCode, user: u.Username, branch: u.BC, few: i%6 == 5 && !demoStars[u.Username], star: demoStars[u.Username]})
	}
	const mover, moveTo = "staff.south-tianhe.1", "east-pudong"
	rng := rand.New(rand.NewPCG(20261, 10))
	// The stars' extra ratings draw from their own stream, so everyone
	// else's records are the same with or without them.
	starRng, starSeq := rand.New(rand.NewPCG(20261, 11)), 0
	loc, err := zoneOf(ctx, s.DB.R, hr.TenantID)
	if err != nil {
		return err
	}
	now := d.Now().In(loc)
	first := time.Date(now.Year(), now.Month()-12, 1, 0, 0, 0, 0, loc)
	seq := 0
	for half := 0; half < 2; half++ {
		byChannel := map[string][]RecordIn{}
		var results []ResultIn
		for m := half * 6; m < half*6+6; m++ {
			start := first.AddDate(0, m, 0)
			days := start.AddDate(0, 1, 0).Sub(start).Hours() / 24
			at := func() time.Time {
				return start.Add(time.Duration(rng.IntN(int(days)))*24*time.Hour + time.Duration(9*60+rng.IntN(8*60))*time.Minute)
			}
			for _, p := range people {
				// Enough for a month's scorecard (the default scheme wants 10
				// ratings), so every dashboard shows something true; the few
				// stay below it and read "not enough data".
				n := 12 + rng.IntN(14)
				if p.few {
					n = rng.IntN(3)
				}
				for k := 0; k < n; k++ {
					seq++
					r := s.demoRecord(rng, seq, p, at())
					byChannel[r.Channel] = append(byChannel[r.Channel], r)
				}
				for k := 0; p.star && k < demoStarExtra; k++ {
					starSeq++
					v := 5.0
					when := start.Add(time.Duration(starRng.IntN(int(days)))*24*time.Hour + time.Duration(9*60+starRng.IntN(8*60))*time.Minute)
					byChannel[ChannelCounter] = append(byChannel[ChannelCounter], RecordIn{ExternalID: fmt.Sprintf("DEMO-STAR-%05d", starSeq),
						Channel: ChannelCounter, OccurredAt: when.UTC(), BranchCode: p.branch, EmployeeCode: p.code, Score: &v,
						Comment: demoComments[starRng.IntN(len(demoComments))]})
				}
				period := start.Format("2006-01")
				results = append(results, ResultIn{EmployeeCode: p.code, Period: period, Metric: "sales_amount_cents", Value: int64(50_000+rng.IntN(450_000)) * 100},
					ResultIn{EmployeeCode: p.code, Period: period, Metric: "products_opened", Value: int64(2 + rng.IntN(18))})
			}
			// Feedback about a branch, with nobody named.
			for _, b := range []string{"north", "south", "east", "east-xuhui", "north-haidian"} {
				seq++
				r := s.demoRecord(rng, seq, demoPerson{branch: b}, at())
				byChannel[r.Channel] = append(byChannel[r.Channel], r)
			}
		}
		for _, ch := range Channels {
			if len(byChannel[ch]) == 0 {
				continue
			}
			if _, err := s.IngestRecords(hctx, hr, demoSources[ch], byChannel[ch]); err != nil {
				return fmt.Errorf("demo feedback %s: %w", ch, err)
			}
		}
		if _, err := s.IngestResults(hctx, hr, "sales-mis", results); err != nil {
			return fmt.Errorf("demo results: %w", err)
		}
		if half == 0 {
			if err := s.demoTransfer(ctx, d, people, mover, moveTo); err != nil {
				return err
			}
			for i := range people {
				if people[i].user == mover {
					people[i].branch = moveTo
				}
			}
		}
	}
	if err := s.demoAppeal(ctx, d); err != nil {
		return err
	}
	return s.seedDemo2(ctx, d)
}

// seedDemo2 gives the second bank a little of everything, so that its
// screens are not empty and every feedback table has rows in both banks.
func (s *Service) seedDemo2(ctx context.Context, d module.Demo) error {
	hctx, hr, err := d.As(ctx, "demo2", "hr")
	if err != nil {
		return err
	}
	if _, err := s.SetSettings(hctx, hr, DefaultAppealWindowDays); err != nil {
		return err
	}
	if _, err := s.DefineMetric(hctx, hr, MetricIn{Code: "products_opened", Name: "开户产品数", Unit: "count"}); err != nil {
		return err
	}
	if _, err := s.SaveSource(hctx, hr, 0, SourceIn{Code: "survey-pad", Name: "柜面评价器", Kind: "feedback", Encoding: "utf-8"}); err != nil {
		return err
	}
	last := d.Now().AddDate(0, 0, -3).UTC()
	var recs []RecordIn
	var results []ResultIn
	for i, code := range []string{"YL0002", "YL0003"} {
		for k := 0; k < 3; k++ {
			v := float64(3 + (i+k)%3)
			recs = append(recs, RecordIn{ExternalID: fmt.Sprintf("YL-%d-%d", i, k), Channel: ChannelCounter, OccurredAt: last.Add(-time.Duration(k) * time.Hour),
				BranchCode: "kunming", EmployeeCode: code, Score: &v})
		}
		results = append(results, ResultIn{EmployeeCode: code, Period: last.Format("2006-01"), Metric: "products_opened", Value: int64(5 + i)})
	}
	if _, err := s.IngestRecords(hctx, hr, "survey-pad", recs); err != nil {
		return err
	}
	if _, err := s.IngestResults(hctx, hr, "sales-mis", results); err != nil {
		return err
	}
	ectx, emp, err := d.As(ctx, "demo2", "emp.1")
	if err != nil {
		return err
	}
	var id int64
	if err := s.DB.R.WithContext(ctx).Model(&Record{}).Scopes(store.Tenant(emp.TenantID)).Where("employee_id = ?", emp.UserID).
		Order("score_milli, id").Limit(1).Pluck("id", &id).Error; err != nil {
		return err
	}
	_, err = s.Appeal(ectx, emp, id, ReasonWrongPerson, "当天我休假，评价应属于同柜台的同事。")
	return err
}

func (s *Service) demoRecord(rng *rand.Rand, seq int, p demoPerson, at time.Time) RecordIn {
	r := RecordIn{ExternalID: fmt.Sprintf("DEMO-%06d", seq), OccurredAt: at.UTC(), BranchCode: p.branch, EmployeeCode: p.code,
		Comment: demoComments[rng.IntN(len(demoComments))]}
	weak := p.branch == "east-xuhui"
	five := func() float64 { // most 4–5; a weak branch a point lower; a star 4 or 5
		v := []float64{5, 5, 5, 4, 4, 4, 3, 5, 4, 2}[rng.IntN(10)]
		if weak && v > 1 && rng.IntN(3) > 0 {
			v--
		}
		if p.star {
			v = max(v+1, 4)
			v = min(v, 5)
		}
		return v
	}
	switch x := rng.IntN(100); {
	case x < 45:
		r.Channel = ChannelCounter
		v := five()
		r.Score = &v
	case x < 65:
		r.Channel, r.Scale = ChannelPhone, 10
		v := five()*2 - float64(rng.IntN(2))
		r.Score = &v
		if rng.IntN(4) == 0 {
			ok := rng.IntN(10) < 9
			r.Resolved, r.Category = &ok, "咨询"
		}
	case x < 85:
		r.Channel = ChannelApp
		v := five()
		r.Score = &v
	case x < 95:
		r.Channel, r.Scale = ChannelSocial, 100
		v := five()*20 - float64(rng.IntN(10))
		r.Score = &v
	default:
		r.Channel, r.Complaint, r.Category = ChannelComplaint, true, "服务投诉"
		ok := rng.IntN(10) < 8 && !weak
		r.Resolved = &ok
		if p.star { // praised instead: the draw is kept so the others' records stay the same
			v := 5.0
			r.Channel, r.Complaint, r.Category, r.Resolved, r.Score = ChannelCounter, false, "", nil, &v
		}
	}
	return r
}

// demoTransfer moves a person half way through the year, as the bank's
// admin does it.
func (s *Service) demoTransfer(ctx context.Context, d module.Demo, people []demoPerson, user, to string) error {
	actx, admin, err := d.As(ctx, "demo", "admin")
	if err != nil {
		return err
	}
	var id, branch int64
	for _, p := range people {
		if p.user == user {
			id = p.id
		}
	}
	if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(admin.TenantID)).Where("code = ?", to).Pluck("id", &branch).Error; err != nil {
		return err
	}
	if id == 0 || branch == 0 || s.Staff == nil {
		return fmt.Errorf("demo transfer: %s or %s not found", user, to)
	}
	_, err = s.Staff.MoveUser(actx, admin, id, branch)
	return err
}

// demoAppeal: emp.north.1 disputes the lowest-rated recent record about them.
func (s *Service) demoAppeal(ctx context.Context, d module.Demo) error {
	ectx, emp, err := d.As(ctx, "demo", "emp.north.1")
	if err != nil {
		return err
	}
	var id int64
	if err := s.DB.R.WithContext(ctx).Model(&Record{}).Scopes(store.Tenant(emp.TenantID)).Where("employee_id = ?", emp.UserID).
		Order("score_milli IS NULL, score_milli, occurred_at DESC").Limit(1).Pluck("id", &id).Error; err != nil {
		return err
	}
	if id == 0 {
		return fmt.Errorf("demo appeal: no record about emp.north.1")
	}
	_, err = s.Appeal(ectx, emp, id, ReasonCustomerError, "客户将其他柜台的办理经历误记在我名下，当日我在理财室接待另一位客户。")
	return err
}
