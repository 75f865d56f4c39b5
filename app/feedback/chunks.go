package feedback

import (
	"context"
	"io"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
)

// chunkSize is the piece an upload is stored in.
const chunkSize = 1 << 20

// chunkReader streams an upload back from its chunks, one at a time, so a
// worker holds a megabyte of the file, never the whole of it.
type chunkReader struct {
	ctx      context.Context
	db       *gorm.DB
	tenantID int64
	importID int64
	seq      int
	buf      []byte
	read     int64 // bytes handed out so far
}

func newChunkReader(ctx context.Context, db *gorm.DB, tenantID, importID int64) *chunkReader {
	return &chunkReader{ctx: ctx, db: db, tenantID: tenantID, importID: importID}
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		var data [][]byte
		if err := r.db.WithContext(r.ctx).Model(&UploadChunk{}).Scopes(store.Tenant(r.tenantID)).
			Where("import_id = ? AND seq = ?", r.importID, r.seq).Pluck("data", &data).Error; err != nil {
			return 0, err
		}
		if len(data) == 0 {
			return 0, io.EOF
		}
		r.buf = data[0]
		r.seq++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	r.read += int64(n)
	return n, nil
}
