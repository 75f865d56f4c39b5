package cases

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of the case library's messages, keyed by the
// English template the code writes. Texts other areas also use are
// translated exactly as they are there.
var Messages = apperr.Catalogue{
	"case not found":     "案例不存在",
	"revision not found": "该版本不存在",
	"session not found":  "案例研讨会不存在",

	// Fields of a case.
	"required":                                     "必填",
	"at most {max} characters":                     "最多 {max} 个字符",
	"at most {max} tags":                           "最多 {max} 个标签",
	"at most {max} scenarios":                      "最多关联 {max} 个场景",
	"one line of text":                             "只能是一行文字",
	"not a business line of the library":           "不是案例库的业务条线",
	"not a customer type of the library":           "不是案例库的客户类型",
	"not a scenario id":                            "不是场景编号（小写字母、数字和“-”）",
	"required before the case is submitted":        "提交审核前须填写",
	"the case is at revision {revision} now":       "案例当前为第 {revision} 版",
	"the case is {status}":                         "案例当前状态为 {status}",
	"must be in the future":                        "必须是将来的时间",
	"must be tenant or subtree":                    "只能是 tenant 或 subtree",
	"between {min} and {max}":                      "须介于 {min} 与 {max} 之间",
	"a date such as 2026-11-30":                    "须为日期，如 2026-11-30",
	"a month such as 2026-11":                      "须为月份，如 2026-11",
	"no such revision":                             "该版本不存在",
	"1–200 characters":                             "1–200 个字符",
	"1–20 cases":                                   "1–20 个案例",
	"1–500 people":                                 "1–500 人",
	"not a published case":                         "不是已发布的案例",
	"not a person of the session's branch subtree": "不是研讨会所属机构（含下级）的人员",
	"not invited to the session":                   "未受邀参加此研讨会",

	// Workflow.
	"only a draft or a returned case can be edited":                           "只有草稿或被退回的案例可以修改",
	"the case was changed since you opened it; nothing was saved":             "您打开后案例已被修改，本次未保存；请复制您的修改后刷新",
	"the case was changed at the same moment; reload it":                      "案例刚被他人修改，请刷新",
	"this step does not apply to the case in its present status":              "案例当前状态不允许此操作",
	"only the author edits a case":                                            "只有作者可以修改案例",
	"only the author submits a case":                                          "只有作者可以提交案例",
	"nobody reviews their own case":                                           "不能审核自己的案例",
	"only a manager of the author's branch or HR reviews a case":              "只有作者所在机构的管理者或人力资源部可以审核",
	"only a manager of the author's branch or HR restricts a case":            "只有作者所在机构的管理者或人力资源部可以限定可见范围",
	"only a published case can be rated or counted":                           "只有已发布的案例可以评分或计数",
	"authors do not rate their own case":                                      "作者不能为自己的案例评分",
	"only a published case can be turned into a scenario":                     "只有已发布的案例可以转为场景",
	"this case already has a scenario draft; edit it in the scenario library": "此案例已生成场景草稿，请在场景库中编辑",
	"the scenario library is unavailable":                                     "场景库暂不可用",
	"the session has not taken place yet":                                     "研讨会尚未举行",
}
