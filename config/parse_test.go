package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/size"
)

const name = ".github/mvc.yml"

// parseConfig parses src and resolves it without inputs.
func parseConfig(t *testing.T, src string) Config {
	t.Helper()
	f, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	cfg, err := Resolve(f, Inputs{})
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	return cfg
}

// goodConfigs are valid files and what each changes in Default(). The
// schema test checks the published schema accepts every one.
var goodConfigs = []struct {
	name string
	src  string
	want func(c *Config) // edits Default() into the expected Config
}{
	{"empty file", "", func(c *Config) {}},
	{"only comments", "# nothing yet\n", func(c *Config) {}},
	{"empty document", "---\n", func(c *Config) {}},
	{"empty sections", "budget:\nbuckets:\nweights:\nlabels:\n  colors:\nignore:\n", func(c *Config) {}},
	{"budget", "budget: {lines: 250, files: 12}", func(c *Config) { c.Size.Budget.Lines, c.Size.Budget.Files = 250, 12 }},
	{"budget in hex", "budget: {lines: 0x10}", func(c *Config) { c.Size.Budget.Lines = 16 }},
	{"one bucket", "buckets: {M: 50}", func(c *Config) { c.Size.Buckets.M = 50 }},
	{"all buckets", "buckets: {XS: 0, S: 5, M: 20, L: 80, XL: 300, XXL: 900}", func(c *Config) {
		c.Size.Buckets = size.Buckets{XS: 0, S: 5, M: 20, L: 80, XL: 300, XXL: 900}
	}},
	{"weights", "weights: {code: 2, test: .25, docs: 0, deletion: 1, generated: 0.1, lockfile: 0.01, vendored: 3, binary: 1, rename: 0.5}", func(c *Config) {
		w := &c.Size.Weights
		w.Code, w.Test, w.Docs, w.Deletion, w.Generated = 2, 0.25, 0, 1, 0.1
		w.Lockfile, w.Vendored, w.Binary, w.Rename = 0.01, 3, 1, 0.5
	}},
	{"ignore", "ignore:\n  - '*.snap'\n  - '!keep.snap'\n", func(c *Config) { c.Size.Ignore = []string{"*.snap", "!keep.snap"} }},
	{"ignore empty list", "ignore: []", func(c *Config) { c.Size.Ignore = []string{} }},
	{"labels", "labels: {prefix: 'sz:', exempt: big-ok}", func(c *Config) {
		c.Labels.Prefix, c.Labels.Exempt, c.Size.ExemptLabel = "sz:", "big-ok", "big-ok"
	}},
	{"colors with and without #", "labels:\n  colors:\n    XS: '#00FF00'\n    XXL: abcdef\n", func(c *Config) {
		c.Labels.Colors[size.XS], c.Labels.Colors[size.XXL] = "00ff00", "abcdef"
	}},
	{"comment always", "comment: always", func(c *Config) { c.Comment = CommentAlways }},
	{"comment never", "comment: never", func(c *Config) { c.Comment = CommentNever }},
	{"comment on-violation", "comment: on-violation", func(c *Config) { c.Comment = CommentOnViolation }},
	{"fail-on never", "fail-on: never", func(c *Config) { c.FailOn = FailNever }},
	{"fail-on too-large", "fail-on: too-large", func(c *Config) { c.FailOn = FailTooLarge }},
	{"anchors and aliases", "budget: {lines: &n 77, files: *n}", func(c *Config) { c.Size.Budget.Lines, c.Size.Budget.Files = 77, 77 }},
	{"an alias as a key", "buckets: {&xs XS: 0}\nlabels: {colors: {*xs : '000000'}}", func(c *Config) { c.Labels.Colors[size.XS] = "000000" }},
	{"issue thresholds", "issues: {max-tasks: 8, max-chain: 6}", func(c *Config) { c.Issues.MaxOpenTasks, c.Issues.MaxChain = 8, 6 }},
	// Merge keys as in YAML 1.1: keys written beside << win, then the
	// mappings of a merged list in order.
	{"merge key", "budget:\n  <<: {lines: 3, files: 4}\n", func(c *Config) { c.Size.Budget.Lines, c.Size.Budget.Files = 3, 4 }},
	{"written keys win over merged ones", "budget:\n  files: 2\n  <<: {lines: 3, files: 4}\n", func(c *Config) { c.Size.Budget.Lines, c.Size.Budget.Files = 3, 2 }},
	{"the first merged mapping wins", "budget:\n  <<: [{lines: 1}, {lines: 2, files: 5}]\n", func(c *Config) { c.Size.Budget.Lines, c.Size.Budget.Files = 1, 5 }},
	{"merged aliases that merge", "weights:\n  <<: [&half {docs: 0.5, test: 0.5}, {<<: *half, code: 2, test: 1}]\n", func(c *Config) {
		c.Size.Weights.Docs, c.Size.Weights.Test, c.Size.Weights.Code = 0.5, 0.5, 2
	}},
	{"merge into the top level, shallow", "<<: {comment: always, budget: {lines: 3}}\nbudget: {files: 2}\n", func(c *Config) {
		c.Comment, c.Size.Budget.Files = CommentAlways, 2
	}},
	{"an alias to a merged list", "budget:\n  <<: &both [{lines: 6}, {files: 7}]\nweights:\n  code: 1\n", func(c *Config) {
		c.Size.Budget.Lines, c.Size.Budget.Files, c.Size.Weights.Code = 6, 7, 1
	}},
}

