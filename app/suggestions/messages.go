package suggestions

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of suggestions' messages.
var Messages = apperr.Catalogue{
	"1–{max} characters":   "1–{max} 个字符",
	"suggestion not found": "改进建议不存在",
	"only a suggestion returned to its author can be edited":        "只有退回给作者的建议才能修改",
	"a reason (1–2000 characters) is needed to return or reject":    "退回或不采纳须填写理由（1–2000 个字符）",
	"at most {max} characters":                                      "最多 {max} 个字符",
	"must be return, reject or adopt":                               "只能是 return、reject 或 adopt",
	"nobody decides their own suggestion":                           "不能审议自己的建议",
	"the suggestion is not waiting for a decision":                  "该建议不在待审议状态",
	"must not be negative":                                          "不能为负数",
	"at most {max}":                                                 "最多 {max}",
	"at least one contributor":                                      "至少一名贡献人",
	"between {min} and {max}":                                       "须介于 {min} 与 {max} 之间",
	"listed twice":                                                  "重复列出",
	"the shares must sum to 10000 basis points (they sum to {sum})": "份额合计须为 10000 个基点（现为 {sum}）",
	"not a user of this bank":                                       "不是本行用户",
	"only an adopted suggestion has a bonus project":                "只有已采纳的建议才有奖金项目",
	"the bonus is already paid":                                     "奖金已发放",
	"set the pool and shares before approving the payout":           "请先设定奖金池和份额，再批准发放",
	"nobody approves a payout to themselves":                        "不能批准发给自己的奖金",
}
