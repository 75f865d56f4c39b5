package sso

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of this area's messages.
var Messages = apperr.Catalogue{
	"the directory knows you, but no active user of this bank has your employee code; ask your administrator": "目录认证已通过，但本行没有使用该员工编号的在职用户；请联系管理员",
	"the bank's directory cannot be reached; try again later":                                                 "无法连接本行的目录服务，请稍后再试",
	"required when enabled":      "启用时必填",
	"an https URL":               "须为 https 地址",
	"an ldap:// or ldaps:// URL": "须为 ldap:// 或 ldaps:// 地址",
	"StartTLS is for ldap://; ldaps:// is already encrypted": "StartTLS 仅用于 ldap://；ldaps:// 已加密",
	"must contain {placeholder} once":                        "须且仅须包含一次 {placeholder}",
	"oidc or ldap":                                           "须为 oidc 或 ldap",
}
