// Package config turns a repository's .github/mvc.yml and the knobs a user
// sets on one run (Action inputs or CLI flags) into one validated Config.
//
// Precedence is fixed: a non-empty input or flag beats the config file, and
// the config file beats the built-in defaults; ignore patterns are the one
// exception, where inputs are appended to the file's list. Parsing is strict:
// unknown keys and bad values are errors that name the file, the line, the key
// path and the allowed values, in one line a user can act on.
//
// Loading, parsing and "there is no config file" are separate outcomes:
// LoadFile reports a missing file as ErrNotFound, Parse only ever sees bytes,
// and Resolve takes a nil *File to mean "built-in defaults".
package config

import (
	"maps"
	"slices"

	"github.com/mvcbot/mvc/analyzer/issues"
	"github.com/mvcbot/mvc/analyzer/size"
)

// DefaultPath is where a repository keeps its config, relative to its root.
const DefaultPath = ".github/mvc.yml"

// DefaultsSource is Config.Source when no config file was read.
const DefaultsSource = "built-in defaults"

// Config is everything one run of mvc needs to know about a repository's
// rules. Build it with Resolve; the zero value is not valid.
type Config struct {
	// Size is the measurement policy. Size.ExemptLabel always equals
	// Labels.Exempt.
	Size    size.Policy
	Labels  Labels
	Comment Comment
	FailOn  FailOn
	// Issues are the thresholds of issue graphs (issue mode, mvc issues).
	Issues issues.Policy
	// Source says which settings were read, for reports: a config file
	// ("…/mvc.yml at base 1a2b3c4", see File.Source) or DefaultsSource.
	Source string
}

// Labels are the pull-request labels mvc manages.
type Labels struct {
	// Prefix starts every size label: Prefix+"XS" … Prefix+"XXL".
	Prefix string
	// Exempt is the label that makes a pull request pass as exempt.
	Exempt string
	// Colors maps each size to the 6-hex-digit color, lower case and
	// without "#", that mvc gives the label when it creates it.
	Colors map[size.Size]string
}

// Comment says when mvc posts its pull-request comment.
type Comment string

// The values of Comment.
const (
	CommentAlways      Comment = "always"
	CommentOnViolation Comment = "on-violation" // only once the PR is too large; then kept current
	CommentNever       Comment = "never"
)

var commentValues = []Comment{CommentAlways, CommentOnViolation, CommentNever}

// FailOn says which verdict fails the run (exit code 1).
type FailOn string

// The values of FailOn.
const (
	FailNever    FailOn = "never"
	FailTooLarge FailOn = "too-large"
)

var failOnValues = []FailOn{FailNever, FailTooLarge}

// defaultColors are the colours Kubernetes' prow size plugin gives its
// size/* labels, so repositories that used prow see familiar labels.
var defaultColors = map[size.Size]string{
	size.XS: "009900", size.S: "77bb00", size.M: "eebb00",
	size.L: "ee9900", size.XL: "ee5500", size.XXL: "ee0000",
}

// Default returns the built-in defaults documented in the README. Each call
// returns fresh maps and slices, so callers may modify the result.
func Default() Config {
	policy := size.DefaultPolicy()
	return Config{
		Size: policy,
		Labels: Labels{
			Prefix: "size/",
			Exempt: policy.ExemptLabel,
			Colors: maps.Clone(defaultColors),
		},
		Comment: CommentOnViolation,
		FailOn:  FailTooLarge,
		Issues:  issues.DefaultPolicy(),
		Source:  DefaultsSource,
	}
}

// clone returns a deep copy, so layering inputs on a parsed file never
// changes the file.
func (c Config) clone() Config {
	c.Size.Ignore = slices.Clone(c.Size.Ignore)
	c.Labels.Colors = maps.Clone(c.Labels.Colors)
	return c
}
