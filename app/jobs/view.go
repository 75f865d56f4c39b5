package jobs

import (
	"time"

	"github.com/servicestar/servicestar/app/apperr"
)

// JobRun is a job as a bank's HR, admins and auditors see it.
type JobRun struct {
	ID            int64      `json:"id"`
	Kind          string     `json:"kind" doc:"what the job does, e.g. kpi.import"`
	State         State      `json:"state" enum:"queued,running,retrying,completed,failed"`
	Attempt       int        `json:"attempt" doc:"tries so far; 1 while the first runs"`
	Done          int64      `json:"done" doc:"units of work finished (rows, people)"`
	Total         int64      `json:"total" doc:"units of work in all; 0 while unknown"`
	Error         string     `json:"error" doc:"why it failed or is being tried again, in the reader's language; empty when nothing failed"`
	StartedBy     *int64     `json:"started_by" doc:"the user who started it; null when the system did"`
	StartedByName string     `json:"started_by_name"`
	CreatedAt     time.Time  `json:"created_at"`
	StartedAt     *time.Time `json:"started_at"`
	FinishedAt    *time.Time `json:"finished_at"`
	UpdatedAt     time.Time  `json:"updated_at"`

	errTemplate string
	errArgs     apperr.Args
}

func viewOf(r Run) JobRun {
	v := JobRun{ID: r.ID, Kind: r.Kind, State: r.State, Attempt: r.Attempt, Done: r.Done, Total: r.Total,
		StartedBy: r.StartedBy, StartedByName: r.StartedByName, CreatedAt: r.CreatedAt, StartedAt: r.StartedAt,
		FinishedAt: r.FinishedAt, UpdatedAt: r.UpdatedAt, errTemplate: r.Error, errArgs: decodeArgs(r.ErrorArgs)}
	return v.Localize(apperr.English).(JobRun)
}

// Localize is the view with its error in lang (see web's localizeBody).
func (v JobRun) Localize(lang apperr.Lang) any {
	if v.errTemplate != "" {
		v.Error = apperr.Say(lang, v.errTemplate, v.errArgs)
	}
	return v
}

// JobRunPage is a page of views.
type JobRunPage struct {
	Items []JobRun `json:"items"`
	Total int64    `json:"total" doc:"jobs of the bank, over all pages"`
}

// Localize is the page with every error in lang.
func (b JobRunPage) Localize(lang apperr.Lang) any {
	out := JobRunPage{Items: make([]JobRun, len(b.Items)), Total: b.Total}
	for i, v := range b.Items {
		out.Items[i] = v.Localize(lang).(JobRun)
	}
	return out
}
