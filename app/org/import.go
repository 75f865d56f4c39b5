package org

import (
	"errors"
	"sort"

	"github.com/servicestar/servicestar/app/apperr"
)

// Row outcomes of an import.
const (
	RowCreated   = "created"
	RowUpdated   = "updated"
	RowUnchanged = "unchanged"
	RowError     = "error"
)

// RowProblem is one problem with one cell of a row. Message is English;
// the catalogue template and its values stay along to write it in the
// caller's language (see ImportReport.Localize).
type RowProblem struct {
	Field    string      `json:"field"`
	Message  string      `json:"message"`
	template string      `json:"-"`
	args     apperr.Args `json:"-"`
}

// rowProblem is a problem with the cell field; msg is a catalogue template.
func rowProblem(field, msg string, args apperr.Args) RowProblem {
	return RowProblem{Field: field, Message: apperr.Say(apperr.English, msg, args), template: msg, args: args}
}

// fieldRowProblem reports a validation problem of a cell as a row problem.
func fieldRowProblem(f apperr.Field) RowProblem { return rowProblem(f.Location, f.Message, f.Args) }

// RowResult is the outcome of one row.
type RowResult struct {
	Row    int          `json:"row"`
	Status string       `json:"status" enum:"created,updated,unchanged,error"`
	Key    string       `json:"key"`
	Errors []RowProblem `json:"errors,omitempty"`
	// InitialPassword is a created user's one-time password, in the report
	// of the import that created them and nowhere else (only its hash is kept).
	InitialPassword string `json:"initial_password,omitempty"`

	userID int64 // the user a created or updated row wrote
}

// ImportReport answers an import: all rows applied, or none.
type ImportReport struct {
	OK        bool        `json:"ok"`
	DryRun    bool        `json:"dry_run"`
	Created   int         `json:"created"`
	Updated   int         `json:"updated"`
	Unchanged int         `json:"unchanged"`
	Errors    int         `json:"errors"`
	Rows      []RowResult `json:"rows"`
}

func (r *ImportReport) add(res RowResult) {
	switch res.Status {
	case RowCreated:
		r.Created++
	case RowUpdated:
		r.Updated++
	case RowUnchanged:
		r.Unchanged++
	case RowError:
		r.Errors++
	}
	r.Rows = append(r.Rows, res)
}

func (r *ImportReport) finish() {
	sort.Slice(r.Rows, func(i, j int) bool { return r.Rows[i].Row < r.Rows[j].Row })
	r.OK = r.Errors == 0
}

// errRollback aborts an import transaction after a dry run or a failed row.
var errRollback = errors.New("import rolled back")

// ImportFailed carries the report of an import that changed nothing.
type ImportFailed struct{ Report *ImportReport }

func (e *ImportFailed) Error() string { return "import has errors; nothing was changed" }

// fileProblem is a 422 about the file as a whole (format, columns, size).
func fileProblem(msg string, args apperr.Args) error {
	return apperr.Invalid(apperr.Field{Location: "body.file", Message: msg, Args: args})
}

// importOutcome turns the end of an import transaction into its answer: the
// report, with ImportFailed when rows had errors (nothing was written).
func importOutcome(rep *ImportReport, err error) (*ImportReport, error) {
	switch {
	case errors.Is(err, errRollback) && !rep.OK:
		return rep, &ImportFailed{Report: rep}
	case errors.Is(err, errRollback):
		return rep, nil
	case err != nil:
		return nil, err
	}
	return rep, nil
}
