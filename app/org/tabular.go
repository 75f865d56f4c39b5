package org

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/servicestar/servicestar/app/apperr"
)

// Limits of one import file, checked while it is read, row by row: a file
// is refused the moment it passes one, before the rest is read. Rows bound
// a bank's whole staff list; columns, what the templates use with room to
// spare (a single cell at column XFD made 16,384 of them per row); cells,
// the work of a file that keeps inside both.
const (
	MaxImportRows    = 50000
	MaxImportColumns = 64
	MaxImportCells   = 1_000_000
)

// xlsxLimits bound what opening a workbook may unpack: the zip's declared
// sizes are checked before anything is inflated, and a sheet larger than
// the memory limit is streamed through a temporary file by excelize.
var xlsxLimits = excelize.Options{UnzipSizeLimit: 512 << 20, UnzipXMLSizeLimit: 16 << 20}

// table is a header-addressed sheet of strings; row numbers are the
// spreadsheet's own (header = 1), so a report points at the line a person sees.
type table struct {
	header map[string]int
	rows   [][]string
}

func (t *table) get(row []string, col string) string {
	i, ok := t.header[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// tableLimits counts what a file holds as it is read.
type tableLimits struct {
	rows, cells int
	records     [][]string
}

// add keeps one record (the header first) or refuses the file.
func (l *tableLimits) add(r []string) error {
	if l.rows > MaxImportRows { // the header plus MaxImportRows rows are kept
		return fileProblem("more than {max} rows; at most {max} per file", apperr.Args{"max": MaxImportRows})
	}
	width := len(r)
	for width > 0 && strings.TrimSpace(r[width-1]) == "" {
		width-- // trailing blank cells, as spreadsheets write them, are no columns
	}
	if width > MaxImportColumns {
		return fileProblem("row {row} has a cell in column {column}; at most {max} columns", apperr.Args{"row": l.rows + 1, "column": width, "max": MaxImportColumns})
	}
	l.rows++
	if l.cells += width; l.cells > MaxImportCells {
		return fileProblem("more than {max} cells; at most {max} per file", apperr.Args{"max": MaxImportCells})
	}
	l.records = append(l.records, r[:width:width])
	return nil
}

// readXLSX streams the first sheet of a workbook into lim.
func readXLSX(data []byte, lim *tableLimits) error {
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxLimits)
	if err != nil {
		return fileProblem("not a readable .xlsx file", nil)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return fileProblem("the workbook has no sheet", nil)
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return fileProblem("cannot read sheet \"{sheet}\"", apperr.Args{"sheet": sheets[0]})
	}
	defer rows.Close()
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return fileProblem("cannot read sheet \"{sheet}\"", apperr.Args{"sheet": sheets[0]})
		}
		if err := lim.add(cols); err != nil {
			return err
		}
	}
	if rows.Error() != nil {
		return fileProblem("cannot read sheet \"{sheet}\"", apperr.Args{"sheet": sheets[0]})
	}
	// Blank rows at the end of a sheet are formatting, not records.
	for len(lim.records) > 0 && len(lim.records[len(lim.records)-1]) == 0 {
		lim.records = lim.records[:len(lim.records)-1]
	}
	return nil
}

// readCSV streams a CSV text into lim.
func readCSV(data []byte, lim *tableLimits) error {
	text, err := csvText(data)
	if err != nil {
		return err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fileProblem("not a valid CSV file: {reason}", apperr.Args{"reason": err})
		}
		if err := lim.add(rec); err != nil {
			return err
		}
	}
}

// readTable reads a .csv (UTF-8 or GBK, see csvText) or the first sheet of an
// .xlsx; what is wrong with the file is a 422 ready to return.
func readTable(filename string, data []byte, required []string) (*table, error) {
	lim := &tableLimits{}
	var err error
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || strings.HasSuffix(strings.ToLower(filename), ".xlsx") {
		err = readXLSX(data, lim)
	} else {
		err = readCSV(data, lim)
	}
	if err != nil {
		return nil, err
	}
	records := lim.records
	if len(records) == 0 {
		return nil, fileProblem("the file is empty", nil)
	}
	t := &table{header: map[string]int{}}
	for i, h := range records[0] {
		t.header[headerKey(h)] = i
	}
	var missing []string
	for _, c := range required {
		if _, ok := t.header[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fileProblem("missing column(s): {columns}", apperr.Args{"columns": strings.Join(missing, ", ")})
	}
	for _, r := range records[1:] {
		if strings.TrimSpace(strings.Join(r, "")) == "" {
			r = nil // keep numbering; blank rows are skipped
		}
		t.rows = append(t.rows, r)
	}
	return t, nil
}
