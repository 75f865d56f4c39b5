package export

import (
	"bytes"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// XLSX builds an .xlsx workbook of one sheet row by row through excelize's
// stream writer, which keeps rows out of the in-memory sheet model. Cells
// are the CSV's: numbers become numeric cells, text is neutralised.
type XLSX struct {
	f   *excelize.File
	sw  *excelize.StreamWriter
	row int
	err error
}

// NewXLSX starts a workbook whose one sheet is named sheet.
func NewXLSX(sheet string) (*XLSX, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		_ = f.Close()
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &XLSX{f: f, sw: sw}, nil
}

// Row appends one row; the first error is kept for Bytes.
func (x *XLSX) Row(cells ...Cell) {
	if x.err != nil {
		return
	}
	vals := make([]any, len(cells))
	for i, c := range cells {
		switch {
		case c.number:
			n, err := strconv.ParseFloat(c.value, 64)
			if err != nil {
				vals[i] = c.value
			} else {
				vals[i] = n
			}
		default:
			vals[i] = Neutralise(c.value)
		}
	}
	x.row++
	ref, err := excelize.CoordinatesToCellName(1, x.row)
	if err == nil {
		err = x.sw.SetRow(ref, vals)
	}
	x.err = err
}

// Header appends a row of column names.
func (x *XLSX) Header(names ...string) {
	cells := make([]Cell, len(names))
	for i, n := range names {
		cells[i] = Text(n)
	}
	x.Row(cells...)
}

// Bytes ends the workbook and returns the file.
func (x *XLSX) Bytes() ([]byte, error) {
	defer func() { _ = x.f.Close() }()
	if x.err != nil {
		return nil, x.err
	}
	if err := x.sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := x.f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
