package scenarios_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// A typed reply of the longest size allowed, on a turn with a checklist and forbidden
// phrasings: negation looks back at every occurrence, so many occurrences cost most.
func BenchmarkAnswerLongReply(b *testing.B) {
	s, _ := library.ByID("lost-card-report")
	st := scenarios.Start(s)
	reply := []rune(strings.Repeat("别慌，不用挂失也不用冻结，核实身份后报警。", 200))[:scenarios.MaxAnswerRunes]
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := scenarios.Answer(s, st, string(reply), 0); err != nil {
			b.Fatal(err)
		}
	}
}
