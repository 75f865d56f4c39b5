package mfa

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of the second factor's messages, keyed by
// the English template the code writes.
var Messages = apperr.Catalogue{
	"a second factor is already set up; an administrator can reset it": "已设置第二重验证；如需重设，请联系管理员",
	"wrong or expired code":  "验证码错误或已过期",
	"start the set-up first": "请先开始设置",
}
