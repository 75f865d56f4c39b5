package apperr

import (
	"fmt"
	"regexp"
	"strings"
)

// humaPattern matches one of huma's messages and says it in Chinese.
type humaPattern struct {
	re *regexp.Regexp
	zh string
}

var verb = regexp.MustCompile(`%[sdvq]`)

// humaPatterns are humaChinese compiled: each format's verbs become
// captures, so the values huma put in come out in the Chinese text.
var humaPatterns = func() []humaPattern {
	out := make([]humaPattern, len(humaChinese))
	for i, m := range humaChinese {
		parts := verb.Split(m.format, -1)
		for j, p := range parts {
			parts[j] = regexp.QuoteMeta(p)
		}
		out[i] = humaPattern{re: regexp.MustCompile("^" + strings.Join(parts, "(.+?)") + "$"), zh: m.zh}
	}
	return out
}()

// humaInChinese is a huma message in Chinese, or false when it is not one
// of those humaChinese knows.
func humaInChinese(text string) (string, bool) {
	for _, p := range humaPatterns {
		if m := p.re.FindStringSubmatch(text); m != nil {
			args := make([]any, len(m)-1)
			for i, v := range m[1:] {
				args[i] = v
			}
			return fmt.Sprintf(p.zh, args...), true
		}
	}
	return "", false
}
