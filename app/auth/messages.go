package auth

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of the messages of sign-in and passwords, keyed by
// the English template the code writes.
var Messages = apperr.Catalogue{
	"sign in as platform operator first":                         "请先以平台运营人员身份登录",
	"wrong bank code, username or password":                      "银行代码、用户名或密码错误",
	"wrong username or password":                                 "用户名或密码错误",
	"must differ from the current password":                      "不能与当前密码相同",
	"wrong password":                                             "密码错误",
	"wrong or expired code":                                      "验证码错误或已过期",
	"enter the code from your authenticator app":                 "请输入身份验证器应用中的验证码",
	"your bank requires a second factor; set one up to continue": "贵行要求使用第二重验证，请先完成设置",
}
