package feedback

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rows is a file read one row at a time: a CSV on its raw bytes, or the
// first sheet of an .xlsx through excelize's streaming row iterator.
type rows interface {
	// next returns the next row's raw cells and its number (the header is
	// row 1), or io.EOF.
	next() (int, []string, error)
	close() error
}

type csvRows struct {
	r   *csv.Reader
	row int
}

func newCSVRows(r io.Reader) *csvRows {
	c := csv.NewReader(&bomSkipper{r: r})
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return &csvRows{r: c}
}

func (c *csvRows) next() (int, []string, error) {
	rec, err := c.r.Read()
	c.row++
	return c.row, rec, err
}

func (c *csvRows) close() error { return nil }

type xlsxRows struct {
	f   *excelize.File
	it  *excelize.Rows
	row int
}

// newXLSXRows opens a workbook. excelize holds the zip's directory and
// shared strings in memory; a sheet's rows are parsed as they are read,
// and a sheet larger than a few megabytes is unzipped to a temporary file.
func newXLSXRows(r io.Reader) (*xlsxRows, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipXMLSizeLimit: 8 << 20})
	if err != nil {
		return nil, errNotXLSX
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		_ = f.Close()
		return nil, errNotXLSX
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		_ = f.Close()
		return nil, errNotXLSX
	}
	return &xlsxRows{f: f, it: it}, nil
}

var errNotXLSX = errors.New("not a readable .xlsx workbook")

func (x *xlsxRows) next() (int, []string, error) {
	if !x.it.Next() {
		if err := x.it.Error(); err != nil {
			return 0, nil, err
		}
		return 0, nil, io.EOF
	}
	x.row++
	cols, err := x.it.Columns()
	return x.row, cols, err
}

func (x *xlsxRows) close() error {
	_ = x.it.Close()
	return x.f.Close()
}

func isXLSX(filename string, head []byte) bool {
	return strings.HasSuffix(strings.ToLower(filename), ".xlsx") || strings.HasPrefix(string(head), "PK\x03\x04")
}

// columns maps canonical fields to cell indexes from a header row: the
// source's saved mapping first, then the canonical names, then the
// Chinese headers.
func columns(header []string, fields []string, mapping map[string]string) (map[string]int, map[int]string) {
	byHead := map[string]int{}
	for i, h := range header {
		byHead[strings.ToLower(strings.TrimSpace(h))] = i
	}
	col := map[string]int{}
	for _, f := range fields {
		if h, ok := mapping[f]; ok {
			if i, ok := byHead[strings.ToLower(strings.TrimSpace(h))]; ok {
				col[f] = i
			}
			continue
		}
		if i, ok := byHead[f]; ok {
			col[f] = i
		}
	}
	for zh, f := range chineseHeads {
		if _, done := col[f]; done {
			continue
		}
		if _, mapped := mapping[f]; mapped {
			continue
		}
		if i, ok := byHead[zh]; ok && slices.Contains(fields, f) {
			col[f] = i
		}
	}
	names := map[int]string{}
	for _, i := range col {
		names[i] = strings.TrimSpace(header[i])
	}
	return col, names
}
