package config

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseMergeErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"merge of a number", "budget:\n  <<: 3\n",
			`.github/mvc.yml:2: budget.<<: a merge key takes a mapping (<<: *name) or a list of them (<<: [*a, *b]), got 3`},
		{"merge of a list holding a string", "budget:\n  <<:\n    - {lines: 1}\n    - files\n",
			`.github/mvc.yml:4: budget.<<: a merge key takes a mapping (<<: *name) or a list of them (<<: [*a, *b]), got "files"`},
		{"two merge keys", "budget:\n  <<: {lines: 1}\n  <<: {files: 2}\n",
			`.github/mvc.yml:3: budget: duplicate merge key "<<" (first at line 2); merge several mappings with one list, <<: [*a, *b]`},
		{"a mapping that merges itself", "budget: &b\n  lines: 1\n  <<: *b\n",
			`.github/mvc.yml:3: budget: a merge key (<<) brings in a mapping that contains it; merge another mapping; it comes from line 1 through *b`},
		{"a mapping that merges itself deeper", "budget: &b\n  lines: 1\n  <<: {<<: *b}\n",
			`.github/mvc.yml:3: budget: a merge key (<<) brings in a mapping that contains it; merge another mapping; it comes from line 1 through *b`},
		{"duplicate key in merged content", "budget:\n  <<: {lines: 1, lines: 2}\n",
			`.github/mvc.yml:2: budget: duplicate key "lines" (first at line 2)`},
		{"a list as a key", "budget:\n  ? [lines]\n  : 3\n",
			`.github/mvc.yml:2: budget: a key must be a name, got a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertParseError(t, tt.src, tt.want) })
	}
}

// aliasBomb is a "billion laughs": levels merge lists that each alias the
// level below ten times, so a file of a few hundred bytes expands to
// 10^levels entries.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("budget:\n  <<:\n    - &l0 {lines: 1}\n")
	for i := 1; i <= levels; i++ {
		alias := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "    - &l%d {<<: [%s]}\n", i, strings.Repeat(alias+", ", 9)+alias)
	}
	return b.String()
}

func TestParseRefusesAliasBombs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // "" for no error
	}{
		{"a few levels", aliasBomb(3), ""},
		{"a billion laughs", aliasBomb(9),
			`.github/mvc.yml:7: budget: aliases and merge keys expand to more than 10000 entries, far more than a config file needs (an alias bomb?); write the settings out; it comes from line 3 through *l3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == "" {
				if cfg := parseConfig(t, tt.src); cfg.Size.Budget.Lines != 1 {
					t.Errorf("budget.lines = %d, want 1", cfg.Size.Budget.Lines)
				}
				return
			}
			assertParseError(t, tt.src, tt.want)
		})
	}
}
