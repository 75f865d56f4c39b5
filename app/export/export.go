// Package export is the one writer of the spreadsheets the app hands out, so
// that no export can let a cell run as a formula in the reader's Excel or WPS
// (OWASP "CSV injection"): scenario titles, choice texts and names are
// written by bank staff and may begin with "=HYPERLINK(…)".
//
// Which cells are text: everything but the numbers the app computes itself.
// A Number cell is formatted here from an int or float64, so it can only be
// digits, one '.' and a leading '-'; a spreadsheet reads it as a number and it
// stays as it is (a negative score must not turn into text). Every other
// cell goes through Text and is neutralised. An .xlsx writer, when one is
// added, must take the same Cells: numbers as typed numeric cells, text
// through Neutralise.
package export

import "strconv"

// Cell is one spreadsheet cell: text, or a number the app computed.
type Cell struct {
	value  string
	number bool
}

// Text is a cell of text from anywhere; it is neutralised when written.
func Text(s string) Cell { return Cell{value: s} }

// Int is a computed whole number.
func Int(n int) Cell { return Cell{value: strconv.Itoa(n), number: true} }

// Float is a computed number with prec digits after the point.
func Float(v float64, prec int) Cell {
	return Cell{value: strconv.FormatFloat(v, 'f', prec, 64), number: true}
}

// OptFloat is Float, or an empty cell when v is nil (no value yet).
func OptFloat(v *float64, prec int) Cell {
	if v == nil {
		return Cell{}
	}
	return Float(*v, prec)
}

// String is the cell as it is written: a number as formatted, text
// neutralised.
func (c Cell) String() string {
	if c.number {
		return c.value
	}
	return Neutralise(c.value)
}

// Neutralise prefixes a single quote to text a spreadsheet would otherwise
// take for a formula: text beginning with '=', '+', '-', '@', a tab or a
// carriage return. The quote shows in the cell, which is the point: the
// reader sees the text as written, never its result.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
