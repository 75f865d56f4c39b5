package feedback

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// ImportArgs is the job of one uploaded file.
type ImportArgs struct {
	ImportID int64 `json:"import_id"`
}

// Kind names the job.
func (ImportArgs) Kind() string { return "feedback.import" }

// RegisterJobs gives the engine the import worker; call it before Start.
func (s *Service) RegisterJobs(e *jobs.Engine) {
	jobs.Register(e, func(ctx context.Context, job *jobs.Job, a ImportArgs) error {
		return s.RunImport(ctx, job.TenantID, a.ImportID, job.Progress)
	})
}

// MaxFileErrors is how many problems a report lists; the count goes on.
const MaxFileErrors = 1000

const msgFileHasErrors = "the file has errors; nothing was imported"

// RunImport reads an uploaded file twice: first to check every row (and
// report every problem by row and column), then, only when there is none,
// to apply it all in one transaction. It may run again after a crash: a
// finished import is left alone, and an unfinished one wrote nothing.
func (s *Service) RunImport(ctx context.Context, tenantID, importID int64, progress func(ctx context.Context, done, total int64) error) (err error) {
	var imp Import
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", importID).Take(&imp).Error; err != nil {
		return err
	}
	if imp.State == ImportDone || imp.State == ImportFailed {
		return nil
	}
	if err := s.DB.W.WithContext(ctx).Model(&Import{}).Scopes(store.Tenant(tenantID)).Where("id = ?", imp.ID).Update("state", ImportRunning).Error; err != nil {
		return err
	}
	c, err := loadCodes(ctx, s.DB.R, tenantID)
	if err != nil {
		return err
	}
	mapping := map[string]string{}
	if src, err := s.sourceByCode(ctx, tenantID, imp.Source); err != nil {
		return err
	} else if src != nil && len(src.Mapping) > 0 {
		_ = json.Unmarshal(src.Mapping, &mapping)
	}
	enc := imp.Encoding
	if enc == "auto" {
		if enc, err = detectEncoding(newChunkReader(ctx, s.DB.R, tenantID, imp.ID)); err != nil {
			return err
		}
	}
	total := imp.Bytes
	f := &fileRun{s: s, ctx: ctx, imp: &imp, codes: c, mapping: mapping, enc: enc, scopes: []string{"/"}}
	read := s.live.start(imp.ID)
	defer s.live.stop(imp.ID)
	// On SQLite the job's row cannot move until the transaction commits
	// (see liveImports): the import's view shows read instead.
	report := progress != nil && s.DB.Dialect != migrations.SQLite
	f.progress = func(done int64) error {
		s.live.set(imp.ID, read, done)
		if !report {
			return nil
		}
		return progress(ctx, done, total)
	}
	db := s.DB.W.WithContext(ctx)
	var pg *sql.Conn
	if s.DB.Dialect != migrations.SQLite {
		// COPY needs the driver's connection: the transaction runs on one
		// held for the import.
		w, err := s.DB.W.DB()
		if err != nil {
			return err
		}
		if pg, err = w.Conn(ctx); err != nil {
			return err
		}
		defer pg.Close()
		db = s.DB.W.Session(&gorm.Session{NewDB: true, Context: ctx})
		db.Statement.ConnPool = pg
	}
	now := s.Now().UTC()
	var problems []FileError
	var rowsTotal int64
	// Two keys of the file met on one hash and nothing else was wrong:
	// everything written is rolled back, and the file read once more with
	// the keys themselves (see keyCheck).
	for exact := false; ; exact = true {
		err = db.Transaction(func(tx *gorm.DB) error {
			n, months, found, rows, err := f.run(tx, pg, now, exact)
			rowsTotal = rows
			if err != nil {
				return err
			}
			if len(found) > 0 {
				problems = found
				return errFileHasErrors
			}
			if err := s.changed(tx, tenantID, months); err != nil {
				return err
			}
			res := tx.Model(&Import{}).Scopes(store.Tenant(tenantID)).Where("id = ? AND state = ?", imp.ID, ImportRunning).Updates(map[string]any{
				"state": ImportDone, "rows_total": rowsTotal, "inserted": n.Inserted, "updated": n.Updated, "unchanged": n.Unchanged,
				"errors": json.RawMessage("[]"), "finished_at": now})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return fmt.Errorf("feedback: import %d changed state while it ran", imp.ID)
			}
			if err := tx.Scopes(store.Tenant(tenantID)).Where("import_id = ?", imp.ID).Delete(&UploadChunk{}).Error; err != nil {
				return err
			}
			by := imp.CreatedBy
			return audit.Record(ctx, tx, audit.Actor{TenantID: tenantID, UserID: &by, Name: "feedback.import"}, now, "feedback.import", "feedback_import",
				fmt.Sprint(imp.ID), nil, map[string]any{"rows": rowsTotal, "inserted": n.Inserted, "updated": n.Updated, "unchanged": n.Unchanged})
		})
		if exact || !errors.Is(err, errKeysUnsure) {
			break
		}
	}
	if errors.Is(err, errFileHasErrors) {
		blob, _ := json.Marshal(problems)
		err := s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			if err := tx.Model(&Import{}).Scopes(store.Tenant(tenantID)).Where("id = ?", imp.ID).Updates(map[string]any{
				"state": ImportFailed, "rows_total": rowsTotal, "errors": json.RawMessage(blob), "finished_at": now}).Error; err != nil {
				return err
			}
			return tx.Scopes(store.Tenant(tenantID)).Where("import_id = ?", imp.ID).Delete(&UploadChunk{}).Error
		})
		if err != nil {
			return err
		}
		return jobs.Abort(msgFileHasErrors, nil)
	}
	if err == nil && progress != nil {
		err = progress(ctx, total, total)
	}
	return err
}

