package web

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/apperr"
)

// localizeBody, a huma transformer, rewrites a response body with catalogue
// texts in the language of the request's Accept-Language (English when
// absent). Services return errors without knowing who asks; huma runs
// transformers on every response body, error bodies included, with the
// request at hand, so this is where the catalogue is applied. Other bodies
// pass unchanged.
func localizeBody(ctx huma.Context, _ string, v any) (any, error) {
	lang := apperr.LangOf(ctx.Header("Accept-Language"))
	switch p := v.(type) {
	case apperr.Localizer: // our problems and import reports
		return p.Localize(lang), nil
	case *huma.ErrorModel:
		// huma's own (request validation) and any left built by huma.NewError.
		return translateModel(p, lang), nil
	}
	return v, nil
}

// translateModel translates the texts of a problem huma built; they have
// no parameters the catalogue knows of, so a text it lacks stays as it is.
func translateModel(m *huma.ErrorModel, lang apperr.Lang) *huma.ErrorModel {
	if lang == apperr.English {
		return m
	}
	out := *m
	out.Title = apperr.Say(lang, m.Title, nil)
	out.Detail = apperr.Say(lang, m.Detail, nil)
	out.Errors = make([]*huma.ErrorDetail, len(m.Errors))
	for i, d := range m.Errors {
		if d == nil {
			continue
		}
		t := *d
		t.Message = apperr.Say(lang, d.Message, nil)
		out.Errors[i] = &t
	}
	return &out
}
