package feedback

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of feedback's messages, keyed by the English
// template the code writes.
var Messages = apperr.Catalogue{
	// Row problems of a batch or a file.
	msgRequired:        "必填",
	msgUnknownEmployee: "本行没有此员工编号的员工",
	msgUnknownBranch:   "本行没有此代码的机构",
	msgBadDate:         "不是日期时间（如 2026-11-30 14:05，或 RFC 3339）",
	msgScoreRange:      "在此量程下须介于 {min} 与 {max} 之间",
	msgDuplicate:       "重复出现（首次在第 {row} 行）",
	msgInvalidEncoding: "字节不是有效的 {encoding} 编码",
	msgBadChannel:      "只能是 counter、phone、app、social 或 complaint",
	msgBadScale:        "只能是 5、10 或 100",
	msgTooLong:         "最多 {max} 个字符",
	msgBadNumber:       "不是数字",
	msgBadBool:         "只能是 是/否、1/0、yes/no 或 true/false",
	msgUnknownMetric:   "没有此代码的业务指标，请先由人力资源部定义",
	msgBadPeriod:       "须为月份，如 2026-11",
	msgBadInteger:      "须为整数（金额以分计）",
	msgOutsideScope:    "不在您可导入的机构范围内",
	msgBadSource:       "1–64 个字母、数字、“.”、“_”或“-”",
	msgFileHasErrors:   "文件有错误，未导入任何数据",
	"appears more than once (first at index {row})": "重复出现（首次在第 {row} 项）",
	"the column is missing":                         "缺少此列",
	"not a readable .xlsx workbook":                 "不是可读取的 .xlsx 工作簿",
	"the file is larger than {max} MB":              "文件超过 {max} MB",
	"send the file as the multipart field \"file\"": "请以 multipart 字段 \"file\" 上传文件",

	// Setup.
	"must be feedback or results":        "只能是 feedback 或 results",
	"must be utf-8, gbk or auto":         "只能是 utf-8、gbk 或 auto",
	"not a field of this kind of source": "不是此类数据源的字段",
	"a source with this code exists":     "已有此代码的数据源",
	"a metric with this code exists":     "已有此代码的业务指标",
	"already used":                       "已被使用",
	"lower-case letters, digits and '_', starting with a letter (at most 64)": "小写字母、数字和“_”，以字母开头（最多 64 个）",
	"source not found": "数据源不存在",
	"import not found": "导入记录不存在",

	// Appeals.
	"record not found": "反馈记录不存在",
	"appeal not found": "申诉不存在",
	"must be wrong_person, customer_error or withdrawn": "只能是 wrong_person、customer_error 或 withdrawn",
	"the appeal window of this record has closed":       "此记录的申诉期限已过",
	"this record no longer counts":                      "此记录已不再计入",
	"this record already has an open appeal":            "此记录已有待处理的申诉",
	"nobody decides their own appeal":                   "不能裁决自己的申诉",
	"the appeal is already decided":                     "该申诉已裁决",
}
