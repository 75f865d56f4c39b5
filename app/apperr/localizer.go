package apperr

// Localizer is a response body with texts from the catalogue that the web
// layer rewrites in the request's language before writing it (a Problem,
// an import report). Localize returns a copy; the original is unchanged.
type Localizer interface {
	Localize(lang Lang) any
}

// Localize makes a Problem a Localizer: its RFC 9457 body in lang.
func (p *Problem) Localize(lang Lang) any { return p.In(lang) }
