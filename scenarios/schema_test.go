package scenarios_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/servicestar/servicestar/scenarios"
)

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(scenarios.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// checkSchema validates a YAML scenario file against the published JSON Schema.
func checkSchema(t testing.TB, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func TestSchemaAcceptsTestdata(t *testing.T) {
	sch := compileSchema(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if len(files) < 2 {
		t.Fatalf("test scenarios missing: %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkSchema(t, sch, data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// The schema and the parser must agree on what is malformed.
func TestSchemaAndParserRejectTheSameMistakes(t *testing.T) {
	sch := compileSchema(t)
	base, err := os.ReadFile(filepath.Join("testdata", "lost-card.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, old, new string }{
		{"unknown field", "difficulty: 1", "difficulty: 1\ncolour: red"},
		{"missing translation", "title: {zh-CN: 挂失银行卡, en: Reporting a lost card}", "title: {zh-CN: 挂失银行卡}"},
		{"unknown language", "title: {zh-CN: 挂失银行卡, en: Reporting a lost card}", "title: {zh-CN: 挂失银行卡, en: Lost card, fr: Carte}"},
		{"bad category", "category: cards", "category: savings"},
		{"bad risk", "risk_tolerance: R3", "risk_tolerance: R7"},
		{"effect out of range", "effects: {empathy: 20, resolution: 10}", "effects: {empathy: 40, resolution: 10}"},
		{"unknown dimension", "effects: {empathy: 20, resolution: 10}", "effects: {charm: 20, resolution: 10}"},
		{"mood delta out of range", "mood: 30", "mood: 60"},
		{"missing required field", "estimated_minutes: 5\n", ""},
		{"wrong type", "age: 45", "age: forty-five"},
		{"bad id", "id: test-lost-card", "id: Test_Lost_Card"},
		{"pass mark out of range", "pass_mark: 70", "pass_mark: 170"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(base, []byte(tt.old)) {
				t.Fatalf("fixture lacks %q", tt.old)
			}
			doc := bytes.Replace(base, []byte(tt.old), []byte(tt.new), 1)
			if err := checkSchema(t, sch, doc); err == nil {
				t.Error("schema accepted it")
			}
			if _, probs := scenarios.Load("x.yaml", doc); len(probs) == 0 {
				t.Error("Load accepted it")
			}
		})
	}
}

func TestSchemaIsACopy(t *testing.T) {
	a := scenarios.Schema()
	a[0] = 'x'
	if !strings.HasPrefix(string(scenarios.Schema()), "{") {
		t.Fatal("Schema returned shared bytes")
	}
}
