package audit

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the Chinese texts of the audit area's own messages.
var Messages = apperr.Catalogue{
	"narrow the dates: {n} entries match, an export holds at most {max}": "请缩小日期范围：共有 {n} 条记录符合条件，一次最多导出 {max} 条",
}
