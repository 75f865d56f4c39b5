package readlog

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// Handlers serve the read log to auditors and to each person about themself.
type Handlers struct {
	DB    *store.DB
	Guard access.Guard
}

// ReadPerson is a viewer or a subject with the name the bank knows them by.
type ReadPerson struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// ReadView is one recorded read as clients see it.
type ReadView struct {
	ID       int64      `json:"id"`
	At       time.Time  `json:"at"`
	Viewer   ReadPerson `json:"viewer"`
	Subject  ReadPerson `json:"subject"`
	Kind     string     `json:"kind" enum:"attempt,transcript,feedback,kpi,profile"`
	ObjectID string     `json:"object_id"`
	Reads    int        `json:"reads"`
}

type readListOut struct {
	Body struct {
		Items    []ReadView `json:"items"`
		Total    int64      `json:"total"`
		Page     int        `json:"page"`
		PageSize int        `json:"page_size"`
	}
}

func op(id, method, path, summary string) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"read log"}, Summary: summary,
		Errors: []int{401, 403, 422}}
}

// Routes registers the auditor's list and the person's own.
func (h *Handlers) Routes(api huma.API) {
	huma.Register(api, op("list-personal-data-reads", http.MethodGet, "/api/v1/readlog",
		"Who looked at whose personal data, newest first (auditors, at the head office)"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ViewerID  int64     `query:"viewer_id" minimum:"0"`
			SubjectID int64     `query:"subject_id" minimum:"0"`
			Kind      string    `query:"kind" enum:"attempt,transcript,feedback,kpi,profile,"`
			From      time.Time `query:"from" doc:"RFC 3339"`
			To        time.Time `query:"to" doc:"RFC 3339"`
			Page      int       `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize  int       `query:"page_size" minimum:"1" maximum:"200" default:"50"`
		}) (*readListOut, error) {
			scopes, err := h.Guard.Scopes(ctx, p, audit.PermRead)
			if err != nil {
				return nil, err
			}
			// Like the audit log, the read log is the whole bank's.
			if strings.Count(scopes[0], "/") != 2 {
				return nil, apperr.Forbidden()
			}
			return h.list(ctx, p.TenantID, func(q *gorm.DB) *gorm.DB {
				if in.ViewerID > 0 {
					q = q.Where("viewer_id = ?", in.ViewerID)
				}
				if in.SubjectID > 0 {
					q = q.Where("subject_id = ?", in.SubjectID)
				}
				if in.Kind != "" {
					q = q.Where("kind = ?", in.Kind)
				}
				if !in.From.IsZero() {
					q = q.Where("at >= ?", in.From.UTC())
				}
				if !in.To.IsZero() {
					q = q.Where("at < ?", in.To.UTC())
				}
				return q
			}, in.Page, in.PageSize)
		}))

	huma.Register(api, op("list-my-personal-data-reads", http.MethodGet, "/api/v1/readlog/mine",
		"Who has looked at my personal data, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int `query:"page_size" minimum:"1" maximum:"200" default:"50"`
		}) (*readListOut, error) {
			return h.list(ctx, p.TenantID, func(q *gorm.DB) *gorm.DB {
				return q.Where("subject_id = ?", p.UserID)
			}, in.Page, in.PageSize)
		}))
}

func (h *Handlers) list(ctx context.Context, tenantID int64, filter func(*gorm.DB) *gorm.DB, page, size int) (*readListOut, error) {
	q := filter(h.DB.R.WithContext(ctx).Model(&Read{}).Scopes(store.Tenant(tenantID)))
	out := &readListOut{}
	out.Body.Page, out.Body.PageSize = page, size
	if err := q.Count(&out.Body.Total).Error; err != nil {
		return nil, err
	}
	var rows []Read
	if err := q.Order("at DESC, id DESC").Offset((page - 1) * size).Limit(size).Find(&rows).Error; err != nil {
		return nil, err
	}
	names, err := h.names(ctx, tenantID, rows)
	if err != nil {
		return nil, err
	}
	out.Body.Items = make([]ReadView, len(rows))
	for i, r := range rows {
		out.Body.Items[i] = ReadView{ID: r.ID, At: r.At, Kind: r.Kind, ObjectID: r.ObjectID, Reads: r.Reads,
			Viewer: ReadPerson{ID: r.ViewerID, Name: names[r.ViewerID]}, Subject: ReadPerson{ID: r.SubjectID, Name: names[r.SubjectID]}}
	}
	return out, nil
}

// names reads the display names of a page's people in one query.
func (h *Handlers) names(ctx context.Context, tenantID int64, rows []Read) (map[int64]string, error) {
	ids := make([]int64, 0, 2*len(rows))
	for _, r := range rows {
		ids = append(ids, r.ViewerID, r.SubjectID)
	}
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var people []struct {
		ID          int64
		DisplayName string
	}
	if err := h.DB.R.WithContext(ctx).Table("users").Scopes(store.Tenant(tenantID)).
		Select("id, display_name").Where("id IN ?", ids).Scan(&people).Error; err != nil {
		return nil, err
	}
	for _, p := range people {
		out[p.ID] = p.DisplayName
	}
	return out, nil
}
