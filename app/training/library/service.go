package library

import (
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Service is the bank's scenario library: drafts, versions, hidden built-ins.
type Service struct {
	DB        *store.DB
	Guard     access.Guard
	Now       func() time.Time
	Catalogue *Catalogue
}
