package feedback

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
)

// RecordIn is one feedback record as an API batch sends it; a file row is
// read into the same shape, so both go through prepare.
type RecordIn struct {
	ExternalID   string    `json:"external_id" maxLength:"128" doc:"the source system's id; (source, external_id) is unique"`
	Channel      string    `json:"channel" doc:"counter, phone, app, social or complaint"`
	OccurredAt   time.Time `json:"occurred_at"`
	BranchCode   string    `json:"branch_code" maxLength:"64"`
	EmployeeCode string    `json:"employee_code,omitempty" maxLength:"64" doc:"empty: feedback about the branch"`
	Score        *float64  `json:"score,omitempty"`
	Scale        int       `json:"scale,omitempty" doc:"5 (1–5, the default), 10 (1–10) or 100 (0–100)"`
	Resolved     *bool     `json:"resolved,omitempty" doc:"absent when no problem was raised"`
	Complaint    bool      `json:"complaint,omitempty"`
	Category     string    `json:"category,omitempty" maxLength:"64"`
	Comment      string    `json:"comment,omitempty" maxLength:"2000"`
}

// Error codes of a row, as the import report and the UI name them.
const (
	CodeUnknownEmployee = "unknown_employee"
	CodeUnknownBranch   = "unknown_branch"
	CodeBadDate         = "bad_date"
	CodeScoreRange      = "score_out_of_range"
	CodeDuplicate       = "duplicate_in_file"
	CodeInvalidEncoding = "invalid_encoding"
	CodeMissing         = "missing"
	CodeBadValue        = "bad_value"
	CodeUnknownMetric   = "unknown_metric"
)

// issue is one problem with one field of a row; msg is a catalogue template.
type issue struct {
	field string
	code  string
	msg   string
	args  apperr.Args
}

// Messages of the codes.
const (
	msgRequired        = "required"
	msgUnknownEmployee = "no staff member of the bank has this employee code"
	msgUnknownBranch   = "no branch of the bank has this code"
	msgBadDate         = "not a date and time (2026-11-30 14:05, or RFC 3339)"
	msgScoreRange      = "must be between {min} and {max} on this scale"
	msgDuplicate       = "appears more than once (first on row {row})"
	msgInvalidEncoding = "the bytes are not valid {encoding}"
	msgBadChannel      = "must be counter, phone, app, social or complaint"
	msgBadScale        = "must be 5, 10 or 100"
	msgTooLong         = "at most {max} characters"
	msgBadText         = "must not contain the NUL character (U+0000)"
	msgBadBool         = "must be yes or no (是/否, 1/0, true/false)"
	msgBadNumber       = "not a number"
	msgUnknownMetric   = "no business metric has this code; HR defines them first"
	msgBadPeriod       = "must be a month like 2026-11"
	msgBadInteger      = "must be a whole number (money in cents)"
	msgOutsideScope    = "outside the branches you may import for"
)

var scales = map[int][2]float64{5: {1, 5}, 10: {1, 10}, 100: {0, 100}}

