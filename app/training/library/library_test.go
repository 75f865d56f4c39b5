package library_test

import (
	"bytes"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios/library"
)

func uploadYAML(c *testkit.Client, body []byte) (int, string) {
	req := httptest.NewRequest("POST", "/api/v1/training/library?locale=en", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/yaml")
	return c.SendRaw(req)
}

type entry struct {
	Key              string
	Source           string
	Status           string
	PublishedVersion int `json:"published_version"`
	DraftVersion     int `json:"draft_version"`
	Origin           string
}

func catalogueHas(t *testing.T, c *testkit.Client, key string) bool {
	t.Helper()
	return strings.Contains(mustGet(t, c, "/api/v1/training/scenarios"), `"id":"`+key+`"`)
}

// HR clones a built-in scenario, edits and publishes it, publishes a second
// version, retires it; attempts keep the version they were taken on, and
// the catalogue follows each step.
func TestLibraryLifecycle(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	emp := env.Login("demo", "emp.south.1")
	const src, key = "green-loan-enquiry", "green-loan-enquiry-north"

	st, body := hr.Do("POST", "/api/v1/training/library/"+src+"/clone", map[string]string{"new_key": key})
	if st != 200 {
		t.Fatalf("clone: %d %s", st, body)
	}
	if e := testkit.JSON[entry](t, body); e.Status != "draft" || e.DraftVersion != 1 || e.Origin != src || e.Source != "tenant" {
		t.Fatalf("clone entry: %+v", e)
	}
	if catalogueHas(t, emp, key) {
		t.Fatal("a draft is in the employees' catalogue")
	}
	if st, _ := emp.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": key}); st != 422 {
		t.Fatalf("employee starts a draft: %d, want 422", st)
	}
	adapt(t, hr, key)
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/publish", nil); st != 200 || !strings.Contains(body, `"status":"published"`) {
		t.Fatalf("publish: %d %s", st, body)
	}
	if !catalogueHas(t, emp, key) {
		t.Fatal("published scenario missing from the catalogue")
	}
	a1 := start(t, emp, key)

	// Version 2: download, edit the title, upload, publish.
	v1 := mustGet(t, hr, "/api/v1/training/library/"+key+"/source")
	if !strings.Contains(v1, "id: "+key) || !strings.Contains(v1, "version: 1") {
		t.Fatalf("downloaded source lacks the new id or version:\n%.300s", v1)
	}
	if st, body := uploadYAML(hr, []byte(v1)); st != 422 || !strings.Contains(body, "version_not_newer") {
		t.Fatalf("re-upload of a published version: %d %s", st, body)
	}
	v2 := strings.Replace(strings.Replace(v1, "version: 1", "version: 2", 1), "zh-CN: ", "zh-CN: 【北分】", 1)
	if st, body := uploadYAML(hr, []byte(v2)); st != 200 || !strings.Contains(body, `"draft_version":2`) {
		t.Fatalf("upload v2: %d %s", st, body)
	}
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/publish", nil); st != 200 || !strings.Contains(body, `"published_version":2`) {
		t.Fatalf("publish v2: %d %s", st, body)
	}
	if st, _ := hr.Do("POST", "/api/v1/training/library/"+key+"/publish", nil); st != 409 {
		t.Fatalf("publish with no draft: %d, want 409", st)
	}
	if vs := mustGet(t, hr, "/api/v1/training/library/"+key+"/versions"); !strings.Contains(vs, `{"version":2,"published_by":`) ||
		!strings.Contains(vs, `"published_by_name":"人力资源部 周敏"`) {
		t.Fatalf("versions: %s", vs)
	}
	if got := mustGet(t, hr, "/api/v1/training/library/"+key+"/source?version=1"); got != v1 {
		t.Fatal("published version 1 changed after version 2 was published")
	}
	a2 := start(t, emp, key)
	if a1.ID == a2.ID || !strings.Contains(mustGet(t, emp, "/api/v1/training/attempts/"+itoa(a2.ID)), `"version":2`) {
		t.Fatal("a new attempt does not start on version 2")
	}
	if !strings.Contains(mustGet(t, emp, "/api/v1/training/attempts/"+itoa(a1.ID)), `"version":1`) {
		t.Fatal("the first attempt no longer reads as version 1")
	}

	// Retire: out of the catalogue, no new attempts, the old one still plays.
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/retire", nil); st != 200 || !strings.Contains(body, `"status":"retired"`) {
		t.Fatalf("retire: %d %s", st, body)
	}
	if catalogueHas(t, emp, key) {
		t.Fatal("retired scenario still in the catalogue")
	}
	if st, _ := emp.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": key}); st != 422 {
		t.Fatalf("start a retired scenario: %d, want 422", st)
	}
	s, _ := library.ByID(src)
	if st, _, raw := act(t, emp, a1.ID, "choose", map[string]any{"choice_id": s.Turn(s.Start).Choices[0].ID}); st != 200 {
		t.Fatalf("reply on an attempt of a retired scenario: %d %s", st, raw)
	}

	// The audit log has each step.
	audit := mustGet(t, env.Login("demo", "admin"), "/api/v1/audit?page_size=100")
	for _, action := range []string{"training.scenario.save_draft", "training.scenario.publish", "training.scenario.retire"} {
		if !strings.Contains(audit, action) {
			t.Errorf("audit log lacks %s", action)
		}
	}
}

