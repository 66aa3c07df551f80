package config

import "testing"

// yaml.v3 names the line where the token it was reading began, counts
// parser errors' lines from 0, and names no line on the first one; each
// case here has its problem on a line yaml.v3 misnames.

func TestParseTabNamesItsLine(t *testing.T) {
	const tab = `a tab indents this line; YAML indents with spaces`
	tests := []struct{ name, src, want string }{
		{"first line", "\tbudget: {}\n", `.github/mvc.yml:1: ` + tab},
		{"after a value", "comment: always\nbudget:\n  lines: 1\n\tfiles: 2\n", `.github/mvc.yml:4: ` + tab},
		{"after blank lines", "budget:\n  lines: 1\n\n\n\tfiles: 2\n", `.github/mvc.yml:5: ` + tab},
		{"after spaces", "labels:\n  colors:\n  \tXS: '000000'\n", `.github/mvc.yml:3: ` + tab},
		{"list item", "ignore:\n  - a\n\t- b\n", `.github/mvc.yml:3: ` + tab},
		{"block scalar", "labels:\n  exempt: |\n    a\n\tb\n", `.github/mvc.yml:4: ` + tab},
		{"comment line", "budget:\n  lines: 1\n\t# why\n  files: 2\n", `.github/mvc.yml:3: ` + tab},
		{"whitespace-only line", "budget:\n  lines: 1\n\t\n", `.github/mvc.yml:3: ` + tab},
		// In brackets YAML skips tabs: the @ after it is the problem.
		{"tab then @ in brackets", "ignore: [\n\t@a]\n", "" +
			".github/mvc.yml:2: not valid YAML: found character that cannot start any token; quote a value that starts with @ or `"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}

func TestParseSyntaxErrorNamesItsLine(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"first line", "comment: on: violation\n",
			`.github/mvc.yml:1: not valid YAML: mapping values are not allowed in this context; check this key's indentation against the keys above it, and quote a value that holds ": "`},
		{"unclosed brace", "comment: always\nbudget: {lines: 1\n",
			`.github/mvc.yml:2: not valid YAML: did not find expected ',' or '}'; separate entries with "," and close the "{" with "}"`},
		{"unclosed bracket after blank lines", "comment: always\n\n\nignore: [a, b\n",
			`.github/mvc.yml:4: not valid YAML: did not find expected ',' or ']'; separate items with "," and close the "[" with "]"`},
		{"key indented less", "comment: always\nbudget:\n  lines: 1\n files: 2\n",
			`.github/mvc.yml:4: not valid YAML: did not find expected key; YAML expected a key here: check this line's indentation against the keys above it`},
		{"list item among keys", "comment: always\n- budget\n",
			`.github/mvc.yml:2: not valid YAML: did not find expected key; YAML expected a key here: check this line's indentation against the keys above it`},
		{"key among list items", "comment: always\nignore:\n  - a\n  b: 2\n",
			`.github/mvc.yml:4: not valid YAML: did not find expected '-' indicator; a list holds only "- item" lines, indented alike`},
		{"item without a dash", "ignore:\n  - a\n  b\n",
			`.github/mvc.yml:3: not valid YAML: could not find expected ':'; end a key with ":", or start a list item with "- "`},
		{"unclosed quote", "comment: always\nlabels: {prefix: \"size/}\n\n\n",
			`.github/mvc.yml:2: not valid YAML: found unexpected end of stream; close the quote opened on this line`},
		{"content after the end marker", "comment: always\n...\nfail-on: never\n",
			`.github/mvc.yml:3: not valid YAML: did not find expected <document start>`},
		{"unknown anchor", "comment: always\n\nlabels: {prefix: *p}\n",
			`.github/mvc.yml:3: not valid YAML: unknown anchor 'p' referenced; a value starting with * is a YAML alias: quote the pattern, - "*.json"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}
