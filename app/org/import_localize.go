package org

import "github.com/servicestar/servicestar/app/apperr"

// Localize is the report with every row problem in lang.
func (r *ImportReport) Localize(lang apperr.Lang) any {
	out := *r
	out.Rows = make([]RowResult, len(r.Rows))
	for i, row := range r.Rows {
		out.Rows[i] = row
		out.Rows[i].Errors = make([]RowProblem, len(row.Errors))
		for j, e := range row.Errors {
			if e.template != "" {
				e.Message = apperr.Say(lang, e.template, e.args)
			}
			out.Rows[i].Errors[j] = e
		}
	}
	return &out
}

// Localize is the failed import's problem, report included, in lang.
func (e *importProblem) Localize(lang apperr.Lang) any {
	return &importProblem{Title: apperr.Say(lang, e.Title, nil), Status: e.Status, Detail: apperr.Say(lang, e.Detail, nil),
		ImportReport: e.ImportReport.Localize(lang).(*ImportReport)}
}
