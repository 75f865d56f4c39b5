package auth

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of the messages of sign-in and passwords, keyed by
// the English template the code writes.
var Messages = apperr.Catalogue{
	"sign in as platform operator first":    "请先以平台运营人员身份登录",
	"wrong bank code, username or password": "银行代码、用户名或密码错误",
	"wrong username or password":            "用户名或密码错误",
	"must differ from the current password": "不能与当前密码相同",
	"wrong password":                        "密码错误",
}