// errFileHasErrors rolls the import's transaction back when a row is bad.
var errFileHasErrors = errors.New("feedback: the file has errors")

// fileRun is one reading of an upload.
type fileRun struct {
	s        *Service
	ctx      context.Context
	imp      *Import
	codes    *codes
	mapping  map[string]string
	enc      string
	scopes   []string
	progress func(done int64) error
	names    map[int]string // the file's header of each mapped cell
	tx       *gorm.DB       // the import's transaction
	// writesAhead: rows are written on another goroutine (PostgreSQL).
	writesAhead bool
}

func (f *fileRun) fields() []string {
	if f.imp.Kind == "results" {
		return resultFields
	}
	return recordFields
}

func (f *fileRun) required() []string {
	if f.imp.Kind == "results" {
		return resultRequired
	}
	return []string{"external_id", "channel", "occurred_at", "branch_code"}
}

// open starts reading the file: its header checked, the columns mapped.
func (f *fileRun) open() (rows, *chunkReader, map[string]int, map[int]string, []FileError, error) {
	// On SQLite the file is read in the import's transaction, through the
	// writer's bounded page cache: the readers map the database file, and
	// every chunk read through them stayed resident (a million rows:
	// +70 MB). On PostgreSQL the transaction's connection is busy with
	// the writes (see writeAhead): the file is read through the pool.
	from := f.tx
	if f.writesAhead {
		from = f.s.DB.R
	}
	cr := newChunkReader(f.ctx, from, f.imp.TenantID, f.imp.ID)
	var rs rows
	head := make([]byte, 4)
	n, _ := io.ReadFull(cr, head)
	src := io.MultiReader(bytes.NewReader(head[:n]), cr)
	if isXLSX(f.imp.Filename, head[:n]) {
		x, err := newXLSXRows(src)
		if err != nil {
			return nil, nil, nil, nil, []FileError{newFileError(1, "", CodeBadValue, "not a readable .xlsx workbook", nil)}, nil
		}
		rs, f.enc = x, "utf-8"
	} else {
		rs = newCSVRows(src)
	}
	_, header, err := rs.next()
	if err == io.EOF {
		_ = rs.close()
		return nil, nil, nil, nil, []FileError{newFileError(1, "", CodeMissing, "the file is empty", nil)}, nil
	}
	if err != nil {
		_ = rs.close()
		return nil, nil, nil, nil, []FileError{newFileError(1, "", CodeBadValue, "not a valid CSV file: {reason}", apperr.Args{"reason": err.Error()})}, nil
	}
	decoded := make([]string, len(header))
	for i, h := range header {
		v, ok := decodeCell(f.enc, h)
		if !ok {
			_ = rs.close()
			return nil, nil, nil, nil, []FileError{newFileError(1, fmt.Sprintf("#%d", i+1), CodeInvalidEncoding, msgInvalidEncoding, apperr.Args{"encoding": f.enc})}, nil
		}
		decoded[i] = v
	}
	col, names := columns(decoded, f.fields(), f.mapping)
	f.names = names
	var missing []FileError
	for _, r := range f.required() {
		if _, ok := col[r]; !ok {
			h := r
			if m, ok := f.mapping[r]; ok {
				h = m
			}
			missing = append(missing, newFileError(1, h, CodeMissing, "the column is missing", nil))
		}
	}
	if len(missing) > 0 {
		_ = rs.close()
		return nil, nil, nil, nil, missing, nil
	}
	return rs, cr, col, names, nil, nil
}

