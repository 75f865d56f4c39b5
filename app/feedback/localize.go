package feedback

import (
	"encoding/json"

	"github.com/servicestar/servicestar/app/apperr"
)

// Localize is the import with its report in lang (see web's localizeBody):
// each row's message put in words again from its template, which the
// answer then leaves out.
func (i Import) Localize(lang apperr.Lang) any {
	var es []FileError
	if len(i.Errors) == 0 || json.Unmarshal(i.Errors, &es) != nil {
		return i
	}
	for k := range es {
		if es[k].Template != "" {
			es[k].Message = apperr.Say(lang, es[k].Template, es[k].Args)
		}
		es[k].Template, es[k].Args = "", nil
	}
	if out, err := json.Marshal(es); err == nil {
		i.Errors = out
	}
	return i
}

// ImportPage is a page of imports.
type ImportPage struct {
	Items []Import `json:"items"`
	Total int64    `json:"total"`
}

// Localize is the page with every report in lang.
func (p ImportPage) Localize(lang apperr.Lang) any {
	out := ImportPage{Items: make([]Import, len(p.Items)), Total: p.Total}
	for k, i := range p.Items {
		out.Items[k] = i.Localize(lang).(Import)
	}
	return out
}
