package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// The published schema lets editors complete and check .github/mvc.yml.
// These tests keep it and the parser saying the same thing.

var schemaPath = filepath.Join("..", "schema", "mvc.schema.json")

// loadSchema compiles the schema (the compiler checks it against the
// draft 2020-12 metaschema) and returns it with its raw JSON.
func loadSchema(t *testing.T) (*jsonschema.Schema, map[string]any) {
	t.Helper()
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("mvc.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("mvc.schema.json")
	if err != nil {
		t.Fatalf("%s is not a valid JSON schema: %v", schemaPath, err)
	}
	if got := doc.(map[string]any)["$schema"]; got != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", got)
	}
	return sch, doc.(map[string]any)
}

// schemaNode is one object schema with properties, at a dotted path.
type schemaNode struct {
	path   string
	schema map[string]any
}

// walkSchema lists every property path of the schema, depth first.
func walkSchema(t *testing.T, path string, obj map[string]any, visit func(schemaNode)) {
	props, _ := obj["properties"].(map[string]any)
	for name, p := range props {
		child := schemaNode{path: joinPath(path, name), schema: p.(map[string]any)}
		visit(child)
		walkSchema(t, child.path, child.schema, visit)
	}
}

// walkKeys lists every key path the parser accepts, depth first.
func walkKeys(path string, keys []key, visit func(path string, k key)) {
	for _, k := range keys {
		visit(joinPath(path, k.name), k)
		walkKeys(joinPath(path, k.name), k.keys, visit)
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func TestSchemaHasExactlyTheParsersKeys(t *testing.T) {
	_, doc := loadSchema(t)
	var inSchema, inParser []string
	walkSchema(t, "", doc, func(n schemaNode) { inSchema = append(inSchema, n.path) })
	walkKeys("", fileKeys, func(path string, _ key) { inParser = append(inParser, path) })
	slices.Sort(inSchema)
	slices.Sort(inParser)
	if diff := cmp.Diff(inParser, inSchema); diff != "" {
		t.Errorf("key paths (-parser +schema):\n%s", diff)
	}
}

func TestSchemaDescribesEveryKey(t *testing.T) {
	_, doc := loadSchema(t)
	checkStrict(t, "(root)", doc)
	walkSchema(t, "", doc, func(n schemaNode) {
		if d, _ := n.schema["description"].(string); d == "" {
			t.Errorf("%s has no description", n.path)
		}
		if _, isSection := n.schema["properties"]; isSection {
			checkStrict(t, n.path, n.schema)
		} else if _, ok := n.schema["default"]; !ok {
			t.Errorf("%s has no default", n.path)
		}
	})
}

// checkStrict requires a section to refuse unknown keys, as the parser does.
func checkStrict(t *testing.T, path string, section map[string]any) {
	if section["additionalProperties"] != false {
		t.Errorf("%s: additionalProperties must be false: the parser refuses unknown keys", path)
	}
}

func TestSchemaEnumsAreTheParsers(t *testing.T) {
	_, doc := loadSchema(t)
	want := map[string][]string{
		"comment": stringsOf(commentValues),
		"fail-on": stringsOf(failOnValues),
	}
	walkSchema(t, "", doc, func(n schemaNode) {
		enum, ok := n.schema["enum"].([]any)
		if !ok {
			return
		}
		var got []string
		for _, v := range enum {
			got = append(got, v.(string))
		}
		if diff := cmp.Diff(want[n.path], got); diff != "" {
			t.Errorf("%s enum (-parser +schema):\n%s", n.path, diff)
		}
		delete(want, n.path)
	})
	for path := range want {
		t.Errorf("%s has no enum in the schema", path)
	}
}

func stringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// TestSchemaDefaultsAreTheBuiltInDefaults writes a config file holding
// every default the schema states and checks it resolves to Default().
func TestSchemaDefaultsAreTheBuiltInDefaults(t *testing.T) {
	sch, doc := loadSchema(t)
	defaults := map[string]any{}
	walkSchema(t, "", doc, func(n schemaNode) {
		if d, ok := n.schema["default"]; ok {
			setPath(defaults, n.path, d)
		}
	})
	// JSON is YAML, and keeps the schema's json.Number defaults numbers.
	src, err := json.Marshal(defaults)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(toJSON(t, string(src))); err != nil {
		t.Errorf("the schema's own defaults do not validate: %v", err)
	}
	got := parseConfig(t, string(src))
	want := Default()
	want.Source = name
	want.Size.Ignore = []string{} // the schema's default is an empty list
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schema defaults (-built-in +schema):\n%s\nfile:\n%s", diff, src)
	}
}

func setPath(m map[string]any, path string, v any) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		m[head] = v
		return
	}
	sub, ok := m[head].(map[string]any)
	if !ok {
		sub = map[string]any{}
		m[head] = sub
	}
	setPath(sub, rest, v)
}

func TestSchemaAcceptsWhatTheParserAccepts(t *testing.T) {
	sch, _ := loadSchema(t)
	example, err := os.ReadFile(filepath.Join("testdata", "mvc.yml"))
	if err != nil {
		t.Fatal(err)
	}
	samples := map[string]string{"testdata/mvc.yml": string(example)}
	for _, c := range goodConfigs {
		samples[c.name] = c.src
	}
	for name, src := range samples {
		if _, err := Parse(name, []byte(src)); err != nil {
			t.Fatalf("sample %s no longer parses: %v", name, err)
		}
		if err := sch.Validate(toJSON(t, src)); err != nil {
			t.Errorf("the parser accepts %s but the schema refuses it: %v", name, err)
		}
	}
}

// schemaCannotSay are the parser's rules that JSON Schema cannot state (or
// that do not survive YAML to JSON); files breaking only these pass the
// schema and are still refused by the parser.
var schemaCannotSay = []string{
	"lower bounds must increase",       // an order across keys
	"must differ from the size labels", // labels.exempt against labels.prefix, ignoring case
	"malformed glob",                   // glob syntax
	"control characters",               // a tab inside a label
	"got .inf", "got .nan",             // JSON has no infinity or NaN
	"got 99999999999999999999", // integer-valued as a JSON number
}

func TestSchemaRefusesWhatTheParserRefuses(t *testing.T) {
	sch, _ := loadSchema(t)
	for _, tt := range append(slices.Clone(badValues), unknownKeys...) {
		if slices.ContainsFunc(schemaCannotSay, func(s string) bool { return strings.Contains(tt.want, s) }) {
			continue
		}
		if err := sch.Validate(toJSON(t, tt.src)); err == nil {
			t.Errorf("the parser refuses %q (%s) but the schema accepts it", tt.src, tt.want)
		}
	}
}

// toJSON turns a YAML config into the JSON value an editor validates.
func toJSON(t *testing.T, src string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatalf("YAML %q: %v", src, err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("YAML %q as JSON: %v", src, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}