// each reads every data row, decoded, and hands it to fn with the
// problems of its bytes; blank rows are skipped.
func (f *fileRun) each(fn func(row int, c cells, bad []FileError) error) ([]FileError, int64, error) {
	rs, cr, col, names, fileErrs, err := f.open()
	if err != nil || fileErrs != nil {
		return fileErrs, 0, err
	}
	defer rs.close()
	var count int64
	vals := []string{}
	for {
		row, raw, err := rs.next()
		if err == io.EOF {
			return nil, count, nil
		}
		if err != nil {
			return []FileError{newFileError(row, "", CodeBadValue, "not a valid CSV file: {reason}", apperr.Args{"reason": err.Error()})}, count, nil
		}
		blank := true
		vals = vals[:0]
		var bad []FileError
		for i, r := range raw {
			v, ok := decodeCell(f.enc, r)
			if !ok {
				name := names[i]
				if name == "" {
					name = fmt.Sprintf("#%d", i+1)
				}
				bad = append(bad, newFileError(row, name, CodeInvalidEncoding, msgInvalidEncoding, apperr.Args{"encoding": f.enc}))
			}
			if v != "" {
				blank = false
			}
			vals = append(vals, v)
		}
		if blank && len(bad) == 0 {
			continue
		}
		count++
		if err := fn(row, cells{col: col, vals: vals}, bad); err != nil {
			return nil, count, err
		}
		if err := f.progress(cr.read); err != nil {
			return nil, count, err
		}
	}
}

// run reads the file once, in the caller's transaction: every row is
// checked, and while none is bad, written in batches (rollups gathered in
// memory and flushed once at the end). Kept in memory besides a batch are
// the problems (up to MaxFileErrors) and a hash of each key, to find
// repeats (keyCheck; exact keeps the keys themselves). After the first bad
// row, or the first key that may repeat, nothing more is written: the
// caller rolls the transaction back and reports every problem.
func (f *fileRun) run(tx *gorm.DB, pg *sql.Conn, now time.Time, exact bool) (n Counts, months map[int]bool, problems []FileError, rowsTotal int64, err error) {
	f.tx, f.writesAhead = tx, pg != nil
	keys := newKeyCheck(exact)
	note := func(e FileError) {
		if len(problems) < MaxFileErrors {
			problems = append(problems, e)
		}
	}
	stopped := func() bool { return len(problems) > 0 || keys.unsure() }
	fresh, err := sourceIsEmpty(tx, f.imp.TenantID, f.imp.Source)
	if err != nil {
		return n, nil, nil, 0, err
	}
	w := newInserter(f.ctx, tx, pg)
	defer w.close()
	w.hold()
	d := deltas{}
	months = map[int]bool{}
	// The writer alone touches the transaction, n, d and months until
	// wait returns.
	size, first := batchSize, batchSize
	if f.writesAhead {
		// The first batch is small so that the server starts its COPY
		// while the reader is still at the top of the file.
		size, first = copyBatchSize, batchSize
	}
	ahead := newWriteAhead(f.writesAhead, size, func(b batch) error {
		if f.imp.Kind == "results" {
			return applyResults(tx, f.imp.TenantID, b.rs, months, &n, now)
		}
		return applyBatch(tx, w, fresh, f.imp.TenantID, f.imp.Source, b.recs, d, &n, now)
	})
	defer func() { _ = ahead.wait() }()
	cur := ahead.next()
	flush := func() error {
		if stopped() || cur.len() == 0 {
			return nil
		}
		err := ahead.send(cur)
		cur = ahead.next()
		return err
	}
	fileErrs, rowsTotal, err := f.each(func(row int, c cells, bad []FileError) error {
		for _, b := range bad {
			note(b)
		}
		if len(bad) > 0 {
			return nil
		}
		rec, res, issues, key := f.check(c)
		for _, b := range issues {
			note(fileError(row, f.column(c, b.field), b))
		}
		if key != "" {
			switch first, seen := keys.see(row, key); seen {
			case keyRepeated:
				note(fileError(row, f.column(c, f.keyField()), duplicateIssue(f.keyField(), first)))
				return nil
			case keyMaybe:
				return nil
			}
		}
		if stopped() {
			return nil
		}
		if f.imp.Kind == "results" {
			cur.rs = append(cur.rs, res)
		} else {
			cur.recs = append(cur.recs, rec)
		}
		if cur.len() == first {
			first = size
			return flush()
		}
		return nil
	})
	if err == nil && fileErrs == nil {
		err = flush()
	}
	if werr := ahead.wait(); err == nil {
		err = werr
	}
	if err == nil && fileErrs != nil {
		return n, nil, fileErrs, rowsTotal, nil
	}
	if err == nil && keys.unsure() {
		var repeats []FileError
		if repeats, err = f.repeats(keys); err == nil {
			if len(repeats) == 0 && len(problems) == 0 {
				return n, nil, nil, rowsTotal, errKeysUnsure
			}
			problems = mergeByRow(problems, repeats, MaxFileErrors)
		}
	}
	if err == nil && !stopped() {
		err = w.flush()
	}
	if err != nil || stopped() {
		return n, nil, problems, rowsTotal, err
	}
	if err := d.flush(tx, f.imp.TenantID); err != nil {
		return n, nil, nil, rowsTotal, err
	}
	d.months(months)
	return n, months, nil, rowsTotal, nil
}