func TestSchemaIsPublished(t *testing.T) {
	env := testkit.New(t)
	body := mustGet(t, env.Login("demo", "emp.south.1"), "/api/v1/training/scenario-schema")
	if !strings.Contains(body, `"$schema"`) || !strings.Contains(body, `"persona"`) {
		t.Fatalf("schema: %.300s", body)
	}
}

func TestLibraryRefusesBadUploadsAndStoresNothing(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	_, good, _ := library.Source("green-loan-enquiry")
	before := mustGet(t, hr, "/api/v1/training/library")
	cases := map[string][]byte{
		"built-in id":  good,
		"invalid file": []byte(strings.Replace(strings.Replace(string(good), "id: green-loan-enquiry", "id: my-loan", 1), "next: ", "next: nowhere-", 1)),
		"malformed":    []byte("id: [unclosed"),
	}
	for name, body := range cases {
		st, raw := uploadYAML(hr, body)
		if st != 422 || !strings.Contains(raw, `"problems"`) {
			t.Errorf("%s: %d %s", name, st, raw)
		}
	}
	if st, raw := uploadYAML(hr, bytes.Repeat([]byte("#"), 2<<20)); st != 413 {
		t.Errorf("2 MiB: %d %s", st, raw)
	}
	if st, raw := hr.Do("POST", "/api/v1/training/library/green-loan-enquiry/clone", map[string]string{"new_key": "salary-to-fixed-deposit"}); st != 422 || !strings.Contains(raw, "body.new_key") {
		t.Errorf("clone onto a built-in id: %d %s", st, raw)
	}
	if st, raw := hr.Do("POST", "/api/v1/training/library/no-such/clone", map[string]string{"new_key": "abc-def"}); st != 404 {
		t.Errorf("clone of a missing scenario: %d %s", st, raw)
	}
	if after := mustGet(t, hr, "/api/v1/training/library"); after != before {
		t.Fatal("a refused upload changed the library")
	}
	if st, _ := uploadYAML(env.Login("demo", "mgr.north"), good); st != 403 {
		t.Fatalf("manager uploads: %d, want 403", st)
	}
}

func TestHideBuiltinAndIsolation(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	emp := env.Login("demo", "emp.south.1")
	other := env.Login("demo2", "emp.1")
	const key = "green-loan-enquiry"
	a := start(t, emp, key)
	for i := 0; i < 2; i++ { // the second time changes nothing
		if st, body := hr.Do("PUT", "/api/v1/training/library/"+key+"/hidden", map[string]bool{"hidden": true}); st != 200 || !strings.Contains(body, `"status":"hidden"`) {
			t.Fatalf("hide: %d %s", st, body)
		}
	}
	if catalogueHas(t, emp, key) {
		t.Fatal("hidden built-in still in the tenant's catalogue")
	}
	if !catalogueHas(t, other, key) {
		t.Fatal("hiding in one tenant hid the scenario in another")
	}
	if st, _ := emp.Do("GET", "/api/v1/training/attempts/"+itoa(a.ID), nil); st != 200 {
		t.Fatal("an attempt of a hidden scenario is no longer readable")
	}
	if st, _ := hr.Do("PUT", "/api/v1/training/library/"+key+"/hidden", map[string]bool{"hidden": false}); st != 200 || !catalogueHas(t, emp, key) {
		t.Fatal("showing the scenario again did not bring it back")
	}

	// A tenant's own scenario is invisible to another tenant, even by key.
	if st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/clone", map[string]string{"new_key": "demo-only"}); st != 200 {
		t.Fatalf("clone: %d %s", st, body)
	}
	hr.Do("POST", "/api/v1/training/library/demo-only/publish", nil)
	admin2 := env.Login("demo2", "admin")
	if st, _ := other.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": "demo-only"}); st != 422 {
		t.Fatalf("other tenant starts demo's scenario: %d, want 422", st)
	}
	if catalogueHas(t, other, "demo-only") {
		t.Fatal("other tenant's catalogue shows demo's scenario")
	}
	if st, _ := admin2.Do("GET", "/api/v1/training/library/demo-only/source", nil); st != 403 {
		t.Fatalf("demo2 admin (no training.manage) downloads: %d, want 403", st)
	}
}

