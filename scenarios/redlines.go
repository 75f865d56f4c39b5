package scenarios

// MatchForbidden returns the ids of the forbidden elements a typed reply contains, in
// list order. Matching is as for checklist phrasings (NFKC, case, white space), except
// that a negated phrasing does not count: "千万别把验证码告诉任何人" is the right advice,
// not a request for the code.
func MatchForbidden(items []ForbiddenItem, text string) []string {
	if len(items) == 0 {
		return nil
	}
	reply := normalize(text)
	var hits []string
	for _, item := range items {
		if phrasingsFound(item.Phrasings, reply) {
			hits = append(hits, item.ID)
		}
	}
	return hits
}

// phrasingsFound reports whether the normalized reply holds any of the phrasings, in any
// language, where the clause does not negate it.
func phrasingsFound(ps Phrasings, reply string) bool {
	for _, l := range sortedKeys(ps) {
		for _, p := range ps[l] {
			if p := normalize(p); p != "" && containsUnnegated(reply, p) {
				return true
			}
		}
	}
	return false
}
