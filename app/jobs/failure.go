package jobs

import (
	"encoding/json"

	"github.com/servicestar/servicestar/app/apperr"
)

// abort is a job's failure that the bank may read and that trying again
// would not fix (a file with bad rows, a period already closed).
type abort struct {
	template string
	args     apperr.Args
}

// Abort stops a job for good with a message the bank reads in its own
// language: template is an English text of the catalogue, args fill its
// {placeholders}. Any other error a job returns is logged for operators,
// shown to the bank as an internal error, and tried again.
func Abort(template string, args apperr.Args) error { return &abort{template: template, args: args} }

func (a *abort) Error() string { return apperr.Say(apperr.English, a.template, a.args) }

// Texts the engine itself shows for a job's failure.
const (
	msgInternalRetry = "the job stopped on an internal error; it will be tried again"
	msgInternalFinal = "the job failed on an internal error"
	msgVanished      = "the job stopped without finishing"
)

func encodeArgs(args apperr.Args) *string {
	if len(args) == 0 {
		return nil
	}
	b, err := json.Marshal(args)
	if err != nil {
		return nil
	}
	s := string(b)
	return &s
}

func decodeArgs(s *string) apperr.Args {
	if s == nil || *s == "" {
		return nil
	}
	var a apperr.Args
	if json.Unmarshal([]byte(*s), &a) != nil {
		return nil
	}
	return a
}
