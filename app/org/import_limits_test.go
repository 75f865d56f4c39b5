package org_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// A 27 KB workbook of 5,000 rows, each with one cell at column XFD, made a
// dry run take 11 s and 2.1 GB (every row was read as 16,384 cells). It is
// refused at its first row, naming the column limit.
func TestImportRefusesACellPastTheColumnLimit(t *testing.T) {
	wide := workbook(t, 5000, "XFD")
	if len(wide) > 64<<10 {
		t.Fatalf("the workbook is %d bytes; the report was about a small file", len(wide))
	}
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	for _, path := range []string{"/api/v1/users/import?dry_run=true", "/api/v1/branches/import?dry_run=true"} {
		st, body := admin.Upload(path, "wide.xlsx", wide)
		if st != 422 || !strings.Contains(body, "body.file") || !strings.Contains(body, "column 16384; at most 64 columns") {
			t.Fatalf("%s: %d %s, want 422 naming the column limit", path, st, body)
		}
	}
}

// workbook is a minimal .xlsx whose one sheet has n rows of one number
// each, in column col, written directly: a spreadsheet library builds every
// cell before the last of a row in memory, and takes minutes for these.
func workbook(t *testing.T, n int, col string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, text string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, `<row r="%d"><c r="%s%d"><v>%d</v></c></row>`, i, col, i, i)
	}
	fmt.Fprint(w, `</sheetData></worksheet>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A million-row workbook is refused at the row limit, and so is a CSV.
func TestImportRefusesAMillionRows(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	csv := bytes.Repeat([]byte("1\n"), 1_000_000)
	for name, data := range map[string][]byte{"million.xlsx": workbook(t, 1_000_000, "A"), "million.csv": csv} {
		st, body := admin.Upload("/api/v1/users/import?dry_run=true", name, data)
		if st != 422 || !strings.Contains(body, "body.file") || !strings.Contains(body, "more than 50000 rows") {
			t.Fatalf("%s: %d %s, want 422 naming the row limit", name, st, body)
		}
	}
}
