package apperr

import "github.com/danielgtaylor/huma/v2/validation"

// humaChinese gives the zh-CN texts of what huma's own request validation
// writes. The English side is huma's format strings themselves, so a huma
// upgrade that rewords one leaves that text in English rather than
// mistranslated. Chinese formats take the values in English order; use
// %[n]s to place them elsewhere.
var humaChinese = []struct{ format, zh string }{
	{"request body is required", "缺少请求内容"},
	{"request body is too large limit=%d bytes", "请求内容过大（上限 %s 字节）"},
	{validation.MsgUnexpectedProperty, "不允许的字段"},
	{validation.MsgExpectedRequiredProperty, "缺少必填字段 %s"},
	{validation.MsgExpectedDependentRequiredProperty, "有 %[2]s 时必须同时提供 %[1]s"},
	{validation.MsgExpectedBoolean, "应为布尔值"},
	{validation.MsgExpectedNumber, "应为数字"},
	{validation.MsgExpectedInteger, "应为整数"},
	{validation.MsgExpectedString, "应为字符串"},
	{validation.MsgExpectedArray, "应为数组"},
	{validation.MsgExpectedObject, "应为对象"},
	{validation.MsgExpectedArrayItemsUnique, "数组中的各项不能重复"},
	{validation.MsgExpectedOneOf, "只能是以下之一：%s"},
	{validation.MsgExpectedMinimumNumber, "应大于或等于 %s"},
	{validation.MsgExpectedExclusiveMinimumNumber, "应大于 %s"},
	{validation.MsgExpectedMaximumNumber, "应小于或等于 %s"},
	{validation.MsgExpectedExclusiveMaximumNumber, "应小于 %s"},
	{validation.MsgExpectedNumberBeMultipleOf, "应为 %s 的倍数"},
	{validation.MsgExpectedMinLength, "长度至少为 %s"},
	{validation.MsgExpectedMaxLength, "长度最多为 %s"},
	{validation.MsgExpectedMinItems, "至少 %s 项"},
	{validation.MsgExpectedMaxItems, "最多 %s 项"},
	{validation.MsgExpectedMinProperties, "至少 %s 个字段"},
	{validation.MsgExpectedMaxProperties, "最多 %s 个字段"},
	{validation.MsgExpectedMatchPattern, "格式不符合 %s"},
	{validation.MsgExpectedRFC3339DateTime, "应为 RFC 3339 日期时间"},
	{validation.MsgExpectedRFC3339Date, "应为 RFC 3339 日期"},
	{validation.MsgExpectedRFC3339Time, "应为 RFC 3339 时间"},
	{validation.MsgExpectedRFC5322Email, "应为有效的电子邮件地址：%s"},
	{validation.MsgExpectedRFC4122UUID, "应为 UUID：%s"},
	{validation.MsgExpectedRFC3986URI, "应为 URI：%s"},
	{validation.MsgExpectedDuration, "应为时长：%s"},
	{validation.MsgExpectedBase64String, "应为 base64 编码的字符串"},
	{validation.MsgExpectedMatchAtLeastOneSchema, "不符合任何允许的格式"},
	{validation.MsgExpectedMatchExactlyOneSchema, "应恰好符合一种允许的格式"},
	{validation.MsgExpectedBePattern, "应为 %s"},
}
