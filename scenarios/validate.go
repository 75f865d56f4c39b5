package scenarios

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/servicestar/servicestar/scoring"
)

// Limits on the size of one scenario; beyond them a scenario is a mistake, not a story.
const (
	MaxTurns       = 1000
	MaxEndings     = 100
	MaxChoices     = 12 // per turn
	MaxChecklist   = 12 // elements per free-text turn
	MaxProducts    = 50
	MaxHiddenNeeds = 20
	maxIDLen       = 64
)

// Validate checks the meaning of a scenario and returns every problem at once: references
// (next, start, products, hidden needs, dimensions), the turn graph (unreachable turns,
// turns from which no ending can be reached), ranges, translations and ids. Problems
// carry the file, line and turn when the scenario came from Parse. Validate does not
// repeat what Parse already reported for the same value.
func Validate(s *Scenario) Problems {
	if s == nil {
		return Problems{newProblem(CodeEmpty)}
	}
	v := &validator{s: s, targets: make(map[string]bool, len(s.Turns)+len(s.Endings))}
	for i := range s.Turns {
		v.targets[s.Turns[i].ID] = true
	}
	for i := range s.Endings {
		v.targets[s.Endings[i].ID] = true
	}
	v.scenario()
	v.persona()
	v.products()
	v.turnsAndEndings()
	v.moodEndings()
	if !v.graphBroken() {
		v.graph()
	}
	return v.probs
}

type validator struct {
	s       *Scenario
	targets map[string]bool // ids of turns and endings: what a next may name
	probs   Problems
}

func (v *validator) add(path, turn, code string, kv ...string) {
	if v.reported(path) {
		return
	}
	p := newProblem(code, kv...)
	p.File, p.Line, p.Path, p.Turn = v.s.src.file, v.s.src.line(path), path, turn
	v.probs = append(v.probs, p)
}

// reported tells whether Parse already reported path or one of its ancestors.
func (v *validator) reported(path string) bool {
	if len(v.s.src.bad) == 0 {
		return false
	}
	for p := path; p != ""; p = parentPath(p) {
		if v.s.src.bad[p] {
			return true
		}
	}
	return v.s.src.bad[""] // the document itself was not a mapping
}

// graphBroken tells whether Parse reported a problem in the shape of the turn graph (a
// start, next, turn or ending it could not read). Reachability computed over such a graph
// would only echo that problem as a list of unreachable turns.
func (v *validator) graphBroken() bool {
	harmless := []string{".customer", ".model_answer", ".text", ".feedback", ".title", ".debrief",
		".label", ".phrasings", ".effects", ".mood", ".reveals", ".recommends", ".kind", ".critical", ".forbidden", ".action", ".insists",
		".customer_if", ".all_of", ".pattern", ".order"}
	for p := range v.s.src.bad {
		if p == "" {
			return true
		}
		if p != "start" && !strings.HasPrefix(p, "turns") && !strings.HasPrefix(p, "endings") {
			continue
		}
		if !slices.ContainsFunc(harmless, func(h string) bool { return strings.Contains(p, h) }) {
			return true
		}
	}
	return false
}

func (v *validator) scenario() {
	s := v.s
	if s.ID == "" {
		v.add("id", "", CodeRequired, "field", "id")
	} else if !isSlug(s.ID) {
		v.add("id", "", CodeInvalidID, "field", "id", "value", s.ID,
			"rule", "lower-case kebab-case, at most 64 characters", "rule_zh", "小写字母、数字和连字符，最长 64 个字符")
	}
	v.rangeInt("version", "", s.Version, 1, 1_000_000)
	if s.Format != 0 {
		v.rangeInt("format", "", s.Format, FormatV1, LatestFormat)
	}
	v.text("title", "", s.Title)
	v.text("summary", "", s.Summary)
	v.enum("category", "", s.Category, Categories)
	v.enum("business_line", "", s.BusinessLine, BusinessLines)
	v.rangeInt("difficulty", "", s.Difficulty, 1, 5)
	v.rangeInt("estimated_minutes", "", s.EstimatedMinutes, 1, 240)
	if s.PassMark != nil {
		v.rangeInt("pass_mark", "", *s.PassMark, 0, 100)
	}
	if s.FactsCheckedOn != "" {
		v.needsFormat("facts_checked_on", "", FormatV3)
		v.date("facts_checked_on", s.FactsCheckedOn)
	}
	for _, f := range []struct {
		path, value string
		allowed     []string
	}{{"role", s.Role, Roles}, {"channel", s.Channel, Channels}, {"shelf_hint", s.ShelfHint, ShelfHints}} {
		if f.value != "" {
			v.needsFormat(f.path, "", FormatV3)
			v.enum(f.path, "", f.value, f.allowed)
		}
	}
	if len(s.Weights) > 0 {
		sum := 0
		for _, d := range sortedKeys(s.Weights) {
			w := s.Weights[d]
			path := "weights." + d
			if !scoring.IsDimension(d) {
				v.add(path, "", CodeUnknownDimension, "value", d, "allowed", strings.Join(scoring.Dimensions, ", "))
				continue
			}
			v.rangeInt(path, "", w, 0, 100)
			sum += w
		}
		if sum != 100 && !v.reported("weights") {
			v.add("weights", "", CodeWeightsSum, "value", strconv.Itoa(sum))
		}
	}
}

