package scenarios

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// sameTree compares two node trees; the line of an absent value is not compared, as the
// decoder never uses it.
func sameTree(a, b *node) bool {
	if a.kind != b.kind || a.kind == nullNode {
		return a.kind == b.kind
	}
	if a.line != b.line || a.value != b.value || a.num != b.num || len(a.items) != len(b.items) {
		return false
	}
	for i := range a.items {
		if !sameTree(a.items[i], b.items[i]) {
			return false
		}
	}
	return true
}

// checkFastAgrees fails when the fast reader answers for data and its tree differs
// from the full parser's; it reports whether the fast reader answered.
func checkFastAgrees(t *testing.T, data []byte) bool {
	t.Helper()
	if len(data) > MaxFileSize || !utf8.Valid(data) || prescan(data) != nil {
		return false
	}
	fast, ok := fastParse(data)
	if !ok {
		return false
	}
	full, p := readFullYAML(data)
	if p != nil {
		t.Fatalf("the fast reader accepted what the full parser refuses (%v):\n%s", p, data)
	}
	if !sameTree(fast, full) {
		t.Fatalf("the readers disagree on:\n%s\nfast: %s\nfull: %s", data, dumpTree(fast), dumpTree(full))
	}
	return true
}

func dumpTree(n *node) string {
	var b strings.Builder
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		b.WriteString(strings.Repeat("  ", depth) + strconv.Itoa(int(n.kind)) + "@" + strconv.Itoa(n.line) + " " + strconv.Quote(n.value) + "\n")
		for _, c := range n.items {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// fastCases are shapes an author writes; each either reads the same both ways or goes
// to the full parser.
var fastCases = []string{
	"a: 1\nb: -2\nc: 0\nd: -0\ne: 007\nf: 1_000\ng: 0x1F\nh: 12345678901234567890\n",
	"a: yes\nb: No\nc: null\nd: ~\ne: true\nf: .inf\ng: 1.5\nh: 2024-01-01\n",
	"a: text with, commas and 'quotes' and \"doubles\"\nb: it's\nc: C# and a#b\nd: a: b\n",
	"t: {zh-CN: 标题, en: Title?}\nu: {en: Sure. Is it?, zh-CN: 好的？}\nv: [a, b , c]\nw: []\nx: {}\ny: [a, [b, {c: d}]]\n",
	"t: {en: Don't}\nu: [it's]\nv: {a: 1,}\nw: [a,]\nx: {a: }\ny: {a}\nz: [a: b]\n",
	"q: \"double\"\nr: 'single ''quoted'''\ns: \"esc\\n\"\nt: \"a\" # c\nu: 'x'y\nv: \"\"\n",
	"list:\n- a\n- b\nnext: 1\nnested:\n  - id: x\n    v: 1\n  - id: y\n",
	"a:\n  b:\n    c: d\n  e: f\ng: h\n",
	"a: # comment\n  b: c\n\n# between\nd:   e   # trailing\n",
	"a:\nb: 1\n",
	"- a\n- b: c\n  d: e\n-   f: g\n    h: i\n",
	"a: b\n  c\n",
	"a:\n  - b\n  c: d\n",
	"a: [b,\n  c]\n",
	"a: |\n  text\n",
	"a: >-\n  text\n",
	"a: b\na: c\n",
	"a: {b: 1, b: 2}\n",
	"k: v\n---\nk: w\n",
	"1: a\ntrue: b\nnull: c\n",
	"a: b\n- c\n",
	"- - a\n",
	"-\n  a: b\n",
	"a:  \n  - b\n  -  c\n",
	"é: 1\n",
	"a: -\nb: --x\nc: -x\n",
	"a: {x: [1, -2, 3], y: 'z'}\n",
	"  a: 1\n",
	"a: 1 # c\nb: 'x' #c\nc: \"y\"#c\n",
	"a: 1-year time deposit\nb: 3 months\nc: 2001-12-14 21:59:43.10 -5\nd: 1e5 x\ne: 0x1F apples\nf: {en: 1-year deposit, zh-CN: 1年期}\ng: 1年\n",
	"a: 2001-12-14 t21\nb: 1.5 kg\nc: 0 days\nd: 1e5 x\ne: 0x1F apples\n",
	"a: 1-year time deposit\nb: 3 months\nf: {en: 1-year deposit, zh-CN: 1年期 3}\ng: 1 年\n",
	"t: {en: Don't, zh-CN: x}\nu: [it's, a'b', c'']\nv: {en: the customer's risk.}\n",
	"a: 12 345\n", "a: .5 x\n", "a: 1 2\n", "a: 2001-12-14 21:59:43.10 -5\n", "a: 1年\n",
}

func TestFastParseAgreesWithFullParser(t *testing.T) {
	var inputs [][]byte
	for _, c := range fastCases {
		inputs = append(inputs, []byte(c))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	inputs = append(inputs, generatedYAML(t, 20))
	answered := 0
	for _, data := range inputs {
		if checkFastAgrees(t, data) {
			answered++
		}
	}
	t.Logf("the fast reader answered for %d of %d inputs", answered, len(inputs))
}

// The fast reader must answer for the files the product is sized for, or uploads stay
// slow; a generated 500-turn file stands for them.
func TestFastParseReadsTheGeneratedScenario(t *testing.T) {
	if !checkFastAgrees(t, generatedYAML(t, 100)) {
		t.Fatal("the generated scenario went to the full parser")
	}
}

// FuzzFastParse: wherever the fast reader answers, the full parser reads the same tree.
// The seeds run in every plain `go test`; `go test -fuzz=FuzzFastParse` explores.
func FuzzFastParse(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFastAgrees(t, data)
	})
}
