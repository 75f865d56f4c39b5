package scenarios

import "testing"

func TestNegationWithinTheClause(t *testing.T) {
	tests := []struct {
		reply, phrase string
		found         bool
	}{
		{"我马上帮您挂失", "挂失", true},
		{"不用挂失", "挂失", false},
		{"这张卡您不需要马上挂失", "挂失", false},
		{"别慌，我马上帮您挂失", "挂失", true},
		{"别慌 挂失", "挂失", true},
		{"别担心我们会挂失", "挂失", true},
		{"不管怎样都先挂失", "挂失", true},
		{"不用担心，但必须先挂失", "挂失", true},
		{"我们需要识别身份后挂失", "挂失", true},
		{"不仅要挂失，还要报警", "挂失", true},
		{"不用挂失，但挂失更稳妥", "挂失", true}, // one occurrence stands
		{"银行不会问您要密码", "密码", false},
		{"we will block the card now", "block the card", true},
		{"we do not need to block the card", "block the card", false},
		{"no need, i won't block the card", "block the card", false},
		{"don't worry, we'll block the card", "block the card", true},
		{"nothing to block the card for", "block the card", true},
		{"we can't wait: block the card", "block the card", true},
	}
	for _, tt := range tests {
		if got := containsUnnegated(normalize(tt.reply), normalize(tt.phrase)); got != tt.found {
			t.Errorf("%q in %q: found %v, want %v", tt.phrase, tt.reply, got, tt.found)
		}
	}
}
