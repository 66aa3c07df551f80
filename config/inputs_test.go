package config

import (
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/size"
)

const fileSettings = `
budget: {lines: 300, files: 30}
ignore: ["*.snap"]
labels: {prefix: "sz/", exempt: "big-ok"}
comment: always
fail-on: never
`

func TestResolvePrecedence(t *testing.T) {
	file, err := Parse(name, []byte(fileSettings))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file *File
		in   Inputs
		want func(c *Config)
	}{
		{"no file, no inputs: defaults", nil, Inputs{}, func(c *Config) {}},
		{"file beats defaults", file, Inputs{}, fromFile},
		{"blank inputs are not set", file, Inputs{MaxLines: "  ", Comment: "\n", Ignore: "\n \n"}, fromFile},
		{"inputs beat the file", file, Inputs{
			MaxLines: "50", MaxFiles: " 5 ", FailOn: "too-large", Comment: "never",
			LabelPrefix: "pr-size/", ExemptLabel: "skip-size",
		}, func(c *Config) {
			fromFile(c)
			c.Size.Budget = sizeBudget(50, 5)
			c.FailOn, c.Comment = FailTooLarge, CommentNever
			c.Labels.Prefix, c.Labels.Exempt, c.Size.ExemptLabel = "pr-size/", "skip-size", "skip-size"
		}},
		{"inputs beat defaults", nil, Inputs{MaxFiles: "7", FailOn: "never"}, func(c *Config) {
			c.Size.Budget.Files, c.FailOn = 7, FailNever
		}},
		{"ignore input appends to the file's list", file, Inputs{Ignore: "gen/**\n\n# a comment\n  !gen/keep.go  \r\n"}, func(c *Config) {
			fromFile(c)
			c.Size.Ignore = []string{"*.snap", "gen/**", "!gen/keep.go"}
		}},
		{"ignore input without a file", nil, Inputs{Ignore: "a\nb"}, func(c *Config) { c.Size.Ignore = []string{"a", "b"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := Default()
			tt.want(&want)
			got, err := Resolve(tt.file, tt.in)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

// fromFile is what fileSettings changes in Default().
func fromFile(c *Config) {
	c.Size.Budget = sizeBudget(300, 30)
	c.Size.Ignore = []string{"*.snap"}
	c.Labels.Prefix, c.Labels.Exempt, c.Size.ExemptLabel = "sz/", "big-ok", "big-ok"
	c.Comment, c.FailOn = CommentAlways, FailNever
	c.Source = name
}

func TestResolveLeavesTheFileAlone(t *testing.T) {
	file, err := Parse(name, []byte(fileSettings))
	if err != nil {
		t.Fatal(err)
	}
	first, err := Resolve(file, Inputs{Ignore: "one"})
	if err != nil {
		t.Fatal(err)
	}
	first.Labels.Colors[size.XS] = "000000"
	second, err := Resolve(file, Inputs{Ignore: "two"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"*.snap", "two"}, second.Size.Ignore); diff != "" {
		t.Errorf("second run's ignore list carries the first run's input (-want +got):\n%s", diff)
	}
	if second.Labels.Colors[size.XS] != "009900" {
		t.Errorf("changing one Config's colors changed the next: XS = %q", second.Labels.Colors[size.XS])
	}
}

func TestResolveSource(t *testing.T) {
	file, err := Parse(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	file.Source = name + " at base 1a2b3c4"
	for _, tt := range []struct {
		file *File
		want string
	}{{nil, "built-in defaults"}, {file, ".github/mvc.yml at base 1a2b3c4"}} {
		got, err := Resolve(tt.file, Inputs{})
		if err != nil || got.Source != tt.want {
			t.Errorf("Resolve(%v).Source = %q, %v; want %q", tt.file, got.Source, err, tt.want)
		}
	}
}

func TestResolveBadInputs(t *testing.T) {
	tests := []struct {
		in   Inputs
		want string
	}{
		{Inputs{MaxLines: "abc"}, `input max-lines: must be a positive whole number, got "abc"`},
		{Inputs{MaxLines: "0"}, `input max-lines: must be a positive whole number, got "0"`},
		{Inputs{MaxLines: "4.5"}, `input max-lines: must be a positive whole number, got "4.5"`},
		{Inputs{MaxFiles: "-3"}, `input max-files: must be a positive whole number, got "-3"`},
		{Inputs{FailOn: "sometimes"}, `input fail-on: must be one of never, too-large; got "sometimes"`},
		{Inputs{FailOn: "Never"}, `input fail-on: must be one of never, too-large; got "Never"`},
		{Inputs{Comment: "yes"}, `input comment: must be one of always, on-violation, never; got "yes"`},
		{Inputs{LabelPrefix: "a\tb"}, `input label-prefix: must not contain control characters or line breaks, got "a\tb"`},
		{Inputs{LabelPrefix: "this-prefix-is-far-too-long-for-any-github-label/"}, `input label-prefix: must be at most 47 characters (GitHub's label limit), got 49`},
		{Inputs{ExemptLabel: "one\ntwo"}, `input exempt-label: must not contain control characters or line breaks, got "one\ntwo"`},
		{Inputs{ExemptLabel: "size/XL"}, `input exempt-label: must differ from the size labels size/XS, size/S, size/M, size/L, size/XL, size/XXL (mvc would exempt every pull request it labels), got "size/XL"`},
		{Inputs{ExemptLabel: "Size/xs"}, `input exempt-label: must differ from the size labels size/XS, size/S, size/M, size/L, size/XL, size/XXL (mvc would exempt every pull request it labels), got "Size/xs"`},
		{Inputs{LabelPrefix: "pr-", ExemptLabel: "pr-M"}, `input exempt-label: must differ from the size labels pr-XS, pr-S, pr-M, pr-L, pr-XL, pr-XXL (mvc would exempt every pull request it labels), got "pr-M"`},
		{Inputs{ExemptLabel: "size/XXL", Flags: true}, `flag --exempt-label: must differ from the size labels size/XS, size/S, size/M, size/L, size/XL, size/XXL (mvc would exempt every pull request it labels), got "size/XXL"`},
		{Inputs{Ignore: "ok/\n[bad"}, `input ignore: has a malformed glob "[bad" (an unclosed "[" or a trailing "\"), got "[bad"`},
		{Inputs{MaxLines: "x", Flags: true}, `flag --max-lines: must be a positive whole number, got "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Resolve(nil, tt.in)
			if err == nil {
				t.Fatalf("Resolve(%+v) succeeded, want %q", tt.in, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Resolve(%+v) error:\n got %s\nwant %s", tt.in, err, tt.want)
			}
		})
	}
}

func TestInputsFromEnv(t *testing.T) {
	env := map[string]string{
		"INPUT_MAX-LINES": "100", "INPUT_MAX-FILES": "10", "INPUT_FAIL-ON": "never",
		"INPUT_COMMENT": "always", "INPUT_LABEL-PREFIX": "s/", "INPUT_EXEMPT-LABEL": "ok",
		"INPUT_IGNORE": "a\nb\n", "INPUT_MAX_LINES": "999", // underscores are not the runner's spelling
	}
	got := InputsFromEnv(func(k string) string { return env[k] })
	want := Inputs{MaxLines: "100", MaxFiles: "10", FailOn: "never", Comment: "always",
		LabelPrefix: "s/", ExemptLabel: "ok", Ignore: "a\nb\n"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
}

func TestAddFlags(t *testing.T) {
	var in Inputs
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	in.AddFlags(fs)
	err := fs.Parse([]string{"--max-lines", "120", "--max-files=9", "--fail-on", "never", "--comment", "never",
		"--label-prefix", "s/", "--exempt-label", "ok", "--ignore", "gen/", "--ignore", "!gen/keep"})
	if err != nil {
		t.Fatal(err)
	}
	want := Inputs{MaxLines: "120", MaxFiles: "9", FailOn: "never", Comment: "never",
		LabelPrefix: "s/", ExemptLabel: "ok", Ignore: "gen/\n!gen/keep", Flags: true}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	cfg, err := Resolve(nil, in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"gen/", "!gen/keep"}, cfg.Size.Ignore); diff != "" {
		t.Errorf("ignore (-want +got):\n%s", diff)
	}
}

func sizeBudget(lines, files int) size.Budget { return size.Budget{Lines: lines, Files: files} }

// An exempt label must never be one of the size labels, whichever layer
// set each half: the error names the input that made the clash.
func TestResolveExemptLabelAgainstSizeLabels(t *testing.T) {
	file, err := Parse(name, []byte("labels: {exempt: big/XL}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   Inputs
		want string
	}{
		{Inputs{LabelPrefix: "BIG/"}, `input label-prefix: must not make a size label equal to the exempt label "big/XL"; the size labels would be BIG/XS, BIG/S, BIG/M, BIG/L, BIG/XL, BIG/XXL`},
		{Inputs{LabelPrefix: "big/", ExemptLabel: "big/L"}, `input exempt-label: must differ from the size labels big/XS, big/S, big/M, big/L, big/XL, big/XXL (mvc would exempt every pull request it labels), got "big/L"`},
		{Inputs{ExemptLabel: "size/M"}, `input exempt-label: must differ from the size labels size/XS, size/S, size/M, size/L, size/XL, size/XXL (mvc would exempt every pull request it labels), got "size/M"`},
		{Inputs{LabelPrefix: "big/", Flags: true}, `flag --label-prefix: must not make a size label equal to the exempt label "big/XL"; the size labels would be big/XS, big/S, big/M, big/L, big/XL, big/XXL`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Resolve(file, tt.in)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Resolve(%+v) error:\n got %v\nwant %s", tt.in, err, tt.want)
			}
		})
	}
	// Labels that merely look alike are fine.
	for _, in := range []Inputs{{ExemptLabel: "size/XL-ok"}, {LabelPrefix: "big-"}, {ExemptLabel: "size/"}} {
		if _, err := Resolve(file, in); err != nil {
			t.Errorf("Resolve(%+v): %v", in, err)
		}
	}
}
