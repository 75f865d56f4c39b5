package export

import (
	"bytes"
	"encoding/csv"
)

// CSV builds a CSV file in memory. It starts with a UTF-8 byte-order mark so
// Excel reads the Chinese right.
type CSV struct {
	buf bytes.Buffer
	w   *csv.Writer
}

// NewCSV starts an empty CSV file.
func NewCSV() *CSV {
	c := &CSV{}
	c.buf.WriteString("\ufeff")
	c.w = csv.NewWriter(&c.buf)
	return c
}

// Row appends one row.
func (c *CSV) Row(cells ...Cell) {
	rec := make([]string, len(cells))
	for i, cell := range cells {
		rec[i] = cell.String()
	}
	// Writing to a bytes.Buffer cannot fail.
	_ = c.w.Write(rec)
}

// Header appends a row of column names (fixed text of the app's own).
func (c *CSV) Header(names ...string) {
	cells := make([]Cell, len(names))
	for i, n := range names {
		cells[i] = Text(n)
	}
	c.Row(cells...)
}

// Bytes ends the file and returns it.
func (c *CSV) Bytes() []byte {
	c.w.Flush()
	return c.buf.Bytes()
}
