package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/valyala/fasthttp"
)

// The browser may keep a file whose name carries a hash of its content (all of
// assets/, as Vite names them) for a year without asking again: a new build
// names its files anew. Every other file (index.html, which names the current
// assets; the favicon; the API docs viewer) is revalidated on each use, which
// its ETag makes a bodiless 304 when nothing changed.
const (
	cacheImmutable   = "public, max-age=31536000, immutable"
	cacheRevalidated = "no-cache"
)

// spaFile is one file of the built frontend, read once at start-up together with
// the compressed copies the build wrote beside it (name.br and name.gz, by
// frontend/scripts/compress-dist.mjs): compressed at build time, at brotli's
// highest level, a file costs a request no compression (see BENCHMARKS.md). A
// text file the build left without copies is compressed here, once, at levels
// that keep start-up short.
type spaFile struct {
	contentType  string
	cacheControl string
	variants     []variant // the compressed copies, preferred first; then identity
}

// variant is one encoding of a file, with its own strong ETag (RFC 9110 8.8.3:
// representations with different content codings must not share one).
type variant struct {
	encoding string // "br", "gzip", or "" for identity
	body     []byte
	etag     string
}

// loadSPA reads every file of the build. A file.br or file.gz beside a file is
// that file's compressed copy, not a file of its own.
func loadSPA(spa fs.FS) (map[string]*spaFile, error) {
	files := map[string]*spaFile{}
	err := fs.WalkDir(spa, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || isCompressedCopy(spa, name) {
			return err
		}
		body, err := fs.ReadFile(spa, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		tag := hex.EncodeToString(sum[:12])
		f := &spaFile{contentType: contentTypeOf(name), cacheControl: cacheRevalidated}
		if strings.HasPrefix(name, "assets/") {
			f.cacheControl = cacheImmutable
		}
		for _, enc := range []struct {
			suffix, name string
			compress     func([]byte) []byte
		}{
			{".br", "br", func(b []byte) []byte { return fasthttp.AppendBrotliBytesLevel(nil, b, startupBrotliLevel) }},
			{".gz", "gzip", func(b []byte) []byte { return fasthttp.AppendGzipBytesLevel(nil, b, startupGzipLevel) }},
		} {
			b, err := fs.ReadFile(spa, name+enc.suffix)
			if err != nil && compressible(f.contentType, body) {
				b = enc.compress(body)
			}
			if b != nil && len(b) < len(body) {
				f.variants = append(f.variants, variant{encoding: enc.name, body: b, etag: `"` + tag + "-" + enc.name + `"`})
			}
		}
		f.variants = append(f.variants, variant{body: body, etag: `"` + tag + `"`})
		files[name] = f
		return nil
	})
	return files, err
}

func isCompressedCopy(spa fs.FS, name string) bool {
	for _, suffix := range []string{".br", ".gz"} {
		if base, ok := strings.CutSuffix(name, suffix); ok {
			if st, err := fs.Stat(spa, base); err == nil && !st.IsDir() {
				return true
			}
		}
	}
	return false
}

// Levels for files compressed at start-up: the whole build (2 MB) in about
// 80 ms, its brotli 9 % larger than the build's (measured, BENCHMARKS.md).
const (
	startupBrotliLevel = 5
	startupGzipLevel   = 6
)

// compressible: text of a size where compression saves more than it costs.
func compressible(contentType string, body []byte) bool {
	if len(body) < 256 {
		return false
	}
	t, _, _ := strings.Cut(contentType, ";")
	return strings.HasPrefix(t, "text/") || t == "application/json" || t == "image/svg+xml" ||
		t == "application/javascript" || t == "application/xml" || t == "application/wasm"
}

func contentTypeOf(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// pick is the variant to send for an Accept-Encoding header.
func (f *spaFile) pick(acceptEncoding string) variant {
	for _, v := range f.variants {
		if v.encoding == "" || accepts(acceptEncoding, v.encoding) {
			return v
		}
	}
	return f.variants[len(f.variants)-1]
}

// accepts reports whether an Accept-Encoding header allows a coding: named (or
// matched by "*") with a q-value above zero.
func accepts(header, coding string) bool {
	allowed := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		if !strings.EqualFold(name, coding) && name != "*" {
			continue
		}
		ok := !zeroQ(params)
		if strings.EqualFold(name, coding) {
			return ok // the coding's own entry overrides "*"
		}
		allowed = ok
	}
	return allowed
}

func zeroQ(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			v = strings.TrimRight(strings.TrimSpace(v), "0")
			return v == "" || v == "0." || v == "0"
		}
	}
	return false
}
