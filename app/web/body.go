package web

import (
	"bytes"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Request bodies are streamed (fiber's StreamRequestBody) so that a large
// upload reaches its handler as a reader instead of hundreds of megabytes in
// memory. Every other request still gets what it had before: its body read
// in full, up to MaxUploadBytes (413 past that), before any handler runs.
// bufferBody does that and puts the bytes back as the request's stream,
// which is where huma reads a body when streaming is on; middleware that
// looks at a body reads the copy through bodyOf, never c.Body(), which
// would drain the stream and leave huma an empty body.

const bodyKey = "servicestar.body"

// bufferBody reads the body of every request whose path is not streamed.
func bufferBody(streamed func(path string) bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if streamed(c.Path()) {
			return c.Next()
		}
		req := c.Request()
		stream := req.BodyStream()
		if stream == nil {
			c.Locals(bodyKey, req.Body())
			return c.Next()
		}
		data, err := io.ReadAll(io.LimitReader(stream, MaxUploadBytes+1))
		if err != nil {
			return err // the client went away mid-body; nobody reads the answer
		}
		if len(data) > MaxUploadBytes {
			return writeProblem(c, fiber.StatusRequestEntityTooLarge, "request body too large")
		}
		req.SetBodyStream(bytes.NewReader(data), len(data))
		c.Locals(bodyKey, data)
		return c.Next()
	}
}

// bodyOf is the body bufferBody read (nil on a streamed path).
func bodyOf(c *fiber.Ctx) []byte {
	b, _ := c.Locals(bodyKey).([]byte)
	return b
}

// streamedPaths answers for the exact paths handlers read as a stream.
func streamedPaths(paths []string) func(string) bool {
	set := map[string]bool{}
	for _, p := range paths {
		set[strings.TrimSuffix(p, "/")] = true
	}
	return func(p string) bool { return len(set) > 0 && set[strings.TrimSuffix(p, "/")] }
}
