package audit

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/export"
)

// ExportLimit is the most entries one export holds. A regulator's request
// names a period; a bank's whole log in one spreadsheet helps nobody, and
// the file is built in memory.
var ExportLimit = 50000

var exportHeaders = map[apperr.Lang][]string{
	apperr.Chinese: {"编号", "时间", "操作人", "操作", "操作代码", "对象类型", "对象编号", "变更前", "变更后", "请求编号"},
	apperr.English: {"ID", "Time", "By", "Action", "Action code", "Object type", "Object ID", "Before", "After", "Request ID"},
}

func (h *Handlers) exportRoutes(api huma.API) {
	type exportIn struct {
		Filter
		Format         string `query:"format" enum:"csv,xlsx" default:"csv"`
		Lang           string `query:"lang" enum:"zh-CN,en," doc:"the file's language; the Accept-Language header's when left out (a download link sends the browser's, not the page's)"`
		AcceptLanguage string `header:"Accept-Language"`
	}
	huma.Register(api, huma.Operation{OperationID: "export-audit", Method: http.MethodGet, Path: "/api/v1/audit/export", Tags: []string{"audit"},
		Summary: "The filtered audit log as CSV or .xlsx, in the reader's language and the bank's time zone (at most 50,000 entries)",
		Errors:  []int{401, 403, 422}},
		access.Signed(func(ctx context.Context, p *access.Principal, in *exportIn) (*export.File, error) {
			q, err := h.readable(ctx, p, in.Filter)
			if err != nil {
				return nil, err
			}
			var n int64
			if err := q.Count(&n).Error; err != nil {
				return nil, err
			}
			if n > int64(ExportLimit) {
				return nil, apperr.Invalid(apperr.Field{Location: "query.from", Value: in.From,
					Message: "narrow the dates: {n} entries match, an export holds at most {max}", Args: apperr.Args{"n": n, "max": ExportLimit}})
			}
			zone, err := h.zone(ctx, p.TenantID)
			if err != nil {
				return nil, err
			}
			lang := apperr.LangOf(in.AcceptLanguage)
			if in.Lang != "" {
				lang = apperr.LangOf(in.Lang)
			}
			name := "audit-" + h.now().In(zone).Format("20060102")
			return export.Write(in.Format, "Audit", func(w export.Sheet) (string, error) {
				return name, writeEntries(q, w, lang, zone)
			})
		}))
}

// writeEntries writes the entries oldest first, as a regulator reads a log,
// in batches so the rows are never all loaded at once.
func writeEntries(q *gorm.DB, w export.Sheet, lang apperr.Lang, zone *time.Location) error {
	w.Header(exportHeaders[lang]...)
	var batch []Entry
	return q.Order("id").FindInBatches(&batch, 1000, func(_ *gorm.DB, _ int) error {
		for _, e := range batch {
			w.Row(export.Int(int(e.ID)), export.Text(e.At.In(zone).Format("2006-01-02 15:04:05")), export.Text(e.ActorName),
				export.Text(ActionName(e.Action, lang)), export.Text(e.Action), export.Text(e.TargetType), export.Text(e.TargetID),
				export.Text(deref(e.BeforeJSON)), export.Text(deref(e.AfterJSON)), export.Text(e.RequestID))
		}
		return nil
	}).Error
}

// zone is the bank's time zone; times in an export are the bank's.
func (h *Handlers) zone(ctx context.Context, tenantID int64) (*time.Location, error) {
	var tz string
	if err := h.DB.R.WithContext(ctx).Table("tenants").Where("id = ?", tenantID).Pluck("time_zone", &tz).Error; err != nil {
		return nil, err
	}
	if loc, err := time.LoadLocation(tz); err == nil && tz != "" {
		return loc, nil
	}
	return time.UTC, nil // a bank's zone is checked when set; UTC is the safe reading of a bad one
}

func (h *Handlers) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
