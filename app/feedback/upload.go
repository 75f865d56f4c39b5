package feedback

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// UploadIn names what an uploaded file is.
type UploadIn struct {
	Kind     string // feedback or results
	Source   string
	Encoding string // utf-8, gbk or auto; empty: the source's, else utf-8
	Filename string
}

// Upload stores a file as it arrives, a megabyte at a time, then creates its
// import row and queues its job in one transaction. The pieces are written
// first under a private negative id, each in a short transaction of its
// own (on SQLite a long one would hold every other writer for the whole
// upload), and handed to the import in that last transaction.
func (s *Service) Upload(ctx context.Context, p *access.Principal, in UploadIn, file io.Reader) (*Import, int64, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, 0, err
	}
	var fs []apperr.Field
	if in.Kind != "feedback" && in.Kind != "results" {
		fs = append(fs, apperr.Field{Location: "query.kind", Message: "must be feedback or results", Value: in.Kind})
	}
	if !sourceCode.MatchString(in.Source) {
		fs = append(fs, apperr.Field{Location: "query.source", Message: msgBadSource, Value: in.Source})
	}
	if in.Encoding != "" && !slices.Contains(encodings, in.Encoding) {
		fs = append(fs, apperr.Field{Location: "query.encoding", Message: "must be utf-8, gbk or auto", Value: in.Encoding})
	}
	if len(fs) > 0 {
		return nil, 0, apperr.Invalid(fs...)
	}
	if in.Encoding == "" {
		in.Encoding = "utf-8"
		if src, err := s.sourceByCode(ctx, p.TenantID, in.Source); err != nil {
			return nil, 0, err
		} else if src != nil && src.Encoding != "" {
			in.Encoding = src.Encoding
		}
	}
	if len(in.Filename) > 255 {
		in.Filename = in.Filename[:255]
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	temp := -int64(binary.BigEndian.Uint64(b[:])>>1) - 1
	size, err := s.storeChunks(ctx, p.TenantID, temp, file)
	if err != nil {
		_ = s.DB.W.WithContext(context.WithoutCancel(ctx)).Scopes(store.Tenant(p.TenantID)).Where("import_id = ?", temp).Delete(&UploadChunk{}).Error
		return nil, 0, err
	}
	now := s.Now().UTC()
	imp := Import{TenantID: p.TenantID, Kind: in.Kind, Source: in.Source, Filename: strings.TrimSpace(in.Filename), Encoding: in.Encoding,
		Bytes: size, State: ImportQueued, Errors: []byte("[]"), CreatedBy: p.UserID, CreatedAt: now}
	var jobID int64
	err = s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&imp).Error; err != nil {
			return err
		}
		if err := tx.Model(&UploadChunk{}).Scopes(store.Tenant(p.TenantID)).Where("import_id = ?", temp).Update("import_id", imp.ID).Error; err != nil {
			return err
		}
		if s.Jobs == nil {
			return errors.New("feedback: no job engine")
		}
		var err error
		if jobID, err = s.Jobs.EnqueueTx(tx, p.TenantID, p, ImportArgs{ImportID: imp.ID}); err != nil {
			return err
		}
		imp.JobRunID = &jobID
		if err := tx.Model(&Import{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", imp.ID).Update("job_run_id", jobID).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "feedback.upload", "feedback_import", fmt.Sprint(imp.ID), nil, imp)
	})
	if err != nil {
		return nil, 0, err
	}
	return &imp, jobID, nil
}

// storeChunks writes the file in pieces and returns its size; past the
// configured size it stops with a 413.
func (s *Service) storeChunks(ctx context.Context, tenantID, importID int64, file io.Reader) (int64, error) {
	buf := make([]byte, chunkSize)
	var size int64
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(file, buf)
		if n > 0 {
			size += int64(n)
			if size > s.maxUpload() {
				return 0, &apperr.Problem{Status: http.StatusRequestEntityTooLarge, Detail: "the file is larger than {max} MB",
					DetailArgs: apperr.Args{"max": s.maxUpload() >> 20}}
			}
			c := UploadChunk{TenantID: tenantID, ImportID: importID, Seq: seq, Data: buf[:n]}
			if err := s.DB.W.WithContext(ctx).Create(&c).Error; err != nil {
				return 0, err
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return 0, apperr.Invalid(apperr.Field{Location: "body.file", Message: "could not be read"})
		}
	}
	if size == 0 {
		return 0, apperr.Invalid(apperr.Field{Location: "body.file", Message: "the file is empty"})
	}
	return size, nil
}

// Imports pages the bank's imports, newest first.
func (s *Service) Imports(ctx context.Context, p *access.Principal, page, size int) ([]Import, int64, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, 0, err
	}
	q := s.DB.R.WithContext(ctx).Model(&Import{}).Scopes(store.Tenant(p.TenantID))
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	out := []Import{}
	err := q.Order("created_at DESC, id DESC").Offset((page - 1) * size).Limit(size).Find(&out).Error
	for i := range out {
		s.live.fill(&out[i])
	}
	return out, total, err
}

// GetImport is one import with its report.
func (s *Service) GetImport(ctx context.Context, p *access.Principal, id int64) (*Import, error) {
	if err := s.Guard.Can(ctx, p, PermImport); err != nil {
		return nil, err
	}
	var rows []Import
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, apperr.NotFound("import")
	}
	s.live.fill(&rows[0])
	return &rows[0], nil
}