func (v *validator) persona() {
	p := &v.s.Persona
	v.text("persona.name", "", p.Name)
	v.rangeInt("persona.age", "", p.Age, 1, 120)
	v.text("persona.occupation", "", p.Occupation)
	v.text("persona.assets", "", p.Assets)
	v.text("persona.goals", "", p.Goals)
	v.rangeInt("persona.initial_mood", "", p.InitialMood, 0, 100)
	switch {
	case p.RiskTolerance != "" && !v.given("persona.risk_class"):
		v.enum("persona.risk_tolerance", "", string(p.RiskTolerance), RiskLevels)
	case p.RiskClass == "":
		v.add("persona.risk_class", "", CodeRequired, "field", "persona.risk_class")
	default:
		v.needsFormat("persona.risk_class", "", FormatV3)
		v.enum("persona.risk_class", "", string(p.RiskClass), ClassLevels)
	}
	if p.AssessedOn != "" {
		v.needsFormat("persona.assessed_on", "", FormatV3)
		v.date("persona.assessed_on", p.AssessedOn)
	}
	v.count("persona.hidden_needs", "", len(p.HiddenNeeds), MaxHiddenNeeds)
	ids := map[string]bool{}
	for i, n := range p.HiddenNeeds {
		path := idx("persona.hidden_needs", i)
		v.id(path+".id", "", n.ID, ids, "persona.hidden_needs")
		v.text(path+".text", "", n.Text)
	}
}

func (v *validator) products() {
	v.count("products", "", len(v.s.Products), MaxProducts)
	ids := map[string]bool{}
	for i, p := range v.s.Products {
		path := idx("products", i)
		v.id(path+".id", "", p.ID, ids, "products")
		v.text(path+".name", "", p.Name)
		v.enum(path+".kind", "", p.Kind, ProductKinds)
		v.enum(path+".risk", "", string(p.Risk), RiskLevels)
	}
}

func (v *validator) turnsAndEndings() {
	s := v.s
	if len(s.Turns) == 0 {
		v.add("turns", "", CodeRequired, "field", "turns")
	}
	if len(s.Endings) == 0 {
		v.add("endings", "", CodeRequired, "field", "endings")
	}
	v.count("turns", "", len(s.Turns), MaxTurns)
	v.count("endings", "", len(s.Endings), MaxEndings)

	ids := map[string]bool{} // turns and endings share one namespace: next names either
	for i := range s.Turns {
		v.id(idx("turns", i)+".id", s.Turns[i].ID, s.Turns[i].ID, ids, "turns and endings")
	}
	for i := range s.Endings {
		v.id(idx("endings", i)+".id", "", s.Endings[i].ID, ids, "turns and endings")
	}

	for i := range s.Turns {
		v.turn(i, &s.Turns[i])
	}
	for i, e := range s.Endings {
		path := idx("endings", i)
		v.enum(path+".kind", "", e.Kind, EndingKinds)
		v.text(path+".title", "", e.Title)
		v.text(path+".debrief", "", e.Debrief)
	}

	switch {
	case s.Start == "":
		v.add("start", "", CodeRequired, "field", "start")
	case s.Turn(s.Start) == nil:
		v.add("start", "", CodeUnknownStart, "value", s.Start)
	}
}

