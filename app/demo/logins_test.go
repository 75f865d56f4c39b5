package demo_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/testkit"
)

// Every login `demo` prints signs in with the demo password.
func TestEveryDemoLoginSignsIn(t *testing.T) {
	env := testkit.New(t)
	for _, l := range demo.Logins {
		env.Login(l.Tenant, l.Username) // fails the test otherwise
	}
}

// The README's table of demo logins names exactly the accounts `demo`
// prints, so neither falls behind the other.
func TestDemoLoginsMatchTheREADME(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "## Demo logins")
	if !ok {
		t.Fatal("README has no Demo logins section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile(`(?m)^\| (\w+) \| ([^|]+) \|`)
	name := regexp.MustCompile("`([^`]+)`")
	var readme []string
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		for _, n := range name.FindAllStringSubmatch(m[2], -1) {
			readme = append(readme, m[1]+"/"+n[1])
		}
	}
	var printed []string
	for _, l := range demo.Logins {
		printed = append(printed, l.Tenant+"/"+l.Username)
	}
	slices.Sort(readme)
	slices.Sort(printed)
	if len(readme) == 0 || !slices.Equal(readme, printed) {
		t.Fatalf("README lists %v\n`demo` prints %v", readme, printed)
	}
}