// prepare checks a record and turns it into the row it stores: codes
// resolved, score normalised to 1–5 in thousandths, month in the tenant's
// zone, content hashed. It returns the problems instead when there are any.
func prepare(c *codes, tenantID int64, source string, in *RecordIn, scopes []string) (Record, []issue) {
	var bad []issue
	add := func(field, code, msg string, args apperr.Args) {
		bad = append(bad, issue{field: field, code: code, msg: msg, args: args})
	}
	r := Record{TenantID: tenantID, Source: source, ExternalID: strings.TrimSpace(in.ExternalID), Channel: strings.ToLower(strings.TrimSpace(in.Channel)),
		Resolved: in.Resolved, Complaint: in.Complaint, Category: strings.TrimSpace(in.Category), Comment: in.Comment}
	switch n := utf8.RuneCountInString(r.ExternalID); {
	case n == 0:
		add("external_id", CodeMissing, msgRequired, nil)
	case n > 128:
		add("external_id", CodeBadValue, msgTooLong, apperr.Args{"max": 128})
	}
	switch {
	case r.Channel == "":
		add("channel", CodeMissing, msgRequired, nil)
	case !slices.Contains(Channels, r.Channel):
		add("channel", CodeBadValue, msgBadChannel, nil)
	}
	if in.OccurredAt.IsZero() {
		add("occurred_at", CodeMissing, msgRequired, nil)
	} else {
		r.OccurredAt = in.OccurredAt.UTC()
		r.Month = monthOf(in.OccurredAt, c.loc)
	}
	bc := strings.TrimSpace(in.BranchCode)
	if bc == "" {
		add("branch_code", CodeMissing, msgRequired, nil)
	} else if b, ok := c.branches[bc]; !ok {
		add("branch_code", CodeUnknownBranch, msgUnknownBranch, nil)
	} else if !covered(scopes, b.path) {
		add("branch_code", CodeUnknownBranch, msgOutsideScope, nil)
	} else {
		r.BranchID = b.id
	}
	if ec := strings.TrimSpace(in.EmployeeCode); ec != "" {
		if u, ok := c.staff[ec]; ok {
			id := u.id
			r.EmployeeID = &id
		} else {
			add("employee_code", CodeUnknownEmployee, msgUnknownEmployee, nil)
		}
	}
	scale := in.Scale
	if scale == 0 {
		scale = 5
	}
	rng, okScale := scales[scale]
	if !okScale {
		add("scale", CodeBadValue, msgBadScale, nil)
	}
	if in.Score != nil && okScale {
		v := *in.Score
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			add("score", CodeBadValue, msgBadNumber, nil)
		case v < rng[0] || v > rng[1]:
			add("score", CodeScoreRange, msgScoreRange, apperr.Args{"min": rng[0], "max": rng[1]})
		default:
			m := int(math.Round(1000 + (v-rng[0])/(rng[1]-rng[0])*4000))
			r.ScoreMilli = &m
		}
	}
	if utf8.RuneCountInString(r.Category) > 64 {
		add("category", CodeBadValue, msgTooLong, apperr.Args{"max": 64})
	}
	if utf8.RuneCountInString(r.Comment) > 2000 {
		add("comment", CodeBadValue, msgTooLong, apperr.Args{"max": 2000})
	}
	for _, f := range [][2]string{{"category", r.Category}, {"comment", r.Comment}, {"external_id", r.ExternalID}} {
		if strings.IndexByte(f[1], 0) >= 0 {
			add(f[0], CodeBadValue, msgBadText, nil)
		}
	}
	if len(bad) > 0 {
		return Record{}, bad
	}
	r.ContentHash = contentHash(&r)
	return r, nil
}

// contentHash is over the normalised content, so a record re-sent with the
// same meaning in another spelling (score 4 of 5 or 8.5 of 10...) is the
// same record only when it normalises the same.
func contentHash(r *Record) string {
	var b strings.Builder
	field := func(s string) { b.WriteString(s); b.WriteByte(0x1f) }
	field(r.Channel)
	field(r.OccurredAt.UTC().Format(time.RFC3339Nano))
	field(strconv.FormatInt(r.BranchID, 10))
	if r.EmployeeID != nil {
		field(strconv.FormatInt(*r.EmployeeID, 10))
	} else {
		field("-")
	}
	if r.ScoreMilli != nil {
		field(strconv.Itoa(*r.ScoreMilli))
	} else {
		field("-")
	}
	switch {
	case r.Resolved == nil:
		field("-")
	case *r.Resolved:
		field("1")
	default:
		field("0")
	}
	field(strconv.FormatBool(r.Complaint))
	field(r.Category)
	field(r.Comment)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// covered reports whether path lies under one of scopes.
func covered(scopes []string, path string) bool {
	return slices.ContainsFunc(scopes, func(s string) bool { return authz.Covers(s, path) })
}
