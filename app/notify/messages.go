package notify

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of the messages of the bell, keyed by
// the English template the code writes.
var Messages = apperr.Catalogue{
	"notification not found": "通知不存在",
}
