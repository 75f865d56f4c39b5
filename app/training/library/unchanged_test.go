package library_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// adapt uploads the draft of key again with its Chinese title marked: the
// bank's edit that makes a clone publishable.
func adapt(t *testing.T, hr *testkit.Client, key string) {
	t.Helper()
	src := mustGet(t, hr, "/api/v1/training/library/"+key+"/source?version=draft")
	edited := strings.Replace(src, "title:\n  zh-CN: \"", "title:\n  zh-CN: \"【本行】", 1)
	if edited == src {
		t.Fatalf("no Chinese title line in:\n%.300s", src)
	}
	if st, body := uploadYAML(hr, []byte(edited)); st != 200 {
		t.Fatalf("upload the adapted draft: %d %s", st, body)
	}
}

// Publishing a clone nobody changed would put two identical cards in the
// catalogue: it is refused with a 409 naming the origin, whether the origin
// is built in or the bank's own, and allowed once the draft is edited.
func TestPublishingAnUnchangedCloneIsRefused(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	emp := env.Login("demo", "emp.south.1")
	const src, key, second = "ecny-introduction", "ecny-introduction-branch", "ecny-introduction-branch-2"

	if st, body := hr.Do("POST", "/api/v1/training/library/"+src+"/clone", map[string]string{"new_key": key}); st != 200 {
		t.Fatalf("clone: %d %s", st, body)
	}
	st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/publish", nil)
	if st != 409 || !strings.Contains(body, "nothing changed since the clone of "+src) || !strings.Contains(body, `"location":"path.key"`) ||
		!strings.Contains(body, `"message":"unchanged from `+src+`"`) {
		t.Fatalf("publish an unchanged clone: %d %s", st, body)
	}
	if catalogueHas(t, emp, key) {
		t.Fatal("the refused clone is in the catalogue")
	}
	if vs := mustGet(t, hr, "/api/v1/training/library/"+key+"/versions"); strings.Contains(vs, `"version":`) {
		t.Fatalf("a version was stored: %s", vs)
	}
	// In Chinese for a Chinese reader.
	zh := env.Login("demo", "hr").Header("Accept-Language", "zh-CN")
	if st, body := zh.Do("POST", "/api/v1/training/library/"+key+"/publish", nil); st != 409 || !strings.Contains(body, "没有任何修改") {
		t.Fatalf("publish an unchanged clone, in Chinese: %d %s", st, body)
	}

	adapt(t, hr, key)
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/publish", nil); st != 200 || !strings.Contains(body, `"published_version":1`) {
		t.Fatalf("publish the adapted clone: %d %s", st, body)
	}

	// A clone of the bank's own published scenario, unchanged, is refused too,
	// naming the card it would duplicate.
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/clone", map[string]string{"new_key": second}); st != 200 {
		t.Fatalf("clone the bank's own: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/training/library/"+second+"/publish", nil); st != 409 || !strings.Contains(body, "unchanged from "+key) {
		t.Fatalf("publish an unchanged clone of the bank's own scenario: %d %s", st, body)
	}
	adapt(t, hr, second)
	if st, body := hr.Do("POST", "/api/v1/training/library/"+second+"/publish", nil); st != 200 {
		t.Fatalf("publish the adapted second clone: %d %s", st, body)
	}
}
