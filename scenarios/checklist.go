package scenarios

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// MatchChecklist returns the ids of the checklist elements a typed reply meets, in
// checklist order. An element is met when the reply contains any of its phrasings in any
// language, compared case-insensitively after NFKC folding (so full-width "ＯＫ" matches
// "ok") and with runs of white space counted as one space.
func MatchChecklist(items []ChecklistItem, text string) []string {
	reply := normalize(text)
	var hits []string
	for _, item := range items {
		if itemMet(item, reply) {
			hits = append(hits, item.ID)
		}
	}
	return hits
}

func itemMet(item ChecklistItem, reply string) bool {
	for _, l := range sortedKeys(item.Phrasings) {
		for _, p := range item.Phrasings[l] {
			if p := normalize(p); p != "" && strings.Contains(reply, p) {
				return true
			}
		}
	}
	return false
}

func normalize(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// satisfyingAnswer builds a reply that meets every element of a checklist: the first
// zh-CN phrasing of each (or the first phrasing of any language), joined.
func satisfyingAnswer(items []ChecklistItem) string {
	parts := make([]string, 0, len(items))
	for _, item := range items {
		for _, l := range append([]string{LocaleZH}, sortedKeys(item.Phrasings)...) {
			if ps := item.Phrasings[l]; len(ps) > 0 && normalize(ps[0]) != "" {
				parts = append(parts, strings.TrimSpace(ps[0]))
				break
			}
		}
	}
	return strings.Join(parts, "；")
}
