package apperr

// chinese is the shared catalogue: the messages of the web layer and those
// several areas write into a problem (titles, sign-in, field lengths), keyed
// by the English template, with the zh-CN text. {name} placeholders are
// filled from Args in both. Each area's own messages are in its package
// (messages.go), declared in its module and added with Add; a test under
// app/server fails when a message used under app/ is in no catalogue.
var chinese = map[string]string{
	// Titles: huma and Fiber name the status in English.
	"Bad Request":              "请求有误",
	"Unauthorized":             "未登录",
	"Forbidden":                "无权操作",
	"Not Found":                "未找到",
	"Method Not Allowed":       "不支持此请求方法",
	"Conflict":                 "操作冲突",
	"Request Entity Too Large": "请求内容过大",
	"Unsupported Media Type":   "不支持的内容类型",
	"Unprocessable Entity":     "输入有误",
	"Too Many Requests":        "请求过于频繁",
	"Internal Server Error":    "服务器内部错误",
	"Service Unavailable":      "服务暂不可用",

	// Problem details.
	"validation failed":                             "输入校验未通过",
	"must not contain the NUL character (U+0000)":   "不能包含 NUL 字符（U+0000）",
	"must be valid UTF-8 text":                      "必须是有效的 UTF-8 文本",
	"you do not have permission to do this":         "您没有权限执行此操作",
	"internal error":                                "服务器内部错误",
	"between {min} and {max}":                       "须介于 {min} 与 {max} 之间",
	"request body too large":                        "请求内容过大",
	"session store unavailable":                     "会话服务暂不可用",
	"database unreachable":                          "数据库无法连接",
	"missing or wrong CSRF token":                   "缺少或错误的 CSRF 令牌",
	"change your password first":                    "请先修改密码",
	"too many sign-in attempts; wait and try again": "登录尝试过于频繁，请稍后再试",
	"sign in first":                                 "请先登录",

	// A background job's error, as the bank reads it in its list of jobs.
	"the job stopped on an internal error; it will be tried again": "后台任务因内部错误中断，将自动重试",
	"the job failed on an internal error":                          "后台任务因内部错误失败",
	"the job stopped without finishing":                            "后台任务中断，未能完成",

	// "<what> not found", whole: Chinese puts the noun elsewhere.
	"branch not found": "机构不存在",
	"tenant not found": "银行不存在",
	"user not found":   "用户不存在",

	// Field messages: shown beside the input they name.
	"at least {min} characters":                           "至少 {min} 个字符",
	"an administrator set your password; choose your own": "管理员为您设置了密码，请设置您自己的密码",
	"send the value of the {cookie} cookie":               "请发送 {cookie} Cookie 的值",
	"no such branch":                                      "机构不存在",
}