func TestParseGoodValues(t *testing.T) {
	for _, tt := range goodConfigs {
		t.Run(tt.name, func(t *testing.T) {
			want := Default()
			want.Source = name
			tt.want(&want)
			if diff := cmp.Diff(want, parseConfig(t, tt.src)); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

// badValues are files with one bad value each, and the error it gives.
var badValues = []struct{ src, want string }{
	{"budget:\n  lines: many", `.github/mvc.yml:2: budget.lines: must be a positive whole number, got "many"`},
	{"budget: {lines: 0}", `.github/mvc.yml:1: budget.lines: must be a positive whole number, got 0`},
	{"budget: {lines: -5}", `.github/mvc.yml:1: budget.lines: must be a positive whole number, got -5`},
	{"budget: {lines: 2.5}", `.github/mvc.yml:1: budget.lines: must be a positive whole number, got 2.5`},
	{`budget: {lines: "400"}`, `.github/mvc.yml:1: budget.lines: must be a positive whole number, got "400" (remove the quotes)`},
	{"budget: {lines: 99999999999999999999}", `.github/mvc.yml:1: budget.lines: must be a positive whole number, got 99999999999999999999`},
	{"budget: {files: }", `.github/mvc.yml:1: budget.files: must be a positive whole number, got nothing`},
	{"budget: {files: [3]}", `.github/mvc.yml:1: budget.files: must be a positive whole number, got a list`},
	{"budget: 400", `.github/mvc.yml:1: budget: must be a mapping with the keys lines, files, got 400`},
	{"buckets: {S: -1}", `.github/mvc.yml:1: buckets.S: must be a whole number, 0 or more, got -1`},
	{"buckets: {XS: 5}", `.github/mvc.yml:1: buckets.XS: must be 0, got 5: XS is the bucket below S, so its lower bound is 0 (set S to move where XS ends)`},
	{"buckets: {XS: -1}", `.github/mvc.yml:1: buckets.XS: must be a whole number, 0 or more, got -1`},
	{"buckets: {M: 5}", `.github/mvc.yml:1: buckets.M: lower bounds must increase strictly from XS to XXL, got XS 0, S 10, M 5, L 100, XL 500, XXL 1000 (unset buckets keep their defaults)`},
	{"buckets:\n  XS: 0\n  S: 5\n  M: 20\n  L: 10\n", `.github/mvc.yml:5: buckets.L: lower bounds must increase strictly from XS to XXL, got XS 0, S 5, M 20, L 10, XL 500, XXL 1000 (unset buckets keep their defaults)`},
	{"buckets:\n  XS: 0\n  S: 200\n", `.github/mvc.yml:3: buckets.S: lower bounds must increase strictly from XS to XXL, got XS 0, S 200, M 30, L 100, XL 500, XXL 1000 (unset buckets keep their defaults)`},
	{"buckets: {XL: 100}", `.github/mvc.yml:1: buckets.XL: lower bounds must increase strictly from XS to XXL, got XS 0, S 10, M 30, L 100, XL 100, XXL 1000 (unset buckets keep their defaults)`},
	{"weights: {code: -1}", `.github/mvc.yml:1: weights.code: must be a number from 0 to 1000, got -1`},
	{"weights: {test: .inf}", `.github/mvc.yml:1: weights.test: must be a number from 0 to 1000, got .inf`},
	{"weights: {docs: .nan}", `.github/mvc.yml:1: weights.docs: must be a number from 0 to 1000, got .nan`},
	{"weights: {deletion: half}", `.github/mvc.yml:1: weights.deletion: must be a number from 0 to 1000, got "half"`},
	{"weights: {rename: '0.5'}", `.github/mvc.yml:1: weights.rename: must be a number from 0 to 1000, got "0.5" (remove the quotes)`},
	{"weights: {binary: true}", `.github/mvc.yml:1: weights.binary: must be a number from 0 to 1000, got true`},
	{"weights: {code: 1e17}", `.github/mvc.yml:1: weights.code: must be a number from 0 to 1000, got 1e17`},
	{"ignore: vendor/", `.github/mvc.yml:1: ignore: must be a list of patterns (one "- pattern" per line), got "vendor/"`},
	{"ignore:\n  - ok\n  - ''\n", `.github/mvc.yml:3: ignore[1]: must not be empty`},
	{"ignore:\n  - 42\n", `.github/mvc.yml:2: ignore[0]: must be a string, got 42`},
	{"ignore:\n  - 'a[b'\n", `.github/mvc.yml:2: ignore[0]: has a malformed glob "a[b" (an unclosed "[" or a trailing "\"), got "a[b"`},
	{"ignore:\n  - {a: b}\n", `.github/mvc.yml:2: ignore[0]: must be a string, got a mapping`},
	{"labels: {prefix: ''}", `.github/mvc.yml:1: labels.prefix: must not be empty`},
	{"labels: {prefix: ' size/'}", `.github/mvc.yml:1: labels.prefix: must not start or end with spaces, got " size/"`},
	{"labels: {prefix: " + strings.Repeat("p", 48) + "}", `.github/mvc.yml:1: labels.prefix: must be at most 47 characters (GitHub's label limit), got 48`},
	{"labels: {exempt: " + strings.Repeat("e", 51) + "}", `.github/mvc.yml:1: labels.exempt: must be at most 50 characters (GitHub's label limit), got 51`},
	{"labels: {exempt: \"a\\tb\"}", `.github/mvc.yml:1: labels.exempt: must not contain control characters or line breaks, got "a\tb"`},
	{"labels: {exempt: 7}", `.github/mvc.yml:1: labels.exempt: must be a string, got 7`},
	// An exempt label that is a size label would exempt every pull request
	// mvc labels that size; GitHub ignores case in label names.
	{"labels: {exempt: size/XL}", `.github/mvc.yml:1: labels.exempt: must differ from the size labels size/XS, size/S, size/M, size/L, size/XL, size/XXL (mvc would exempt every pull request it labels), got "size/XL"`},
	{"labels:\n  prefix: pr-\n  exempt: PR-xxl\n", `.github/mvc.yml:3: labels.exempt: must differ from the size labels pr-XS, pr-S, pr-M, pr-L, pr-XL, pr-XXL (mvc would exempt every pull request it labels), got "PR-xxl"`},
	{"labels:\n  exempt: big/S\n  prefix: big/\n", `.github/mvc.yml:2: labels.exempt: must differ from the size labels big/XS, big/S, big/M, big/L, big/XL, big/XXL (mvc would exempt every pull request it labels), got "big/S"`},
	{"labels:\n  colors:\n    XS: #009900\n", `.github/mvc.yml:3: labels.colors.XS: must be 6 hex digits such as "ee0000", got nothing (an unquoted # starts a YAML comment: write "#ee0000" in quotes)`},
	{"labels:\n  colors:\n    S: 770000\n", `.github/mvc.yml:3: labels.colors.S: must be 6 hex digits in quotes such as "ee0000", got 770000 (unquoted, YAML reads it as a number: write "770000")`},
	{"labels:\n  colors:\n    XS: 12345\n", `.github/mvc.yml:3: labels.colors.XS: must be 6 hex digits in quotes such as "ee0000", got 12345`},
	{"labels: {colors: {XS: 0x1234}}", `.github/mvc.yml:1: labels.colors.XS: must be 6 hex digits in quotes such as "ee0000", got 0x1234`},
	{"labels: {colors: {M: red}}", `.github/mvc.yml:1: labels.colors.M: must be 6 hex digits such as "ee0000" or "#ee0000", got "red"`},
	{"labels: {colors: {L: '#ee00'}}", `.github/mvc.yml:1: labels.colors.L: must be 6 hex digits such as "ee0000" or "#ee0000", got "#ee00"`},
	{"labels: {colors: {XL: [1]}}", `.github/mvc.yml:1: labels.colors.XL: must be 6 hex digits such as "ee0000", got a list`},
	{"comment: sometimes", `.github/mvc.yml:1: comment: must be one of always, on-violation, never; got "sometimes"`},
	{"comment: false", `.github/mvc.yml:1: comment: must be one of always, on-violation, never; got false`},
	{"fail-on: always", `.github/mvc.yml:1: fail-on: must be one of never, too-large; got "always"`},
	{"fail-on:", `.github/mvc.yml:1: fail-on: must be one of never, too-large; got nothing`},
	{"issues: {max-tasks: 0}", `.github/mvc.yml:1: issues.max-tasks: must be a positive whole number, got 0`},
	{"issues: {max-chain: long}", `.github/mvc.yml:1: issues.max-chain: must be a positive whole number, got "long"`},
	// A value reached through an alias is refused on the alias's line: the
	// anchor's own line holds a value that is fine where it is written.
	{"labels: {prefix: &p 'sz/'}\nbudget: {lines: *p}\n", `.github/mvc.yml:2: budget.lines: must be a positive whole number, got "sz/"; it comes from line 1 through *p`},
	{"budget:\n  <<: {lines: 3, files: x}\n", `.github/mvc.yml:2: budget.files: must be a positive whole number, got "x"`},
}

func TestParseBadValues(t *testing.T) {
	for _, tt := range badValues {
		t.Run(tt.src, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}

const topKeys = "(allowed: budget, buckets, weights, ignore, labels, comment, fail-on, issues)"

// unknownKeys are files with an unknown key at each level.
var unknownKeys = []struct{ src, want string }{
	{"budget: {}\n\n\n\n\n\nbudjet: {}", `.github/mvc.yml:7: unknown key "budjet" ` + topKeys + `; did you mean "budget"?`},
	{"split: {}", `.github/mvc.yml:1: unknown key "split" ` + topKeys},
	{"budget:\n  line: 3", `.github/mvc.yml:2: budget: unknown key "line" (allowed: lines, files); did you mean "lines"?`},
	{"buckets: {xs: 0}", `.github/mvc.yml:1: buckets: unknown key "xs" (allowed: XS, S, M, L, XL, XXL); did you mean "XS"?`},
	{"weights: {docs: 1, config: 1}", `.github/mvc.yml:1: weights: unknown key "config" (allowed: code, test, docs, deletion, generated, lockfile, vendored, binary, rename)`},
	{"labels: {colour: {}}", `.github/mvc.yml:1: labels: unknown key "colour" (allowed: prefix, exempt, colors); did you mean "colors"?`},
	{"issues: {max-task: 3}", `.github/mvc.yml:1: issues: unknown key "max-task" (allowed: max-tasks, max-chain); did you mean "max-tasks"?`},
	{"labels: {colors: {XXXL: 'ffffff'}}", `.github/mvc.yml:1: labels.colors: unknown key "XXXL" (allowed: XS, S, M, L, XL, XXL); did you mean "XXL"?`},
	{"base: &b {lines: 3}\nbudget:\n  <<: *b\n", `.github/mvc.yml:1: unknown key "base" ` + topKeys},
	// Merged keys are refused like written ones, on the line that merges
	// them when they come through an alias.
	{"budget: &b {lines: 3}\nissues:\n  <<: *b\n", `.github/mvc.yml:3: issues: unknown key "lines" (allowed: max-tasks, max-chain); it comes from line 1 through *b`},
	{"budget:\n  <<: {lines: 3}\nlabels:\n  colors:\n    <<:\n      - {XS: '000000'}\n      - {lines: 4}\n", `.github/mvc.yml:7: labels.colors: unknown key "lines" (allowed: XS, S, M, L, XL, XXL)`},
	{"budget: &b {lines: 3}\nlabels:\n  colors: *b\n", `.github/mvc.yml:3: labels.colors: unknown key "lines" (allowed: XS, S, M, L, XL, XXL); it comes from line 1 through *b`},
	{"'<<': {lines: 3}", `.github/mvc.yml:1: unknown key "<<" ` + topKeys},
}

func TestParseUnknownKeys(t *testing.T) {
	for _, tt := range unknownKeys {
		t.Run(tt.src, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}

func TestParseBadDocuments(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"list at top", "- budget", `.github/mvc.yml:1: must be a mapping with the keys budget, buckets, weights, ignore, labels, comment, fail-on, issues, got a list`},
		{"scalar at top", "hello", `.github/mvc.yml:1: must be a mapping with the keys budget, buckets, weights, ignore, labels, comment, fail-on, issues, got "hello"`},
		{"duplicate key", "comment: always\nfail-on: never\ncomment: never\n", `.github/mvc.yml:3: duplicate key "comment" (first at line 1)`},
		{"duplicate nested key", "budget:\n  lines: 1\n  lines: 2\n", `.github/mvc.yml:3: budget: duplicate key "lines" (first at line 2)`},
		{"two documents", "comment: always\n---\nfail-on: never\n", `.github/mvc.yml:2: holds more than one YAML document; keep one (remove the second "---")`},
		{"bad indentation", "budget:\n  lines: 1\n   files: 2\n", `.github/mvc.yml:3: not valid YAML: mapping values are not allowed in this context; check this key's indentation against the keys above it, and quote a value that holds ": "`},
		{"unclosed flow", "budget: {lines: 1\n", `.github/mvc.yml:1: not valid YAML: did not find expected ',' or '}'; separate entries with "," and close the "{" with "}"`},
		{"tab indentation", "budget:\n\tlines: 1\n", `.github/mvc.yml:2: a tab indents this line; YAML indents with spaces`},
		{"unquoted glob", "ignore:\n  - \"a\"\n  - *.json\n",
			`.github/mvc.yml:3: not valid YAML: did not find expected alphabetic or numeric character; a value starting with * is a YAML alias: quote the pattern, - "*.json"`},
		{"unquoted glob as an alias", "ignore:\n  - *json\n",
			`.github/mvc.yml:2: not valid YAML: unknown anchor 'json' referenced; a value starting with * is a YAML alias: quote the pattern, - "*.json"`},
		{"too large", strings.Repeat("#", maxFileSize+1), `.github/mvc.yml: is larger than 1048576 bytes, too large for a config file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}

// TestParseTaggedValues: a tag changes what YAML reads, and a block scalar
// holds line breaks; the error says so, on one line.
func TestParseTaggedValues(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"string tag on a number", "budget:\n  lines: !!str 400\n", `.github/mvc.yml:2: budget.lines: must be a positive whole number, got "400" tagged !!str (remove the tag)`},
		{"unknown tag on a number", "weights:\n  code: !weight 2\n", `.github/mvc.yml:2: weights.code: must be a number from 0 to 1000, got 2 tagged !weight (remove the tag)`},
		{"int tag on a block scalar", "budget:\n  lines: !!int |\n    1\n    2\n", `.github/mvc.yml:2: budget.lines: must be a positive whole number, got "1\n2\n" tagged !!int (remove the tag)`},
		{"int tag on a color", "labels:\n  colors:\n    XS: !!int |\n      7\n      7\n", `.github/mvc.yml:3: labels.colors.XS: must be 6 hex digits in quotes such as "ee0000", got "7\n7\n" tagged !!int`},
		{"int tag on a valid color", "labels:\n  colors:\n    XS: !!int 770000\n", `.github/mvc.yml:3: labels.colors.XS: must be 6 hex digits in quotes such as "ee0000", got 770000 tagged !!int (remove the tag and write "770000" in quotes)`},
		{"tag with a line break", "!%0A", `.github/mvc.yml:1: must be a mapping with the keys budget, buckets, weights, ignore, labels, comment, fail-on, issues, got "" tagged "!\n"`},
		{"binary tag on an enum", "comment: !!binary |\n  YQpi\n", `.github/mvc.yml:1: comment: must be one of always, on-violation, never; got "YQpi\n" tagged !!binary`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}

func assertParseError(t *testing.T, src, want string) {
	t.Helper()
	f, err := Parse(name, []byte(src))
	if err == nil {
		t.Fatalf("Parse(%q) = %+v, want error %q", src, f, want)
	}
	if got := err.Error(); got != want {
		t.Errorf("Parse(%q) error:\n got %s\nwant %s", src, got, want)
	}
	var cerr *Error
	if !errors.As(err, &cerr) || cerr.File != name {
		t.Errorf("Parse(%q) error %T does not name the file as an *Error", src, err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("Parse(%q) error spans several lines", src)
	}
}