func (v *validator) turn(i int, t *Turn) {
	path := idx("turns", i)
	v.text(path+".customer", t.ID, t.Customer)
	v.text(path+".model_answer", t.ID, t.ModelAnswer)
	if t.Mood != nil {
		v.rangeInt(path+".mood", t.ID, *t.Mood, 0, 100)
	}
	switch {
	case len(t.Choices) > 0 && t.FreeText != nil:
		v.add(path, t.ID, CodeBothReplies, "value", t.ID)
	case len(t.Choices) == 0 && t.FreeText == nil:
		if !v.reported(path+".choices") && !v.reported(path+".free_text") {
			v.add(path, t.ID, CodeNoReply, "value", t.ID)
		}
	}
	v.count(path+".choices", t.ID, len(t.Choices), MaxChoices)
	ids := map[string]bool{}
	for j := range t.Choices {
		c := &t.Choices[j]
		cpath := idx(path+".choices", j)
		v.id(cpath+".id", t.ID, c.ID, ids, "the choices of turn "+t.ID)
		v.text(cpath+".text", t.ID, c.Text)
		v.text(cpath+".feedback", t.ID, c.Feedback)
		v.next(cpath+".next", t.ID, c.Next)
		v.effects(cpath+".effects", t.ID, c.Effects)
		v.rangeInt(cpath+".mood", t.ID, c.Mood, -50, 50)
		if c.Reveals != "" && v.s.HiddenNeed(c.Reveals) == nil {
			v.add(cpath+".reveals", t.ID, CodeUnknownNeed, "value", c.Reveals)
		}
		if c.Recommends != "" && v.s.Product(c.Recommends) == nil {
			v.add(cpath+".recommends", t.ID, CodeUnknownProduct, "value", c.Recommends)
		}
		if c.Critical != nil {
			v.needsFormat(cpath+".critical", t.ID, FormatV2)
			v.text(cpath+".critical", t.ID, c.Critical)
		}
		if c.Action != "" {
			v.needsFormat(cpath+".action", t.ID, FormatV3)
			v.enum(cpath+".action", t.ID, c.Action, ChoiceActions)
		}
	}
	for k, g := range t.CustomerIf {
		gpath := idx(path+".customer_if", k)
		v.needsFormat(gpath, t.ID, FormatV4)
		if v.s.HiddenNeed(g.Revealed) == nil {
			v.add(gpath+".revealed", t.ID, CodeUnknownNeed, "value", g.Revealed)
		}
		v.text(gpath+".customer", t.ID, g.Customer)
	}
	if t.Insists != "" {
		v.needsFormat(path+".insists", t.ID, FormatV3)
		switch p := v.s.Product(t.Insists); {
		case p == nil:
			v.add(path+".insists", t.ID, CodeUnknownProduct, "value", t.Insists)
		case p.Kind != "fund":
			v.add(path+".insists", t.ID, CodeInvalidValue, "field", path+".insists", "value", t.Insists, "allowed", "a product of kind fund")
		}
	}
	if ft := t.FreeText; ft != nil {
		fpath := path + ".free_text"
		if len(ft.Checklist) == 0 {
			v.add(fpath+".checklist", t.ID, CodeRequired, "field", fpath+".checklist")
		}
		v.count(fpath+".checklist", t.ID, len(ft.Checklist), MaxChecklist)
		v.next(fpath+".next", t.ID, ft.Next)
		v.rangeInt(fpath+".mood", t.ID, ft.Mood, -50, 50)
		ids := map[string]bool{}
		for j, item := range ft.Checklist {
			ipath := idx(fpath+".checklist", j)
			v.id(ipath+".id", t.ID, item.ID, ids, "the checklist of turn "+t.ID)
			v.text(ipath+".label", t.ID, item.Label)
			v.checklistConcepts(ipath, t.ID, &item)
			v.effects(ipath+".effects", t.ID, item.Effects)
		}
		if o := ft.Order; o != nil {
			v.needsFormat(fpath+".order", t.ID, FormatV4)
			if len(o.Elements) < 2 {
				v.add(fpath+".order.elements", t.ID, CodeOutOfRange, "field", fpath+".order.elements",
					"value", strconv.Itoa(len(o.Elements)), "min", "2", "max", strconv.Itoa(MaxChecklist))
			}
			seen := map[string]bool{}
			for k, id := range o.Elements {
				epath := idx(fpath+".order.elements", k)
				switch {
				case !slices.ContainsFunc(ft.Checklist, func(c ChecklistItem) bool { return c.ID == id }):
					v.add(epath, t.ID, CodeInvalidValue, "field", epath, "value", id, "allowed", "an element of this turn's checklist")
				case seen[id]:
					v.add(epath, t.ID, CodeDuplicateID, "value", id, "field", fpath+".order.elements")
				}
				seen[id] = true
			}
			v.effects(fpath+".order.effects", t.ID, o.Effects)
		}
		if len(ft.Forbidden) > 0 {
			v.needsFormat(fpath+".forbidden", t.ID, FormatV2)
		}
		v.count(fpath+".forbidden", t.ID, len(ft.Forbidden), MaxChecklist)
		for j, item := range ft.Forbidden {
			ipath := idx(fpath+".forbidden", j)
			v.id(ipath+".id", t.ID, item.ID, ids, "the checklist and forbidden phrasings of turn "+t.ID)
			v.text(ipath+".reason", t.ID, item.Reason)
			v.phrasings(ipath+".phrasings", t.ID, item.Phrasings)
		}
	}
}

