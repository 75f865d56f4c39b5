package awards

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of awards' messages, keyed by the English
// template the code writes (scoring.ValidateRule's among them). Shared texts
// ("already used", "unknown metric", periods, ranges) are KPI's, feedback's
// or apperr's.
var Messages = apperr.Catalogue{
	// Award types.
	"an award type with this code exists":                  "已有此代码的奖项",
	"lower-case letters, digits, '_' and '-' (at most 64)": "小写字母、数字、“_”或“-”（最多 64 个）",
	"between {min} and {max} characters":                   "须为 {min}–{max} 个字符",
	"not a badge of the built-in set":                      "不是内置徽章之一",
	"must be month, quarter or year":                       "只能是 month、quarter 或 year",
	"must be branch or tenant":                             "只能是 branch 或 tenant",
	"must be rule or nomination":                           "只能是 rule 或 nomination",
	"a rule-based award needs its rule":                    "规则类奖项须设置规则",
	"a nomination needs at least one approval level":       "提名类奖项至少需要一级审批",
	"must be parent_manager or hr":                         "只能是 parent_manager 或 hr",
	"an award already granted keeps its kind":              "已颁发过的奖项不能更改类型",
	"award type not found":                                 "奖项不存在",

	// Rules (scoring.ValidateRule).
	"conditions nest at most {max} levels deep":             "条件最多嵌套 {max} 层",
	"must be and or or":                                     "只能是 and 或 or",
	"a group has children, not a metric or fact of its own": "条件组只含子条件，不能自带指标或事实",
	"a group needs at least one condition":                  "条件组至少需要一个条件",
	"name a metric or a fact, not both":                     "指标与事实只能选其一",
	"must be one of >=, >, <=, < or =":                      "只能是 >=、>、<=、< 或 =",
	"unknown fact":                                          "未知事实",
	"this fact cannot be read yet":                          "此事实暂时无法读取（相关模块尚未接入）",
	"a whole number, not negative":                          "须为非负整数",
	"name a metric, a fact, or a group of conditions":       "请指定指标、事实或条件组",
	"at most {max} conditions":                              "最多 {max} 个条件",

	// Evaluations and rounds.
	"only a rule-based award is evaluated":                               "只有规则类奖项可以评选",
	"this award is given per {kind}":                                     "此奖项按 {kind} 评选",
	"the period {period} is not closed in KPI yet: close it there first": "期间 {period} 尚未在 KPI 中关闭，请先关闭",
	"KPI results cannot be read here":                                    "无法读取 KPI 结果",
	"award round not found":                                              "评选轮次不存在",
	"candidate not found":                                                "候选人不存在",
	"must be approve or drop":                                            "只能是 approve 或 drop",
	"this round is already granted":                                      "该轮次已颁奖",
	"approve at least one candidate first":                               "请先批准至少一名候选人",
	"this would exceed the quota of {count} per {per}":                   "将超出每 {per} {count} 名的名额",
	"this person already has this award for {period}":                    "此人已获得 {period} 的该奖项",

	// Nominations.
	"nominee not found":                          "被提名人不存在",
	"nomination not found":                       "提名不存在",
	"give the reason (at most {max} characters)": "请填写理由（最多 {max} 个字符）",
	"nobody nominates themself":                  "不能提名自己",
	"not an active nomination award":             "不是启用中的提名类奖项",
	"this person is already nominated for, or has, this award for {period}": "此人已被提名或已获得 {period} 的该奖项",
	"at most {max} characters":              "最多 {max} 个字符",
	"give the reason for turning it down":   "请填写不通过的理由",
	"the nomination is already decided":     "该提名已有结论",
	"must be pending, approved or rejected": "只能是 pending、approved 或 rejected",

	// Grants.
	"grant not found": "获奖记录不存在",
}
