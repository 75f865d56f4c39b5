package audit

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
)

// chainRoutes registers the chain's head and its verification. Both only
// read: verifying writes nothing, so it is a GET.
func (h *Handlers) chainRoutes(api huma.API) {
	type chainOut struct{ Body ChainState }
	huma.Register(api, huma.Operation{OperationID: "get-audit-chain", Method: http.MethodGet, Path: "/api/v1/audit/chain", Tags: []string{"audit"},
		Summary:     "The head of the tenant's audit hash chain",
		Description: "The newest sealed record's seq and hash (write the hash down elsewhere: a chain rewritten later no longer holds it), and how many records wait to be sealed.",
		Errors:      []int{401, 403}},
		func(ctx context.Context, _ *struct{}) (*chainOut, error) {
			p, err := h.tenantWide(ctx)
			if err != nil {
				return nil, err
			}
			s, err := ReadChain(ctx, h.DB, p.TenantID)
			if err != nil {
				return nil, err
			}
			return &chainOut{Body: s}, nil
		})

	type verifyOut struct{ Body ChainVerification }
	huma.Register(api, huma.Operation{OperationID: "verify-audit-chain", Method: http.MethodGet, Path: "/api/v1/audit/chain/verify", Tags: []string{"audit"},
		Summary:     "Verify the tenant's audit hash chain",
		Description: "Walks the sealed records in order, recomputing each hash, and names the first record that breaks the chain: altered, missing records before it, or reordered.",
		Errors:      []int{401, 403}},
		func(ctx context.Context, _ *struct{}) (*verifyOut, error) {
			p, err := h.tenantWide(ctx)
			if err != nil {
				return nil, err
			}
			v, err := Verify(ctx, h.DB, p.TenantID)
			if err != nil {
				return nil, err
			}
			return &verifyOut{Body: v}, nil
		})
}

// tenantWide admits a caller who reads the audit log at the head office:
// the chain, like the log, is the whole tenant's.
func (h *Handlers) tenantWide(ctx context.Context) (*access.Principal, error) {
	p, err := access.Must(ctx)
	if err != nil {
		return nil, err
	}
	scopes, err := h.Guard.Scopes(ctx, p, PermRead)
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(scopes, func(s string) bool { return strings.Count(s, "/") == 2 }) {
		return nil, apperr.Forbidden()
	}
	return p, nil
}
