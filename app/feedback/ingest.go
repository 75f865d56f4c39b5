package feedback

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
)

// MaxBatch is the most records (or results) one API call may send.
const MaxBatch = 10000

// batchSize is how many rows one round trip compares and writes.
const batchSize = 1000

var sourceCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

var metricCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

const msgBadSource = "1–64 letters, digits, '.', '_' or '-'"

func checkSource(loc, code string) error {
	if !sourceCode.MatchString(code) {
		return apperr.Invalid(apperr.Field{Location: loc, Message: msgBadSource, Value: code})
	}
	return nil
}

// IngestRecords stores an API batch: every record valid, or none stored
// (422 naming each bad field as body.records[i].field).
func (s *Service) IngestRecords(ctx context.Context, p *access.Principal, source string, in []RecordIn) (Counts, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermImport)
	if err != nil {
		return Counts{}, err
	}
	if err := checkSource("body.source", source); err != nil {
		return Counts{}, err
	}
	c, err := loadCodes(ctx, s.DB.R, p.TenantID)
	if err != nil {
		return Counts{}, err
	}
	recs := make([]Record, 0, len(in))
	var fields []apperr.Field
	seen := make(map[string]int, len(in))
	for i := range in {
		r, bad := prepare(c, p.TenantID, source, &in[i], scopes)
		if first, dup := seen[r.ExternalID]; dup && r.ExternalID != "" {
			bad = append(bad, issue{field: "external_id", code: CodeDuplicate, msg: "appears more than once (first at index {row})", args: apperr.Args{"row": first}})
		} else if r.ExternalID != "" {
			seen[r.ExternalID] = i
		}
		for _, b := range bad {
			fields = append(fields, apperr.Field{Location: fmt.Sprintf("body.records[%d].%s", i, b.field), Message: b.msg, Args: b.args})
		}
		recs = append(recs, r)
	}
	if len(fields) > 0 {
		return Counts{}, apperr.Invalid(fields...)
	}
	var n Counts
	now := s.Now().UTC()
	err = s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		d := deltas{}
		fresh, err := sourceIsEmpty(tx, p.TenantID, source)
		if err != nil {
			return err
		}
		w := newInserter(ctx, tx, nil)
		defer w.close()
		for from := 0; from < len(recs); from += batchSize {
			if err := applyBatch(tx, w, fresh, p.TenantID, source, recs[from:min(from+batchSize, len(recs))], d, &n, now); err != nil {
				return err
			}
		}
		return s.finishIngest(ctx, tx, p, "feedback", source, len(in), d, nil, n, now)
	})
	return n, err
}

// finishIngest ends an API batch's transaction: rollups, the KPI listener,
// an import row for the history, the audit entry.
func (s *Service) finishIngest(ctx context.Context, tx *gorm.DB, p *access.Principal, kind, source string, rows int, d deltas, months map[int]bool, n Counts, now time.Time) error {
	if months == nil {
		months = map[int]bool{}
	}
	if err := d.flush(tx, p.TenantID); err != nil {
		return err
	}
	d.months(months)
	if err := s.changed(tx, p.TenantID, months); err != nil {
		return err
	}
	imp := Import{TenantID: p.TenantID, Kind: kind, Source: source, Encoding: "json", State: ImportDone, RowsTotal: int64(rows),
		Inserted: n.Inserted, Updated: n.Updated, Unchanged: n.Unchanged, Errors: []byte("[]"), CreatedBy: p.UserID, CreatedAt: now, FinishedAt: &now}
	if err := tx.Create(&imp).Error; err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.By(p), now, "feedback.ingest", "feedback_import", fmt.Sprint(imp.ID), nil, imp)
}