// check reads one row: the record or result it makes, its problems, and
// its key ("" when it has none to compare).
func (f *fileRun) check(c cells) (Record, BusinessResult, []issue, string) {
	if f.imp.Kind == "results" {
		in, b := resultOf(c)
		r, b2 := prepareResult(f.codes, f.imp.TenantID, f.imp.Source, &in, f.scopes)
		issues := append(b, b2...)
		if len(issues) > 0 {
			return Record{}, r, issues, ""
		}
		return Record{}, r, nil, fmt.Sprintf("%d/%d/%s", r.EmployeeID, r.Month, r.Metric)
	}
	in, b := recordOf(c, f.codes.loc)
	r, b2 := prepare(f.codes, f.imp.TenantID, f.imp.Source, &in, f.scopes)
	return r, BusinessResult{}, append(b, dropRepeats(b, b2)...), in.ExternalID
}

// keyField is the field a repeated key is reported on.
func (f *fileRun) keyField() string {
	if f.imp.Kind == "results" {
		return "metric"
	}
	return "external_id"
}

// repeats reads the file a second time, after a hash was seen twice, and
// reports the rows that repeat a key, each naming the key's first row.
// Progress is not told: the import's view stays at the end of the file.
func (f *fileRun) repeats(keys *keyCheck) ([]FileError, error) {
	progress := f.progress
	f.progress = func(int64) error { return nil }
	defer func() { f.progress = progress }()
	firstOf := keys.repeats()
	var out []FileError
	fileErrs, _, err := f.each(func(row int, c cells, bad []FileError) error {
		if len(bad) > 0 || len(out) == MaxFileErrors {
			return nil
		}
		_, _, _, key := f.check(c)
		if key == "" {
			return nil
		}
		if first := firstOf(row, key); first > 0 {
			out = append(out, fileError(row, f.column(c, f.keyField()), duplicateIssue(f.keyField(), first)))
		}
		return nil
	})
	if err == nil && fileErrs != nil {
		// The file read well the first time.
		err = fmt.Errorf("feedback: import %d read differently a second time", f.imp.ID)
	}
	return out, err
}

// column is the file's header of field, for a report.
func (f *fileRun) column(c cells, field string) string {
	if i, ok := c.col[field]; ok {
		return f.nameOf(i, field)
	}
	return field
}

// dropRepeats leaves out of later the fields early already reported (a bad
// date is also a missing one to prepare).
func dropRepeats(early, later []issue) []issue {
	var out []issue
	for _, l := range later {
		dup := false
		for _, e := range early {
			dup = dup || e.field == l.field
		}
		if !dup {
			out = append(out, l)
		}
	}
	return out
}

func (f *fileRun) nameOf(i int, field string) string {
	if n := f.names[i]; n != "" {
		return n
	}
	return field
}