// checklistConcepts checks what a checklist element asks for: phrasings, concept
// groups (all_of) and a pattern, at least one of them.
func (v *validator) checklistConcepts(ipath, turn string, item *ChecklistItem) {
	if len(item.Phrasings) == 0 && len(item.AllOf) == 0 && item.Pattern == "" {
		v.add(ipath+".phrasings", turn, CodeRequired, "field", ipath+".phrasings")
		return
	}
	if len(item.Phrasings) > 0 {
		v.phrasings(ipath+".phrasings", turn, item.Phrasings)
	}
	if len(item.AllOf) > 0 {
		v.needsFormat(ipath+".all_of", turn, FormatV4)
		v.count(ipath+".all_of", turn, len(item.AllOf), MaxChecklist)
		for k, g := range item.AllOf {
			v.phrasings(idx(ipath+".all_of", k), turn, g)
		}
	}
	if item.Pattern != "" {
		v.needsFormat(ipath+".pattern", turn, FormatV4)
		v.enum(ipath+".pattern", turn, item.Pattern, Patterns)
	}
}

// moodEndings checks the thresholds that end a conversation early.
func (v *validator) moodEndings() {
	v.count("mood_endings", "", len(v.s.MoodEndings), MaxEndings)
	for i, m := range v.s.MoodEndings {
		path := idx("mood_endings", i)
		v.needsFormat(path, "", FormatV4)
		v.rangeInt(path+".below", "", m.Below, 1, 100)
		if v.s.Ending(m.Ending) == nil {
			v.add(path+".ending", "", CodeDanglingNext, "value", m.Ending)
		}
	}
}

// needsFormat reports a field that a format newer than the file declares brought in.
func (v *validator) needsFormat(path, turn string, min int) {
	if f := v.s.FormatOrDefault(); f < min {
		v.add(path, turn, CodeNeedsFormat, "field", path, "min", strconv.Itoa(min), "value", strconv.Itoa(f))
	}
}

// graph reports turns and endings that cannot be reached from start, and reachable turns
// from which no ending can be reached (a dead end or a loop with no way out).
func (v *validator) graph() {
	s := v.s
	n := len(s.Turns)
	node := make(map[string]int, n+len(s.Endings))
	for i := range s.Turns {
		if _, dup := node[s.Turns[i].ID]; !dup {
			node[s.Turns[i].ID] = i
		}
	}
	for i := range s.Endings {
		if _, dup := node[s.Endings[i].ID]; !dup {
			node[s.Endings[i].ID] = n + i
		}
	}
	start, ok := node[s.Start]
	if !ok || start >= n {
		return // reported as unknown_start; reachability would only repeat it
	}
	out := make([][]int, n)
	in := make([][]int, n+len(s.Endings))
	link := func(from int, next string) {
		if to, ok := node[next]; ok {
			out[from] = append(out[from], to)
			in[to] = append(in[to], from)
		}
	}
	for i := range s.Turns {
		for _, c := range s.Turns[i].Choices {
			link(i, c.Next)
		}
		if ft := s.Turns[i].FreeText; ft != nil {
			link(i, ft.Next)
		}
	}

	reach := make([]bool, n+len(s.Endings))
	queue := []int{start}
	reach[start] = true
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if x >= n {
			continue
		}
		for _, y := range out[x] {
			if !reach[y] {
				reach[y] = true
				queue = append(queue, y)
			}
		}
	}

	canEnd := make([]bool, n+len(s.Endings))
	queue = queue[:0]
	for i := range s.Endings {
		canEnd[n+i] = true
		queue = append(queue, n+i)
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, y := range in[x] {
			if !canEnd[y] {
				canEnd[y] = true
				queue = append(queue, y)
			}
		}
	}

	for i := range s.Turns {
		t := &s.Turns[i]
		if node[t.ID] != i {
			continue // a duplicate id; reported already
		}
		switch {
		case !reach[i]:
			v.add(idx("turns", i), t.ID, CodeUnreachable, "what", "turn", "what_zh", "回合", "value", t.ID)
		case !canEnd[i] && (len(t.Choices) > 0 || t.FreeText != nil): // no reply: reported as such
			v.add(idx("turns", i), t.ID, CodeNoEnding, "value", t.ID)
		}
	}
	// A mood ending can follow any reply that upsets the customer enough.
	for _, m := range s.MoodEndings {
		if to, ok := node[m.Ending]; ok {
			reach[to] = true
		}
	}
	for i := range s.Endings {
		e := &s.Endings[i]
		if node[e.ID] == n+i && !reach[n+i] {
			v.add(idx("endings", i), "", CodeUnreachable, "what", "ending", "what_zh", "结局", "value", e.ID)
		}
	}
}

