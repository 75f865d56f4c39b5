package audit

import (
	"strings"

	"github.com/servicestar/servicestar/app/apperr"
)

// Action codes are "object.verb" ("cases.case.approve"). Auditors read them
// as words, so an action is named by its object and its verb, looked up
// separately: a new action of a known object and verb is named without a
// new entry, and one the tables lack shows its code rather than nothing.

// objectNames: the longest prefix of the code that is listed names the object.
var objectNames = map[string][2]string{
	"awards":              {"奖项", "Awards"},
	"awards.type":         {"奖项类型", "Award type"},
	"awards.round":        {"评奖轮次", "Award round"},
	"awards.candidate":    {"评奖候选人", "Award candidate"},
	"awards.nomination":   {"奖项提名", "Nomination"},
	"branch":              {"机构", "Branch"},
	"careers":             {"职业发展", "Career"},
	"careers.track":       {"职业通道", "Career track"},
	"careers.level":       {"职级", "Career level"},
	"cases.case":          {"案例", "Case"},
	"cases.session":       {"案例学习会", "Case-study session"},
	"feedback":            {"客户反馈", "Customer feedback"},
	"feedback.appeal":     {"评价申诉", "Feedback appeal"},
	"feedback.metric":     {"业务指标", "Business metric"},
	"feedback.source":     {"反馈来源", "Feedback source"},
	"kpi.period":          {"考核期间", "KPI period"},
	"kpi.scheme":          {"考核方案", "KPI scheme"},
	"retention":           {"数据保留", "Data retention"},
	"suggestions":         {"合理化建议", "Suggestion"},
	"tenant":              {"银行", "Bank"},
	"training":            {"培训", "Training"},
	"training.assignment": {"培训任务", "Assignment"},
	"training.scenario":   {"培训场景", "Scenario"},
	"user":                {"用户", "User"},
	"sso":                 {"单点登录", "Single sign-on"},
	"mfa":                 {"双因素认证", "Two-factor sign-in"},
}

var verbNames = map[string][2]string{
	"create": {"新建", "created"}, "update": {"修改", "changed"}, "close": {"撤销", "closed"},
	"move": {"调动", "moved"}, "rename": {"更名", "renamed"}, "import": {"导入", "imported"},
	"evaluate": {"评估", "evaluated"}, "grant": {"授予", "granted"}, "decide": {"决定", "decided"},
	"approve": {"批准", "approved"}, "approved": {"批准", "approved"}, "return": {"退回", "returned"},
	"returned": {"退回", "returned"}, "submit": {"提交", "submitted"}, "resubmit": {"重新提交", "resubmitted"},
	"feature": {"设为精选", "featured"}, "archive": {"归档", "archived"}, "reverify": {"复核", "re-verified"},
	"visibility": {"设置可见范围", "visibility set"}, "to_scenario": {"转为培训场景", "turned into a scenario"},
	"record": {"记录", "recorded"}, "upheld": {"支持", "upheld"}, "rejected": {"驳回", "rejected"},
	"withdrawn": {"撤回", "withdrawn"}, "pending": {"提出", "filed"}, "ingest": {"接收", "received"},
	"upload": {"上传", "uploaded"}, "settings": {"设置", "settings changed"}, "save": {"保存", "saved"},
	"reopen": {"重新开放", "reopened"}, "purge": {"清理", "cleaned up"}, "adopt": {"采纳", "adopted"},
	"project": {"设立奖励项目", "bonus project set"}, "payout": {"发放奖励", "bonus paid"},
	"hired_on": {"设置入职日期", "hire date set"}, "promote": {"晋升", "promoted"}, "place": {"安置", "placed"},
	"assign": {"分配", "assigned"}, "cancel": {"取消", "cancelled"}, "comment": {"点评", "commented"},
	"save_draft": {"保存草稿", "draft saved"}, "publish": {"发布", "published"}, "retire": {"停用", "retired"},
	"hide": {"隐藏", "hidden"}, "show": {"显示", "shown"}, "change_password": {"修改密码", "password changed"},
	"reset_password": {"重置密码", "password reset"}, "set_roles": {"设置角色", "roles set"},
	"enrol": {"启用", "enrolled"}, "reset": {"重置", "reset"}, "login": {"登录", "signed in"},
	"delete": {"删除", "deleted"}, "drop": {"移出", "dropped"}, "nominate": {"提名", "nominated"},
}

// ActionName is an action code as an auditor reads it in lang: "案例 · 批准",
// "Case · approved".
func ActionName(code string, lang apperr.Lang) string {
	i := 0
	if lang == apperr.English {
		i = 1
	}
	object, verb := code, ""
	if dot := strings.LastIndexByte(code, '.'); dot > 0 {
		object, verb = code[:dot], code[dot+1:]
	}
	name, ok := "", false
	for o := object; o != ""; {
		if n, found := objectNames[o]; found {
			name, ok = n[i], true
			break
		}
		dot := strings.LastIndexByte(o, '.')
		if dot < 0 {
			break
		}
		o = o[:dot]
	}
	v, vok := verbNames[verb]
	if !ok || !vok {
		return code
	}
	return name + " · " + v[i]
}
