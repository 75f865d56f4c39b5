package scenarios

import (
	"regexp"
	"strings"
)

// Patterns a checklist element can require (format 4). They are named matchers written
// here, not expressions in the file: scenario authors are not trusted with regular
// expressions (a slow or wrong one would grade every reply).
const (
	// PatternTimeLimit is a commitment to a time: a number with a unit ("2个工作日内",
	// "24小时内", "三个工作日", "within 24 hours", "in 2 business days"), a clock time
	// ("今天下午5点前", "by 5 pm today"), a weekday ("下周一前", "by Friday") or the end
	// of today ("今天之内", "by the end of today"). A day alone ("明天", "by tomorrow"),
	// "soon" or "尽快" is not: it names no limit the customer could hold the bank to.
	PatternTimeLimit = "time_limit"
)

// Patterns lists the pattern names a checklist element may use.
var Patterns = []string{PatternTimeLimit}

// Numbers as people type them: digits, Chinese numerals, English number words.
const (
	zhNum = `(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百半]+)`
	enNum = `(?:[0-9]+(?:\.[0-9]+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-eight|forty eight|twenty-four|twenty four|seventy-two|seventy two|half an?)`
	zhDay = `(?:今天|今日|明天|明日|后天|本周[一二三四五六日天]?|下周[一二三四五六日天]?|周[一二三四五六日天]|星期[一二三四五六日天])`
	enDay = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
)

// timeLimitMatchers is the table behind PatternTimeLimit, over normalized text (lower
// case, NFKC: full-width digits are ASCII here). Durations followed by 前 ("三个月前",
// months ago) are excluded in code: Go's regexp has no look-ahead.
var timeLimitMatchers = []struct {
	re       *regexp.Regexp
	duration bool // a span of time: "N units", which 前 after it turns into the past
}{
	// 2个工作日内, 24小时内, 三个工作日, 半小时, 两周内, 三个月
	{regexp.MustCompile(zhNum + ` ?(?:个)? ?半?(?:分钟|小时|钟头|工作日|自然日|天|日|周|星期|个月)`), true},
	// 今天下午5点前, 明天上午十点, 5点前, 17:00前
	{regexp.MustCompile(zhDay + `?(?:上午|中午|下午|晚上|傍晚|早上)` + zhNum + ` ?(?:点|时)`), false},
	{regexp.MustCompile(`(?:[0-9]{1,2}:[0-9]{2}|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}) ?(?:点|时)(?:半|[0-9]{1,2}分)?) ?(?:之前|以前|前)`), false},
	// 下周一前, 本周五之前
	{regexp.MustCompile(`(?:本|这|下)?(?:周|星期|礼拜)[一二三四五六日天](?:之前|以前|前)`), false},
	// 今天之内, 今天下班前, 当天内
	{regexp.MustCompile(`(?:今天|今日|当天|当日)(?:之内|以内|内|下班前|下班之前|营业结束前)`), false},
	// within 24 hours, in 2 business days, in the next two hours, under an hour
	{regexp.MustCompile(`\b(?:within|in|inside|under|no later than|no more than)(?: the next| the)? ` + enNum + `(?: |-)?(?:(?:business|working|calendar|banking) )?(?:minutes?|hours?|hrs?|days?|weeks?|months?)\b`), true},
	// 3 working days, two business days
	{regexp.MustCompile(`\b` + enNum + `(?: |-)(?:business|working|banking) days?\b`), true},
	// by 5 pm, before 5 p.m. today, by 17:00, at 10 am tomorrow
	{regexp.MustCompile(`\b(?:by|before|until|no later than|at) [0-9]{1,2}(?::[0-9]{2})? ?(?:am|pm|a\.m\.|p\.m\.|o'clock)`), false},
	{regexp.MustCompile(`\b(?:by|before|no later than) [0-9]{1,2}:[0-9]{2}\b`), false},
	// by noon, by the end of today, by close of business, by friday
	{regexp.MustCompile(`\b(?:by|before) (?:(?:today|tomorrow) )?(?:noon|midday)\b`), false},
	{regexp.MustCompile(`\b(?:by|before) (?:the )?(?:end of (?:the )?(?:day|today|business)|close of (?:business|play)(?: today)?|cob|eod)\b`), false},
	{regexp.MustCompile(`\b(?:by|before) (?:this |next |the end of )?` + enDay + `\b`), false},
}

// patternAt returns the byte offset of the first occurrence of the named pattern in the
// normalized reply that is not negated just before in its clause ("不会在24小时内"), or
// -1. An unknown name matches nothing (the validator refuses it).
func patternAt(name, reply string) (at, end int) {
	if name != PatternTimeLimit {
		return -1, -1
	}
	at, end = -1, -1
	for _, m := range timeLimitMatchers {
		for _, loc := range m.re.FindAllStringIndex(reply, -1) {
			if at >= 0 && loc[0] >= at {
				break
			}
			if m.duration && strings.HasPrefix(reply[loc[1]:], "前") {
				continue // 三个月前: months ago, not a limit
			}
			if negated(reply, loc[0]) {
				continue
			}
			at, end = loc[0], loc[1]
			break
		}
	}
	return at, end
}

// patternExamples are replies that meet each pattern, for the paths the tests play.
var patternExamples = map[string]string{PatternTimeLimit: "2个工作日内给您答复"}
