package audit

import (
	"testing"

	"github.com/servicestar/servicestar/app/apperr"
)

func TestActionNamesReadAsWordsAndFallBackToTheCode(t *testing.T) {
	for _, c := range []struct {
		code, zh, en string
	}{
		{"cases.case.approve", "案例 · 批准", "Case · approved"},
		{"training.scenario.publish", "培训场景 · 发布", "Scenario · published"},
		{"feedback.appeal.upheld", "评价申诉 · 支持", "Feedback appeal · upheld"},
		{"user.set_roles", "用户 · 设置角色", "User · roles set"},
		// An object not listed by its whole name is named by its longest listed prefix.
		{"awards.candidate.drop", "评奖候选人 · 移出", "Award candidate · dropped"},
		{"careers.people.promote", "职业发展 · 晋升", "Career · promoted"},
		// Unknown verb or object: the code, never a half-made name.
		{"cases.case.frobnicate", "cases.case.frobnicate", "cases.case.frobnicate"},
		{"nothing.create", "nothing.create", "nothing.create"},
		{"create", "create", "create"},
	} {
		if got := ActionName(c.code, apperr.Chinese); got != c.zh {
			t.Errorf("%s in Chinese = %q, want %q", c.code, got, c.zh)
		}
		if got := ActionName(c.code, apperr.English); got != c.en {
			t.Errorf("%s in English = %q, want %q", c.code, got, c.en)
		}
	}
}
