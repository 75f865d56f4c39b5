package cases

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/pii"
)

// Limits of a case.
const (
	MaxMarkdown = 20000 // characters in each Markdown field
	MaxTags     = 10
	MaxTagLen   = 20
	maxTitle    = 200
	maxSummary  = 1000
)

// CaseIn is a case as its author writes it.
type CaseIn struct {
	Title        string   `json:"title"`
	TitleEN      string   `json:"title_en,omitempty"`
	Summary      string   `json:"summary"`
	SummaryEN    string   `json:"summary_en,omitempty"`
	Situation    string   `json:"situation" doc:"Markdown"`
	Actions      string   `json:"actions" doc:"Markdown: what the employee did"`
	Outcome      string   `json:"outcome" doc:"Markdown"`
	Lesson       string   `json:"lesson" doc:"Markdown: the lesson learned"`
	CustomerType string   `json:"customer_type"`
	BusinessLine string   `json:"business_line"`
	Tags         []string `json:"tags,omitempty" doc:"at most 10, each at most 20 characters"`
	ScenarioKeys []string `json:"scenario_keys,omitempty"`
}

// Masked says that personal data of a kind was masked in a field on save.
type Masked struct {
	Field string `json:"field"`
	Kind  string `json:"kind" enum:"phone,id_card,bank_card"`
}

var scenarioKey = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// textFields are the fields personal data is masked in, by JSON name.
func (in *CaseIn) textFields() []struct {
	name string
	v    *string
} {
	return []struct {
		name string
		v    *string
	}{{"title", &in.Title}, {"title_en", &in.TitleEN}, {"summary", &in.Summary}, {"summary_en", &in.SummaryEN},
		{"situation", &in.Situation}, {"actions", &in.Actions}, {"outcome", &in.Outcome}, {"lesson", &in.Lesson}}
}

// clean trims, masks personal data and validates; every problem is named
// by its field.
func (in *CaseIn) clean() ([]Masked, error) {
	var masked []Masked
	for _, f := range in.textFields() {
		*f.v = strings.TrimSpace(*f.v)
		out, kinds := pii.MaskKinds(*f.v)
		*f.v = out
		for _, k := range kinds {
			masked = append(masked, Masked{Field: f.name, Kind: k})
		}
	}
	var fs []apperr.Field
	long := func(name, v string, max int) {
		if n := utf8.RuneCountInString(v); n > max {
			fs = append(fs, apperr.Field{Location: "body." + name, Message: "at most {max} characters", Args: apperr.Args{"max": max}})
		}
	}
	if in.Title == "" {
		fs = append(fs, apperr.Field{Location: "body.title", Message: "required"})
	}
	long("title", in.Title, maxTitle)
	long("title_en", in.TitleEN, maxTitle)
	long("summary", in.Summary, maxSummary)
	long("summary_en", in.SummaryEN, maxSummary)
	for _, f := range in.textFields()[4:] {
		long(f.name, *f.v, MaxMarkdown)
	}
	if !known(CustomerTypes, in.CustomerType) {
		fs = append(fs, apperr.Field{Location: "body.customer_type", Message: "not a customer type of the library", Value: in.CustomerType})
	}
	if !known(BusinessLines, in.BusinessLine) {
		fs = append(fs, apperr.Field{Location: "body.business_line", Message: "not a business line of the library", Value: in.BusinessLine})
	}
	if len(in.Tags) > MaxTags {
		fs = append(fs, apperr.Field{Location: "body.tags", Message: "at most {max} tags", Args: apperr.Args{"max": MaxTags}})
	}
	seen := map[string]bool{}
	tags := in.Tags[:0:0]
	for i, t := range in.Tags {
		t = strings.TrimSpace(t)
		loc := "body.tags[" + itoa(i) + "]"
		switch n := utf8.RuneCountInString(t); {
		case n == 0:
			fs = append(fs, apperr.Field{Location: loc, Message: "required"})
		case n > MaxTagLen:
			fs = append(fs, apperr.Field{Location: loc, Message: "at most {max} characters", Args: apperr.Args{"max": MaxTagLen}})
		case strings.ContainsAny(t, "\n\r\t"):
			fs = append(fs, apperr.Field{Location: loc, Message: "one line of text"})
		}
		if !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	in.Tags = tags
	if len(in.ScenarioKeys) > 10 {
		fs = append(fs, apperr.Field{Location: "body.scenario_keys", Message: "at most {max} scenarios", Args: apperr.Args{"max": 10}})
	}
	for i, k := range in.ScenarioKeys {
		if len(k) > 64 || !scenarioKey.MatchString(k) {
			fs = append(fs, apperr.Field{Location: "body.scenario_keys[" + itoa(i) + "]", Message: "not a scenario id", Value: k})
		}
	}
	if len(fs) > 0 {
		return nil, apperr.Invalid(fs...)
	}
	return masked, nil
}

// readyToSubmit lists the fields a reviewer needs that are still empty.
func (c *Case) readyToSubmit() error {
	var fs []apperr.Field
	for _, f := range []struct{ name, v string }{{"summary", c.Summary}, {"situation", c.Situation}, {"actions", c.Actions}, {"outcome", c.Outcome}, {"lesson", c.Lesson}} {
		if strings.TrimSpace(f.v) == "" {
			fs = append(fs, apperr.Field{Location: "body." + f.name, Message: "required before the case is submitted"})
		}
	}
	if len(fs) > 0 {
		return apperr.Invalid(fs...)
	}
	return nil
}

func itoa(i int) string { return strconv.Itoa(i) }
