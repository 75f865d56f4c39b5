package audit

import (
	"context"
	"net/http"
	"sort"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
)

// ActionOption is an action found in the bank's log, for the filter list.
type ActionOption struct {
	Code string `json:"code"`
	Name string `json:"name" doc:"in the request's language"`
}

// ActionList is the bank's actions, named in the reader's language.
type ActionList struct {
	Items []ActionOption `json:"items"`
}

// Localize names and orders the actions in lang.
func (l ActionList) Localize(lang apperr.Lang) any {
	out := ActionList{Items: make([]ActionOption, len(l.Items))}
	for i, a := range l.Items {
		out.Items[i] = ActionOption{Code: a.Code, Name: ActionName(a.Code, lang)}
	}
	sort.SliceStable(out.Items, func(i, j int) bool { return out.Items[i].Name < out.Items[j].Name })
	return out
}

func (h *Handlers) actionRoutes(api huma.API) {
	type actionsOut struct{ Body ActionList }
	huma.Register(api, huma.Operation{OperationID: "list-audit-actions", Method: http.MethodGet, Path: "/api/v1/audit/actions", Tags: []string{"audit"},
		Summary: "The actions in the tenant's audit log, named, for the filter list", Errors: []int{401, 403}},
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*actionsOut, error) {
			q, err := h.readable(ctx, p, Filter{})
			if err != nil {
				return nil, err
			}
			var codes []string
			if err := q.Distinct("action").Order("action").Pluck("action", &codes).Error; err != nil {
				return nil, err
			}
			out := &actionsOut{}
			out.Body.Items = make([]ActionOption, len(codes))
			for i, c := range codes {
				out.Body.Items[i] = ActionOption{Code: c, Name: c}
			}
			return out, nil
		}))
}
