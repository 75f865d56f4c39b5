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

// MaxImportRows bounds one file: big enough for a bank's whole staff list.
const MaxImportRows = 50000

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

// readTable reads a .csv (UTF-8 or GBK, see csvText) or the first sheet of an
// .xlsx; what is wrong with the file is a 422 ready to return.
func readTable(filename string, data []byte, required []string) (*table, error) {
	var records [][]string
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || strings.HasSuffix(strings.ToLower(filename), ".xlsx"):
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, fileProblem("not a readable .xlsx file", nil)
		}
		defer f.Close()
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, fileProblem("the workbook has no sheet", nil)
		}
		records, err = f.GetRows(sheets[0])
		if err != nil {
			return nil, fileProblem("cannot read sheet \"{sheet}\"", apperr.Args{"sheet": sheets[0]})
		}
	default:
		text, err := csvText(data)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(bytes.NewReader(text))
		r.FieldsPerRecord = -1
		records, err = r.ReadAll()
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fileProblem("not a valid CSV file: {reason}", apperr.Args{"reason": err})
		}
	}
	if len(records) == 0 {
		return nil, fileProblem("the file is empty", nil)
	}
	if len(records)-1 > MaxImportRows {
		return nil, fileProblem("{rows} rows; at most {max} per file", apperr.Args{"rows": len(records) - 1, "max": MaxImportRows})
	}
	t := &table{header: map[string]int{}}
	for i, h := range records[0] {
		t.header[strings.ToLower(strings.TrimSpace(h))] = i
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
