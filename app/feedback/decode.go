package feedback

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A CSV file is parsed on its raw bytes and each cell decoded after: in GBK
// and GB18030 no byte of a multi-byte character is a comma, quote or line
// break (trail bytes are 0x30–0x39 or 0x40 and up), so the cells split
// right in either encoding, and an invalid byte is pinned to its row and
// column instead of turning into U+FFFD somewhere in the stream.

// decodeCell returns the cell as UTF-8, or false when its bytes are not
// valid in enc ("utf-8" or "gbk", which is read as GB18030, its superset).
func decodeCell(enc string, raw string) (string, bool) {
	if enc != "gbk" || isASCII(raw) {
		return raw, utf8.ValidString(raw)
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().String(raw)
	if err != nil {
		return "", false
	}
	// The decoder writes U+FFFD for bytes it cannot read; GB18030 encodes a
	// real U+FFFD as 84 31 A4 37, the only way one is not a failure.
	if strings.ContainsRune(out, utf8.RuneError) && !strings.Contains(raw, "\x84\x31\xa4\x37") {
		return "", false
	}
	return out, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// detectEncoding reads r to its end and answers "utf-8" when all of it is
// valid UTF-8, else "gbk": Excel on a Chinese Windows saves "CSV" in GBK.
func detectEncoding(r io.Reader) (string, error) {
	buf := make([]byte, 64<<10)
	var carry []byte
	for {
		n, err := r.Read(buf)
		data := append(carry, buf[:n]...)
		// Keep an incomplete character at the end for the next read.
		cut := len(data)
		for i := len(data) - 1; i >= 0 && i >= len(data)-3; i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					cut = i
				}
				break
			}
		}
		if !utf8.Valid(data[:cut]) {
			return "gbk", nil
		}
		carry = append([]byte(nil), data[cut:]...)
		if err == io.EOF {
			if len(carry) > 0 {
				return "gbk", nil
			}
			return "utf-8", nil
		}
		if err != nil {
			return "", err
		}
	}
}

// bomSkipper drops a UTF-8 byte order mark at the start of a stream.
type bomSkipper struct {
	r     io.Reader
	begun bool
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if b.begun {
		return b.r.Read(p)
	}
	b.begun = true
	head := make([]byte, 3)
	n, err := io.ReadFull(b.r, head)
	head = head[:n]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	b.r = io.MultiReader(bytes.NewReader(head), b.r)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return 0, err
	}
	return b.r.Read(p)
}