func TestPreviewPlaysWithoutRecording(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	const key = "green-loan-enquiry"
	s, _ := library.ByID(key)
	before := mustGet(t, hr, "/api/v1/training/reviews?page_size=200")
	first := s.Turn(s.Start).Choices[0].ID
	st, body := hr.Do("POST", "/api/v1/training/library/"+key+"/preview", map[string]any{"moves": []map[string]string{{"kind": "choose", "choice_id": first}}})
	if st != 200 || !strings.Contains(body, `"transcript":[{`) || !strings.Contains(body, `"scenario":{"id":"`+key+`"`) || !strings.Contains(body, `"persona":{`) {
		t.Fatalf("preview: %d %s", st, body)
	}
	st, body = hr.Do("POST", "/api/v1/training/library/"+key+"/preview", map[string]any{"moves": []map[string]string{{"kind": "choose", "choice_id": first}, {"kind": "choose", "choice_id": "no-such-choice"}}})
	if st != 422 || !strings.Contains(body, "body.moves[1]") {
		t.Fatalf("preview with a bad move: %d %s", st, body)
	}
	if after := mustGet(t, hr, "/api/v1/training/reviews?page_size=200"); after != before {
		t.Fatal("a preview was recorded as an attempt")
	}
	if st, _ := env.Login("demo", "emp.south.1").Do("POST", "/api/v1/training/library/"+key+"/preview", map[string]any{"moves": []any{}}); st != 403 {
		t.Fatalf("employee previews: %d, want 403", st)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// An attempt on a built-in scenario stays readable after an upgrade revises
// the scenario: the text it began on was kept. The upgrade is simulated by
// pointing an attempt at a version the binary does not ship, whose text is
// in the kept table.
func TestBuiltinVersionsOutliveAnUpgrade(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.south.1")
	const key = "lost-card-report"
	a := start(t, emp, key)
	db := env.App.DB.W
	var kept int64
	if err := db.Table("training_builtin_versions").Where("scenario_key = ?", key).Count(&kept).Error; err != nil || kept != 1 {
		t.Fatalf("kept versions of %s: %d %v", key, kept, err)
	}
	s, _ := library.ByID(key)
	_, src, _ := library.Source(key)
	old := s.Version + 100
	text := strings.Replace(string(src), "version: "+strconv.Itoa(s.Version), "version: "+strconv.Itoa(old), 1)
	text = strings.Replace(text, "zh-CN: ", "zh-CN: 【旧版】", 1)
	if err := db.Exec("INSERT INTO training_builtin_versions (scenario_key, version, yaml, first_used_at) VALUES (?, ?, ?, ?)", key, old, text, env.Clock.Now()).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("UPDATE training_attempts SET scenario_version = ? WHERE id = ?", old, a.ID).Error; err != nil {
		t.Fatal(err)
	}
	body := mustGet(t, emp, "/api/v1/training/attempts/"+itoa(a.ID))
	if !strings.Contains(body, `"version":`+strconv.Itoa(old)) {
		t.Fatalf("attempt on a version the binary no longer ships: %s", body)
	}
	if list := mustGet(t, emp, "/api/v1/training/attempts"); !strings.Contains(list, "【旧版】") {
		t.Fatalf("the attempt list does not show the kept version's title: %.400s", list)
	}
}
