package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios"
)

// persona is who the customer of a generated scenario is, by customer type.
type persona struct {
	nameZH, nameEN, jobZH, jobEN, assetsZH, assetsEN string
	age, mood                                        int
	class                                            string // C1..C5 (format 3)
}

var personas = map[string]persona{
	"elderly":        {"李阿姨", "Mrs Li", "退休职工", "Retired factory worker", "养老金账户及定期存款约30万元", "A pension account and about CNY 300k in time deposits", 72, 35, "C1"},
	"individual":     {"张先生", "Mr Zhang", "公司职员", "Office worker", "工资卡及少量理财", "A payroll card and some wealth products", 36, 45, "C3"},
	"high_net_worth": {"陈总", "Mr Chen", "企业主", "Business owner", "金融资产逾800万元", "Over CNY 8 million in financial assets", 52, 50, "C4"},
	"small_business": {"王老板", "Mr Wang", "个体工商户", "Sole trader", "经营账户流水每月约50万元", "A business account turning over about CNY 500k a month", 44, 40, "C3"},
	"corporate":      {"刘经理", "Ms Liu", "企业财务经理", "Corporate finance manager", "企业基本户及授信额度", "The company's main account and a credit line", 40, 45, "C3"},
	"disabled":       {"赵先生", "Mr Zhao", "听障人士，自由职业", "Freelancer with a hearing impairment", "储蓄存款约10万元", "About CNY 100k in savings", 45, 40, "C2"},
	"new_resident":   {"小周", "Xiao Zhou", "外来务工人员", "Migrant construction worker", "工资卡余额约2万元", "About CNY 20k on a payroll card", 29, 45, "C2"},
	"young":          {"林同学", "Lin", "大学生", "University student", "生活费账户约5000元", "About CNY 5,000 for living costs", 20, 55, "C2"},
}

var categories = map[string]string{"wealth": "wealth", "corporate": "corporate", "credit": "credit", "digital": "digital", "ecny": "ecny",
	"green": "green", "cards": "cards", "fx": "fx", "retail": "complaint"}

var scenarioLines = map[string]string{"wealth": "wealth", "corporate": "corporate", "credit": "corporate", "green": "corporate",
	"digital": "digital", "ecny": "digital", "retail": "retail", "cards": "retail", "fx": "retail"}

// ScenarioKey is the library key of the scenario made from case id.
func ScenarioKey(id int64) string { return fmt.Sprintf("case-%d", id) }

