package apperr

import (
	"encoding/json"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// Problem is an error answer whose texts are still catalogue templates.
// Services build it without knowing who asks; the web layer writes it in
// the language of the request (see In). Written as is, it is English.
type Problem struct {
	Status     int
	Detail     string // a catalogue template
	DetailArgs Args
	Fields     []Field
}

// In is the RFC 9457 body of p in lang, in the shape huma writes.
func (p *Problem) In(lang Lang) *huma.ErrorModel {
	m := &huma.ErrorModel{
		Title:  Say(lang, http.StatusText(p.Status), nil),
		Status: p.Status,
		Detail: Say(lang, p.Detail, p.DetailArgs),
	}
	for _, f := range p.Fields {
		m.Errors = append(m.Errors, &huma.ErrorDetail{Location: f.Location, Message: Say(lang, f.Message, f.Args), Value: f.Value})
	}
	return m
}

// Error is the English detail, as huma.ErrorModel's is.
func (p *Problem) Error() string { return Say(English, p.Detail, p.DetailArgs) }

// GetStatus makes p a huma.StatusError, so huma answers with its status.
func (p *Problem) GetStatus() int { return p.Status }

// ContentType keeps the problem+json content type huma gives its own errors.
func (p *Problem) ContentType(ct string) string { return (&huma.ErrorModel{}).ContentType(ct) }

// MarshalJSON writes English when nothing translated p first.
func (p *Problem) MarshalJSON() ([]byte, error) { return json.Marshal(p.In(English)) }
