package export

// Sheet is what the CSV and .xlsx writers share: a filler writes to either.
type Sheet interface {
	Header(names ...string)
	Row(cells ...Cell)
}

// File is a written export as an API response: huma sends the headers and
// the bytes as they are.
type File struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

// Write builds the export in format ("csv" or "xlsx"): fill writes the rows
// and returns the file's name without its extension. The .xlsx sheet is
// named sheet.
func Write(format, sheet string, fill func(Sheet) (string, error)) (*File, error) {
	if format == "xlsx" {
		x, err := NewXLSX(sheet)
		if err != nil {
			return nil, err
		}
		name, err := fill(x)
		if err != nil {
			return nil, err
		}
		b, err := x.Bytes()
		if err != nil {
			return nil, err
		}
		return &File{ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			ContentDisposition: `attachment; filename="` + name + `.xlsx"`, Body: b}, nil
	}
	c := NewCSV()
	name, err := fill(c)
	if err != nil {
		return nil, err
	}
	return &File{ContentType: "text/csv; charset=utf-8", ContentDisposition: `attachment; filename="` + name + `.csv"`, Body: c.Bytes()}, nil
}
