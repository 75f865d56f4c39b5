package org

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// csvText returns a CSV file's text as UTF-8. Excel on a Chinese Windows
// saves "CSV" in the system code page, GBK, unless the user picks "CSV UTF-8";
// so text that is not valid UTF-8 is read as GB18030, the national standard
// that contains GBK and GB2312. A BOM is dropped.
func csvText(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data, nil
	}
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || strings.ContainsRune(string(text), utf8.RuneError) {
		return nil, fileProblem("the file's text is neither UTF-8 nor GBK/GB18030; save it as \"CSV UTF-8\"", nil)
	}
	return text, nil
}