func (v *validator) next(path, turn, next string) {
	if next == "" {
		v.add(path, turn, CodeRequired, "field", path)
		return
	}
	if !v.targets[next] {
		v.add(path, turn, CodeDanglingNext, "value", next)
	}
}

func (v *validator) effects(path, turn string, e Effects) {
	for _, d := range sortedKeys(e) {
		dpath := path + "." + d
		if !scoring.IsDimension(d) {
			v.add(dpath, turn, CodeUnknownDimension, "value", d, "allowed", strings.Join(scoring.Dimensions, ", "))
			continue
		}
		v.rangeInt(dpath, turn, e[d], -30, 30)
	}
}

func (v *validator) text(path, turn string, t Text) {
	if len(t) == 0 {
		v.add(path, turn, CodeRequired, "field", path)
		return
	}
	for _, l := range Locales {
		if strings.TrimSpace(t[l]) == "" {
			v.add(path+"."+l, turn, CodeMissingTranslation, "field", path, "locale", l)
		}
	}
}

func (v *validator) phrasings(path, turn string, p Phrasings) {
	if len(p) == 0 {
		v.add(path, turn, CodeRequired, "field", path)
		return
	}
	for _, l := range Locales {
		ok := len(p[l]) > 0
		for _, s := range p[l] {
			if normalize(s) == "" {
				ok = false
			}
		}
		if !ok {
			v.add(path+"."+l, turn, CodeMissingTranslation, "field", path, "locale", l)
		}
	}
}

// given tells whether the file spelled out path (always false for a scenario built in
// code).
func (v *validator) given(path string) bool {
	if v.s.src.lines == nil {
		return false
	}
	_, ok := v.s.src.lines.get(path)
	return ok
}

func (v *validator) date(path, x string) {
	if _, err := time.Parse(DateLayout, x); err != nil {
		v.add(path, "", CodeInvalidValue, "field", path, "value", x, "allowed", "a date YYYY-MM-DD")
	}
}

func (v *validator) rangeInt(path, turn string, x, lo, hi int) {
	if x < lo || x > hi {
		v.add(path, turn, CodeOutOfRange, "field", path, "value", strconv.Itoa(x),
			"min", strconv.Itoa(lo), "max", strconv.Itoa(hi))
	}
}

func (v *validator) enum(path, turn, x string, allowed []string) {
	if x == "" {
		v.add(path, turn, CodeRequired, "field", path)
		return
	}
	if !contains(allowed, x) {
		v.add(path, turn, CodeInvalidValue, "field", path, "value", x, "allowed", strings.Join(allowed, ", "))
	}
}

func (v *validator) count(path, turn string, n, limit int) {
	if n > limit {
		v.add(path, turn, CodeTooMany, "field", path, "value", strconv.Itoa(n), "max", strconv.Itoa(limit))
	}
}

// id checks the form of an id and that it is new in seen (which it then joins).
func (v *validator) id(path, turn, id string, seen map[string]bool, scope string) {
	switch {
	case id == "":
		v.add(path, turn, CodeRequired, "field", path)
		return
	case !isID(id):
		v.add(path, turn, CodeInvalidID, "field", path, "value", id,
			"rule", "letters, digits, '_', '-', '.', starting with a letter or digit, at most 64 characters",
			"rule_zh", "字母、数字、下划线、连字符或点，以字母或数字开头，最长 64 个字符")
	}
	if seen[id] {
		v.add(path, turn, CodeDuplicateID, "value", id, "field", scope)
		return
	}
	seen[id] = true
}

// isSlug: lower-case kebab-case, the form of a scenario id (it appears in URLs).
func isSlug(s string) bool {
	if s == "" || len(s) > maxIDLen || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func isID(s string) bool {
	if s == "" || len(s) > maxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '_' && c != '-' && c != '.') {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