// q quotes a text as a YAML double-quoted scalar (JSON's escapes are YAML's).
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func text(zh, en string) string {
	zh, en = strings.TrimSpace(zh), strings.TrimSpace(en)
	if en == "" {
		en = zh
	}
	if zh == "" {
		zh = en
	}
	if zh == "" { // the validator wants both; HR writes them in the editor
		zh, en = "（待补充）", "(to be written)"
	}
	return "{zh-CN: " + q(zh) + ", en: " + q(en) + "}"
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// ScenarioYAML writes a scenario draft from a case: the persona from the
// customer type, the situation as the customer's opening turn, the
// employee's actions as the best reply beside a hurried one and a
// dismissive one, and the lesson as the debrief of the good ending. Texts
// the case has only in Chinese are used for English too, for HR to
// translate in the editor. It is format 3: the customer has a class C1–C5
// assessed on the day the case's facts were last checked (its publication,
// else its last edit), so the assessment is current in the story.
func ScenarioYAML(c *Case) []byte {
	pe, ok := personas[c.CustomerType]
	if !ok {
		pe = personas["individual"]
	}
	cat := categories[c.BusinessLine]
	if cat == "" {
		cat = "complaint"
	}
	line := scenarioLines[c.BusinessLine]
	if line == "" {
		line = "retail"
	}
	situation := clip(PlainText(c.Situation), 1500)
	actions := clip(PlainText(c.Actions), 1500)
	outcome := clip(PlainText(c.Outcome), 1500)
	lesson := clip(PlainText(c.Lesson), 1500)
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	checked := c.UpdatedAt
	if c.PublishedAt != nil {
		checked = *c.PublishedAt
	}
	if checked.IsZero() {
		checked = time.Now()
	}
	day := checked.UTC().Format(time.DateOnly)
	w("format: %d", scenarios.FormatV3)
	w("id: %s", ScenarioKey(c.ID))
	w("version: 1")
	w("title: %s", text(c.Title, c.TitleEN))
	w("summary: %s", text(firstNonEmpty(c.Summary, situation), firstNonEmpty(c.SummaryEN, c.Summary, situation)))
	w("category: %s", cat)
	w("business_line: %s", line)
	w("difficulty: 3")
	w("estimated_minutes: 8")
	w("facts_checked_on: %q", day)
	w("persona:")
	w("  name: %s", text(pe.nameZH, pe.nameEN))
	w("  age: %d", pe.age)
	w("  occupation: %s", text(pe.jobZH, pe.jobEN))
	w("  assets: %s", text(pe.assetsZH, pe.assetsEN))
	w("  goals: %s", text("希望问题得到妥善解决", "Wants the matter properly resolved"))
	w("  initial_mood: %d", pe.mood)
	w("  risk_class: %s", pe.class)
	w("  assessed_on: %q", day)
	w("start: t1")
	w("turns:")
	w("  - id: t1")
	w("    customer: %s", text(situation, situation))
	w("    model_answer: %s", text(actions, actions))
	w("    choices:")
	w("      - id: a")
	w("        text: %s", text(actions, actions))
	w("        next: end-resolved")
	w("        effects: {empathy: 15, needs_discovery: 10, solution_fit: 15, resolution: 15}")
	w("        mood: 25")
	w("        feedback: %s", text("这正是案例中员工的做法："+lesson, "This is what the employee in the case did: "+lesson))
	w("      - id: b")
	w("        text: %s", text("请您先取号排队，按流程办理就行。", "Please take a number and follow the usual procedure."))
	w("        next: end-left")
	w("        effects: {empathy: -15, needs_discovery: -10, resolution: -10}")
	w("        mood: -20")
	w("        feedback: %s", text("流程化的回答没有回应客户的处境。", "A procedural answer ignores the customer's situation."))
	w("      - id: c")
	w("        text: %s", text("这个不归我们管，您找别的部门吧。", "That is not our department; try someone else."))
	w("        next: end-complaint")
	w("        effects: {empathy: -20, resolution: -20}")
	w("        mood: -30")
	w("        feedback: %s", text("推诿会把问题变成投诉。", "Passing the customer on turns a problem into a complaint."))
	w("endings:")
	w("  - id: end-resolved")
	w("    kind: resolved")
	w("    title: %s", text("问题妥善解决", "Resolved"))
	w("    debrief: %s", text(outcome+"\n"+lesson, outcome+"\n"+lesson))
	w("  - id: end-left")
	w("    kind: customer_left")
	w("    title: %s", text("客户失望离开", "The customer left unhappy"))
	w("    debrief: %s", text(lesson, lesson))
	w("  - id: end-complaint")
	w("    kind: complaint_filed")
	w("    title: %s", text("客户投诉", "The customer filed a complaint"))
	w("    debrief: %s", text(lesson, lesson))
	return []byte(b.String())
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// ToScenario turns a published case into a draft scenario of the bank's
// library and links the two (the scenario's key names the case).
func (s *Service) ToScenario(ctx context.Context, p *access.Principal, id int64, locale string) (string, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return "", err
	}
	v, err := s.viewer(ctx, p)
	if err != nil {
		return "", err
	}
	r, err := s.load(ctx, s.DB.R, p.TenantID, id)
	if err != nil {
		return "", err
	}
	if r == nil || !v.sees(r) {
		return "", apperr.NotFound("case")
	}
	if r.Status != Published {
		return "", apperr.Conflict("only a published case can be turned into a scenario")
	}
	if s.Scenarios == nil {
		return "", &apperr.Problem{Status: 503, Detail: "the scenario library is unavailable"}
	}
	key := ScenarioKey(id)
	now := s.Now().UTC()
	// One transaction: a draft without its link (or the reverse) would
	// leave HR a scenario the case never names, and a second click refused.
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&ScenarioLink{}).Scopes(store.Tenant(p.TenantID)).Where("case_id = ? AND scenario_key = ?", id, key).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("this case already has a scenario draft; edit it in the scenario library")
		}
		if _, err := s.Scenarios.DraftFromCase(ctx, tx, p, key, ScenarioYAML(&r.Case), locale); err != nil {
			return err
		}
		if err := tx.Create(&ScenarioLink{TenantID: p.TenantID, CaseID: id, ScenarioKey: key}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "cases.case.to_scenario", "case", fmt.Sprint(id), nil, map[string]any{"scenario_key": key})
	})
	if err != nil {
		return "", err
	}
	return key, nil
}
