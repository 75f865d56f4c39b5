package careers

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of careers' messages.
var Messages = apperr.Catalogue{
	"lower-case letters, digits and '_', starting with a letter (at most 64)": "小写字母、数字和“_”，以字母开头（最多 64 个）",
	"must be management or expert":                                            "只能是 management 或 expert",
	"1–100 characters":                                                        "1–100 个字符",
	"between {min} and {max}":                                                 "须介于 {min} 与 {max} 之间",
	"at most {max} characters":                                                "最多 {max} 个字符",
	"already used":                                                            "已被使用",
	"unknown or mistyped parameter":                                           "参数未知或类型错误",
	"not a requirement kind":                                                  "不是已知的晋升条件类型",
	"a whole number from 1 to 1000":                                           "须为 1 到 1000 之间的整数",
	"not a scenario category":                                                 "不是场景类别",
	"must be month, quarter or year":                                          "只能是 month、quarter 或 year",
	"a whole number from 1 to 12":                                             "须为 1 到 12 之间的整数",
	"from 0 to 100000 (thousandths of a point)":                               "须介于 0 与 100000 之间（以千分之一分计）",
	"a track with this code exists":                                           "已有此代码的职业通道",
	"a level with this code exists":                                           "此通道已有此代码的职级",
	"a level with this rank exists":                                           "此通道已有此序位的职级",
	"track not found":                                                         "职业通道不存在",
	"level not found":                                                         "职级不存在",
	"not a level of this track":                                               "不是此通道的职级",
	"not a level of the person's track":                                       "不是此人所在通道的职级",
	"not above the person's level":                                            "不高于此人当前职级",
	"the person is already at this level":                                     "此人已在该职级",
	"the person is on no track yet: move them onto one first":                 "此人尚未进入任何通道，请先将其调入通道",
	"a date (yyyy-mm-dd) from 1950 to today":                                  "须为 1950 年至今天之间的日期（yyyy-mm-dd）",
}
