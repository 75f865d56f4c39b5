package audit

import (
	"context"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is the audit log as the app wires it. Every area writes to it
// (Record); this module owns the table, the routes that read it and the
// job that seals it into a hash chain (chain.go).
func (h *Handlers) Module() module.Module {
	return module.Module{
		Name:        "audit",
		Models:      []any{&Entry{}},
		Permissions: []authz.Permission{PermRead},
		Messages:    Messages,
		Routes: func(api huma.API) {
			h.Routes(api)
			h.chainRoutes(api)
		},
		Periodic: []module.Periodic{{Name: "seal", Every: SealEvery, Run: func(ctx context.Context) error {
			now := h.Now
			if now == nil {
				now = time.Now
			}
			_, err := Seal(ctx, h.DB, now)
			return err
		}}},
	}
}
