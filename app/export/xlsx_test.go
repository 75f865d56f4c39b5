package export

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestXLSXWritesNumbersAsNumbersAndNeutralisesText(t *testing.T) {
	x, err := NewXLSX("kpi")
	if err != nil {
		t.Fatal(err)
	}
	x.Header("name", "score")
	x.Row(Text("=HYPERLINK(\"http://x\")"), Float(83.4, 1))
	x.Row(Text("刘洋"), Float(-2.5, 1))
	b, err := x.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("kpi")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"name", "score"}, {"'=HYPERLINK(\"http://x\")", "83.4"}, {"刘洋", "-2.5"}}
	if len(rows) != len(want) {
		t.Fatalf("rows = %q", rows)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
	if typ, err := f.GetCellType("kpi", "B3"); err != nil || typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B3 type = %v, %v; want a number", typ, err)
	}
	if typ, _ := f.GetCellType("kpi", "A2"); typ == excelize.CellTypeFormula {
		t.Error("A2 is a formula")
	}
}
