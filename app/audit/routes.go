package audit

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// Handlers serves the audit log to tenant admins, HR and auditors.
type Handlers struct {
	DB    *store.DB
	Guard access.Guard
	Now   func() time.Time // the sealer's clock (sealed_at); time.Now when nil
}

// View is an audit entry as clients see it.
type View struct {
	ID         int64           `json:"id"`
	At         time.Time       `json:"at"`
	ActorID    *int64          `json:"actor_id"`
	ActorName  string          `json:"actor_name"`
	Action     string          `json:"action"`
	ActionName string          `json:"action_name" doc:"the action in the request's language"`
	TargetType string          `json:"target_type"`
	TargetID   string          `json:"target_id"`
	Before     json.RawMessage `json:"before"`
	After      json.RawMessage `json:"after"`
	RequestID  string          `json:"request_id"`
}

func raw(s *string) json.RawMessage {
	if s == nil {
		return json.RawMessage("null")
	}
	return json.RawMessage(*s)
}

// Filter is what the audit list and its export are narrowed by.
type Filter struct {
	Action     string    `query:"action" maxLength:"100" doc:"exact action, or a prefix ending in '.' (e.g. user.)"`
	ActorID    int64     `query:"actor_id" minimum:"0"`
	TargetType string    `query:"target_type" maxLength:"50"`
	From       time.Time `query:"from" doc:"RFC 3339"`
	To         time.Time `query:"to" doc:"RFC 3339"`
}

// Page is one page of the log; its action names follow the reader's language.
type Page struct {
	Items []View `json:"items"`
	Total int64  `json:"total"`
}

// Localize names each action in lang (see web's localizeBody).
func (pg Page) Localize(lang apperr.Lang) any {
	out := Page{Items: make([]View, len(pg.Items)), Total: pg.Total}
	for i, v := range pg.Items {
		v.ActionName = ActionName(v.Action, lang)
		out.Items[i] = v
	}
	return out
}

// readable checks that p reads the whole bank's log and returns the query
// over it narrowed by f.
func (h *Handlers) readable(ctx context.Context, p *access.Principal, f Filter) (*gorm.DB, error) {
	scopes, err := h.Guard.Scopes(ctx, p, PermRead)
	if err != nil {
		return nil, err
	}
	// The log is tenant-wide: only a grant at the head office reads it.
	if strings.Count(scopes[0], "/") != 2 {
		return nil, apperr.Forbidden()
	}
	q := h.DB.R.WithContext(ctx).Model(&Entry{}).Scopes(store.Tenant(p.TenantID))
	switch {
	case strings.HasSuffix(f.Action, "."):
		q = q.Where("action LIKE ?", f.Action+"%")
	case f.Action != "":
		q = q.Where("action = ?", f.Action)
	}
	if f.ActorID > 0 {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.TargetType != "" {
		q = q.Where("target_type = ?", f.TargetType)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	return q, nil
}

func viewOf(e Entry) View {
	return View{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action, ActionName: e.Action,
		TargetType: e.TargetType, TargetID: e.TargetID, Before: raw(e.BeforeJSON), After: raw(e.AfterJSON), RequestID: e.RequestID}
}

// Routes registers GET /api/v1/audit, the actions in it and its export.
func (h *Handlers) Routes(api huma.API) {
	type auditListIn struct {
		Filter
		Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
		PageSize int `query:"page_size" minimum:"1" maximum:"200" default:"50"`
	}
	type auditListOut struct{ Body Page }
	huma.Register(api, huma.Operation{OperationID: "list-audit", Method: http.MethodGet, Path: "/api/v1/audit", Tags: []string{"audit"},
		Summary: "Page and filter the tenant's audit log", Errors: []int{401, 403}},
		access.Signed(func(ctx context.Context, p *access.Principal, in *auditListIn) (*auditListOut, error) {
			q, err := h.readable(ctx, p, in.Filter)
			if err != nil {
				return nil, err
			}
			out := &auditListOut{}
			if err := q.Count(&out.Body.Total).Error; err != nil {
				return nil, err
			}
			var es []Entry
			if err := q.Order("at DESC, id DESC").Offset((in.Page - 1) * in.PageSize).Limit(in.PageSize).Find(&es).Error; err != nil {
				return nil, err
			}
			out.Body.Items = make([]View, len(es))
			for i, e := range es {
				out.Body.Items[i] = viewOf(e)
			}
			return out, nil
		}))
	h.actionRoutes(api)
	h.exportRoutes(api)
}
