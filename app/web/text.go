package web

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/servicestar/servicestar/app/apperr"
)

// Text the app stores or searches must be valid UTF-8 without NUL: Go's JSON
// decoder silently turns invalid bytes into U+FFFD (the stored text is not
// what was sent), PostgreSQL refuses NUL in text columns while SQLite keeps
// it, and a NUL cuts names short in C-based tools reading exports. validText
// refuses both in every JSON body and query parameter of the API, in one
// place, with a 422 naming the field; other bodies (uploaded files) are
// checked by the code that reads them.

func validText(c *fiber.Ctx) error {
	var bad *apperr.Field
	for k, v := range c.Context().QueryArgs().All() {
		// A bad parameter name is named by the query as a whole.
		if bad = textProblem("query", k, string(k)); bad == nil {
			bad = textProblem("query."+string(k), v, string(v))
		}
		if bad != nil {
			break
		}
	}
	if bad == nil && isJSON(c) {
		bad = jsonTextField(bodyOf(c))
	}
	if bad != nil {
		return writeProblem(c, fiber.StatusUnprocessableEntity, "validation failed", *bad)
	}
	return c.Next()
}

// isJSON reports whether the body will be read as JSON (huma's default when
// no type is named).
func isJSON(c *fiber.Ctx) bool {
	if len(bodyOf(c)) == 0 {
		return false
	}
	ct := strings.ToLower(c.Get(fiber.HeaderContentType))
	return ct == "" || strings.Contains(ct, "json")
}

// textProblem names the field at loc when text sent as the bytes raw and
// read as s is bad, or is nil. The value is never echoed (it may be a
// password). A lone surrogate escape (\ud800) decodes to U+FFFD from valid
// bytes, so a U+FFFD that was not sent counts as invalid too.
func textProblem(loc string, raw []byte, s string) *apperr.Field {
	switch {
	case strings.IndexByte(s, 0) >= 0:
		return &apperr.Field{Location: loc, Message: "must not contain the NUL character (U+0000)"}
	case !utf8.Valid(raw) || !utf8.ValidString(s),
		strings.ContainsRune(s, utf8.RuneError) && !sentReplacement(raw):
		return &apperr.Field{Location: loc, Message: "must be valid UTF-8 text"}
	}
	return nil
}

func sentReplacement(raw []byte) bool {
	return bytes.Contains(raw, []byte("\uFFFD")) || bytes.Contains(bytes.ToLower(raw), []byte(`\ufffd`))
}

// frame is an open object or array on the way to the current token.
type frame struct {
	object    bool
	key       string
	index     int
	expectKey bool
}

// jsonTextField walks body's tokens and returns the first string (key or
// value) with bad text, located as huma locates fields ("body.roles[1].role").
// Malformed JSON is left to huma's own 400.
func jsonTextField(body []byte) *apperr.Field {
	// Bad text can only come from invalid bytes or a \u escape (a raw NUL
	// is malformed JSON): most bodies need no walk.
	if utf8.Valid(body) && !bytes.Contains(body, []byte(`\u`)) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var stack []frame
	advance := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].expectKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	for {
		from := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{object: true, expectKey: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				advance()
			}
		case string:
			raw := body[from:dec.InputOffset()]
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
				// A bad key is named by the object that holds it.
				if f := textProblem(location(stack[:n-1]), raw, t); f != nil {
					return f
				}
				stack[n-1].key, stack[n-1].expectKey = t, false
				continue
			}
			if f := textProblem(location(stack), raw, t); f != nil {
				return f
			}
			advance()
		default:
			advance()
		}
	}
}

// location names the value the frames lead to.
func location(stack []frame) string {
	var b strings.Builder
	b.WriteString("body")
	for _, f := range stack {
		if f.object {
			b.WriteString("." + f.key)
		} else {
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		}
	}
	return b.String()
}
