package feedback

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

// New records are written in bulk below GORM: building each row's values
// by reflection was the largest cost of a file import after the database's
// own. On SQLite a prepared insert of many rows at a time, on PostgreSQL a
// COPY, both inside the import's transaction.

// insertCols are the columns a new record is written with (the id is the
// database's).
var insertCols = []string{"tenant_id", "source", "external_id", "channel", "occurred_at", "month", "branch_id", "employee_id",
	"score_milli", "resolved", "complaint", "category", "comment", "content_hash", "excluded", "created_at", "updated_at"}

// sqliteRowsPerInsert is the rows of one prepared insert: 17 variables a
// row, well under SQLite's limit of 32,766.
const sqliteRowsPerInsert = 500

func recordValues(r *Record, into []any) []any {
	var emp, score, resolved any
	if r.EmployeeID != nil {
		emp = *r.EmployeeID
	}
	if r.ScoreMilli != nil {
		score = int64(*r.ScoreMilli)
	}
	if r.Resolved != nil {
		resolved = *r.Resolved
	}
	return append(into, r.TenantID, r.Source, r.ExternalID, r.Channel, r.OccurredAt, int64(r.Month), r.BranchID, emp, score, resolved,
		r.Complaint, r.Category, r.Comment, r.ContentHash, r.Excluded, r.CreatedAt, r.UpdatedAt)
}

// inserter writes new records in the transaction tx. pg is the connection
// the transaction runs on when it is PostgreSQL's (COPY needs the driver's
// own connection); nil on SQLite and for callers that have none, where
// prepared multi-row inserts do the work.
type inserter struct {
	ctx   context.Context
	tx    *gorm.DB
	pg    *sql.Conn
	stmts map[int]*sql.Stmt // by rows per statement
	args  []any
}

func newInserter(ctx context.Context, tx *gorm.DB, pg *sql.Conn) *inserter {
	return &inserter{ctx: ctx, tx: tx, pg: pg, stmts: map[int]*sql.Stmt{}}
}

func (w *inserter) insert(recs []Record) error {
	if len(recs) == 0 {
		return nil
	}
	if w.pg != nil {
		return w.copyPG(recs)
	}
	if w.tx.Dialector.Name() == "postgres" {
		// An API batch (at most MaxBatch rows) has no connection of its own.
		return w.tx.CreateInBatches(recs, 500).Error
	}
	for len(recs) > 0 {
		n := min(len(recs), sqliteRowsPerInsert)
		st, err := w.stmt(n)
		if err != nil {
			return err
		}
		w.args = w.args[:0]
		for i := range recs[:n] {
			w.args = recordValues(&recs[i], w.args)
		}
		if _, err := st.ExecContext(w.ctx, w.args...); err != nil {
			return fmt.Errorf("feedback: insert records: %w", err)
		}
		recs = recs[n:]
	}
	return nil
}

// stmt prepares (once) the insert of n rows in the transaction.
func (w *inserter) stmt(n int) (*sql.Stmt, error) {
	if st := w.stmts[n]; st != nil {
		return st, nil
	}
	if len(w.stmts) == 0 {
		// With a statement that may stop halfway (a constraint on ABORT,
		// the default, or an immediate foreign key), SQLite first copies
		// every page each 500-row insert changes into a statement journal,
		// to undo that statement alone: a fifth of the work, and memory
		// allocated and freed again for each statement. Nothing here needs
		// to undo one statement: any error rolls the whole transaction
		// back. So the insert FAILs instead of ABORTing and the foreign
		// keys are checked at COMMIT (this pragma lasts until it).
		if err := w.tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
			return nil, fmt.Errorf("feedback: defer foreign keys: %w", err)
		}
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(insertCols)), ", ") + ")"
	q := "INSERT OR FAIL INTO feedback_records (" + strings.Join(insertCols, ", ") + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	st, err := w.tx.Statement.ConnPool.PrepareContext(w.ctx, q)
	if err != nil {
		return nil, fmt.Errorf("feedback: prepare insert: %w", err)
	}
	w.stmts[n] = st
	return st, nil
}

func (w *inserter) copyPG(recs []Record) error {
	return w.pg.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("feedback: not a pgx connection: %T", dc)
		}
		row := make([]any, 0, len(insertCols))
		_, err := c.Conn().CopyFrom(w.ctx, pgx.Identifier{"feedback_records"}, insertCols, pgx.CopyFromFunc(func() ([]any, error) {
			if len(recs) == 0 {
				return nil, nil
			}
			row = recordValues(&recs[0], row[:0])
			recs = recs[1:]
			return row, nil
		}))
		if err != nil {
			return fmt.Errorf("feedback: copy records: %w", err)
		}
		return nil
	})
}

// close lets the prepared statements go.
func (w *inserter) close() {
	for _, st := range w.stmts {
		_ = st.Close()
	}
}
