package library

import (
	"maps"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/training"
)

// libraryMessages are the zh-CN texts only the library writes, added to the
// training areas' shared ones.
var libraryMessages = apperr.Catalogue{
	"nothing changed since the clone of {origin}; edit the draft before publishing it, or the catalogue shows two identical cards": "草稿与复制来源 {origin} 相比没有任何修改；请先修改再发布，否则场景目录里会出现两张相同的卡片",
	"unchanged from {origin}": "与 {origin} 完全相同",
}

// messages is the catalogue the module declares.
func messages() apperr.Catalogue {
	out := maps.Clone(training.Messages)
	maps.Copy(out, libraryMessages)
	return out
}
