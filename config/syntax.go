package config

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decodeYAML decodes the first two YAML documents of data: the one a
// config file holds, and the one it should not. A nil node is a document
// that is not there; err is the first syntax error.
func decodeYAML(data []byte) (first, second *yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	switch err := dec.Decode(&next); {
	case err == nil:
		return &doc, &next, nil
	case !errors.Is(err, io.EOF):
		return &doc, nil, err
	}
	return &doc, nil, nil
}

// yamlPrefix is what yaml.v3 puts before the problem in its errors.
var yamlPrefix = regexp.MustCompile(`^yaml: (line \d+: )?`)

// yamlProblem is a yaml.v3 error without its prefix and its line number,
// on one line.
func yamlProblem(err error) string {
	msg := yamlPrefix.ReplaceAllString(err.Error(), "")
	return strings.Join(strings.Fields(msg), " ")
}

// problemLine returns the line of data (1-based) whose addition makes the
// YAML fail with problem: the first n lines do not, the first n+1 do. It
// does not trust the line yaml.v3 names, which is often another one: a
// scanner error names where the token being read began (for a tab in the
// indentation, the value on the line above it, however many blank lines
// away), a parser error counts lines from 0, and an error on the first line
// names none. A binary search keeps a large broken file to a few dozen
// decodes; an error at the end of the input (an unclosed quote or bracket)
// lands on the line that opened it, which is where the fix goes.
func problemLine(data []byte, problem string) int {
	ends := lineEnds(data)
	lo, hi := 0, len(ends) // the first lo lines parse, the first hi fail with problem
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if _, _, err := decodeYAML(data[:ends[mid-1]]); err != nil && yamlProblem(err) == problem {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// lineEnds lists the offset just past each line of data.
func lineEnds(data []byte) []int {
	var ends []int
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	return ends
}

// syntaxError rewrites a YAML syntax error as a one-line Error on file,
// naming the line that holds the problem and, for the usual mistakes, what
// to do about it.
func syntaxError(file string, data []byte, err error) *Error {
	problem := yamlProblem(err)
	line := problemLine(data, problem)
	text := lineText(data, line)
	if isTabProblem(problem, text) {
		return &Error{File: file, Line: line, Msg: "a tab indents this line; YAML indents with spaces"}
	}
	msg := "not valid YAML: " + problem + syntaxHints[problem]
	if unquotedStar.MatchString(text) {
		msg += `; a value starting with * is a YAML alias: quote the pattern, - "*.json"`
	}
	return &Error{File: file, Line: line, Msg: msg}
}

// isTabProblem reports whether yaml.v3's problem is a tab in the
// indentation of text. In block context the scanner does not skip a tab
// that starts a line, so it refuses the tab itself as a token; in flow
// context ([…], {…}) it skips tabs, and the character it refused is the
// first after them.
func isTabProblem(problem, text string) bool {
	content := strings.TrimLeft(text, " \t")
	indent := text[:len(text)-len(content)]
	switch {
	case !strings.Contains(indent, "\t"):
		return false
	case strings.Contains(problem, "tab character"):
		return true
	}
	return problem == "found character that cannot start any token" && !strings.ContainsAny(content[:min(1, len(content))], "@`")
}

// syntaxHints say what to do about yaml.v3's most common problems, which
// name the parser's state rather than the user's mistake.
var syntaxHints = map[string]string{
	"mapping values are not allowed in this context": `; check this key's indentation against the keys above it, and quote a value that holds ": "`,
	"did not find expected key":                      "; YAML expected a key here: check this line's indentation against the keys above it",
	"did not find expected '-' indicator":            `; a list holds only "- item" lines, indented alike`,
	"could not find expected ':'":                    `; end a key with ":", or start a list item with "- "`,
	"found unexpected end of stream":                 "; close the quote opened on this line",
	"did not find expected ',' or '}'":               `; separate entries with "," and close the "{" with "}"`,
	"did not find expected ',' or ']'":               `; separate items with "," and close the "[" with "]"`,
	"found character that cannot start any token":    "; quote a value that starts with @ or `",
}

// lineText is line n (1-based) of data without its line break, or "".
func lineText(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// unquotedStar is a list item or value that starts with a bare *, which
// YAML reads as an alias: the usual way to break an ignore list.
var unquotedStar = regexp.MustCompile(`(^\s*-\s+|[:\[,]\s*)\*`)
