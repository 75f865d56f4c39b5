package feedback

import (
	"strconv"
	"strings"
	"time"

	"github.com/servicestar/servicestar/app/apperr"
)

// cells is one decoded row, read by canonical field.
type cells struct {
	col  map[string]int
	vals []string
}

func (c cells) get(field string) string {
	i, ok := c.col[field]
	if !ok || i >= len(c.vals) {
		return ""
	}
	return strings.TrimSpace(c.vals[i])
}

var dateLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006-01-02", "2006/01/02"}

// parseTime reads a file's date: RFC 3339 with its offset, or a local time
// of the tenant's zone.
func parseTime(s string, loc *time.Location) (time.Time, bool) {
	if t, ok := parseLocal(s, loc); ok {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseLocal reads the layouts of dateLayouts by hand: trying each with
// time.Parse, failures and all, was a tenth of an import's CPU. It answers
// false for anything else (and the layouts are tried then).
func parseLocal(s string, loc *time.Location) (time.Time, bool) {
	if len(s) != 10 && len(s) != 16 && len(s) != 19 {
		return time.Time{}, false
	}
	sep := s[4]
	if (sep != '-' && sep != '/') || s[7] != sep {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d := num(0, 4), num(5, 2), num(8, 2)
	h, mi, sec := 0, 0, 0
	if len(s) >= 16 {
		if s[10] != ' ' || s[13] != ':' {
			return time.Time{}, false
		}
		h, mi = num(11, 2), num(14, 2)
	}
	if len(s) == 19 {
		if s[16] != ':' {
			return time.Time{}, false
		}
		sec = num(17, 2)
	}
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	if d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), true
}

// parseBool reads 是/否, 1/0, yes/no, true/false (and Y/N); empty is unset.
func parseBool(s string) (val, set, ok bool) {
	switch strings.ToLower(s) {
	case "":
		return false, false, true
	case "是", "1", "yes", "y", "true", "t":
		return true, true, true
	case "否", "0", "no", "n", "false", "f":
		return false, true, true
	}
	return false, false, false
}

// recordOf reads a row into a record; what cannot even be read (a date, a
// number, a yes/no) is reported here, the rest by prepare.
func recordOf(c cells, loc *time.Location) (RecordIn, []issue) {
	var bad []issue
	in := RecordIn{ExternalID: c.get("external_id"), Channel: c.get("channel"), BranchCode: c.get("branch_code"),
		EmployeeCode: c.get("employee_code"), Category: c.get("category"), Comment: c.get("comment")}
	if v := c.get("occurred_at"); v != "" {
		t, ok := parseTime(v, loc)
		if !ok {
			bad = append(bad, issue{field: "occurred_at", code: CodeBadDate, msg: msgBadDate})
		}
		in.OccurredAt = t
	}
	if v := c.get("score"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			bad = append(bad, issue{field: "score", code: CodeBadValue, msg: msgBadNumber})
		} else {
			in.Score = &f
		}
	}
	if v := c.get("scale"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			bad = append(bad, issue{field: "scale", code: CodeBadValue, msg: msgBadScale})
		} else {
			in.Scale = n
		}
	}
	if v, set, ok := parseBool(c.get("resolved")); !ok {
		bad = append(bad, issue{field: "resolved", code: CodeBadValue, msg: msgBadBool})
	} else if set {
		in.Resolved = &v
	}
	if v, _, ok := parseBool(c.get("complaint")); !ok {
		bad = append(bad, issue{field: "complaint", code: CodeBadValue, msg: msgBadBool})
	} else {
		in.Complaint = v
	}
	return in, bad
}

func resultOf(c cells) (ResultIn, []issue) {
	in := ResultIn{EmployeeCode: c.get("employee_code"), Period: strings.ReplaceAll(c.get("period"), "/", "-"), Metric: c.get("metric"), BranchCode: c.get("branch_code")}
	v := c.get("value")
	if v == "" {
		return in, []issue{{field: "value", code: CodeMissing, msg: msgRequired}}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return in, []issue{{field: "value", code: CodeBadValue, msg: msgBadInteger}}
	}
	in.Value = n
	return in, nil
}

// FileError is one problem of an uploaded file, by row and column.
type FileError struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Code    string `json:"code"`
	Message string `json:"message"`
	// Template and Args are the message before it was put in words: the
	// stored report keeps them so that it is read in the asker's language
	// (Import.Localize); the API shows Message only.
	Template string      `json:"template,omitempty"`
	Args     apperr.Args `json:"args,omitempty"`
}

func fileError(row int, column string, b issue) FileError {
	return newFileError(row, column, b.code, b.msg, b.args)
}

func newFileError(row int, column, code, template string, args apperr.Args) FileError {
	return FileError{Row: row, Column: column, Code: code, Message: apperr.Say(apperr.English, template, args), Template: template, Args: args}
}
