package feedback

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
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

// copyBatchSize is the rows of one COPY in a file import on PostgreSQL.
// Each COPY is one statement, and the check that the records' branches and
// people exist runs once per statement (migration 38): in larger ones it
// looks up each branch and person once for many rows.
const copyBatchSize = 40_000

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
	// held are new records kept back to be written in the order of the
	// index by person (see hold); nil when records go in as they come.
	held []*Record
}

// heldRecords is how many new records a file import on SQLite holds back
// and writes sorted by person and time. In file order each record lands
// on a random page of the index by person (and of the one by branch): a
// million records make those indexes larger than the writer's page cache,
// and every insert then read a page back and spilled another. Sorted, the
// inserts walk the index once per batch, several to a page.
const heldRecords = 50_000

// hold makes the inserter keep new records back and write them sorted, on
// SQLite; the caller must flush. On PostgreSQL COPY takes them as they come.
func (w *inserter) hold() {
	if w.pg == nil && w.tx.Dialector.Name() != "postgres" {
		w.held = make([]*Record, 0, heldRecords)
	}
}

// flush writes the records held back, ordered as the index by person.
func (w *inserter) flush() error {
	if len(w.held) == 0 {
		return nil
	}
	slices.SortFunc(w.held, func(a, b *Record) int {
		if c := cmp.Compare(idOr0(a.EmployeeID), idOr0(b.EmployeeID)); c != 0 {
			return c
		}
		return a.OccurredAt.Compare(b.OccurredAt)
	})
	err := w.write(w.held)
	clear(w.held)
	w.held = w.held[:0]
	return err
}

func idOr0(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
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
	if w.held != nil {
		for i := range recs {
			r := recs[i]
			w.held = append(w.held, &r)
			if len(w.held) == heldRecords {
				if err := w.flush(); err != nil {
					return err
				}
			}
		}
		return nil
	}
	ptrs := make([]*Record, len(recs))
	for i := range recs {
		ptrs[i] = &recs[i]
	}
	return w.write(ptrs)
}

// write inserts recs on SQLite, sqliteRowsPerInsert at a time.
func (w *inserter) write(recs []*Record) error {
	for len(recs) > 0 {
		n := min(len(recs), sqliteRowsPerInsert)
		st, err := w.stmt(n)
		if err != nil {
			return err
		}
		w.args = w.args[:0]
		for _, r := range recs[:n] {
			w.args = recordValues(r, w.args)
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
