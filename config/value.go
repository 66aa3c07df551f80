package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/mvcbot/mvc/analyzer/size"
)

// value is one YAML node of the config file together with where it sits, so
// every check can say which file, line and key it refuses.
type value struct {
	doc  *doc
	path string     // dotted key path; "" for the document itself
	node *yaml.Node // never an alias: at follows them
	// alias is the outermost alias the value was reached through, nil when
	// it is written in place. An anchored node is read where it is written
	// too, so a problem that shows only through the alias is on its line.
	alias *yaml.Node
}

// at is node, at path, seen from v: it came through v's alias, if v came
// through one, or else through node itself when node is an alias.
func (v value) at(path string, node *yaml.Node) value {
	alias := v.alias
	for node.Kind == yaml.AliasNode && node.Alias != nil {
		if alias == nil {
			alias = node
		}
		node = node.Alias
	}
	return value{doc: v.doc, path: path, node: node, alias: alias}
}

// child is the value node of v's key.
func (v value) child(key value, node *yaml.Node) value {
	path := key.node.Value
	if v.path != "" {
		path = v.path + "." + path
	}
	return key.at(path, node)
}

// member is the value of the first of names that mapping v sets, through
// merge keys too.
func (v value) member(names ...string) (value, bool) {
	pairs, err := v.pairs()
	if err != nil {
		return value{}, false
	}
	for _, name := range names {
		for _, p := range pairs {
			if p.key.node.Value == name {
				return p.value, true
			}
		}
	}
	return value{}, false
}

// fail refuses v on its line or, when v came through an alias, on the
// alias's line, saying where v is written.
func (v value) fail(format string, args ...any) error {
	msg, line := fmt.Sprintf(format, args...), v.node.Line
	if v.alias != nil && v.alias.Line != line {
		msg += fmt.Sprintf("; it comes from line %d through *%s", line, v.alias.Value)
		line = v.alias.Line
	}
	return &Error{File: v.doc.name, Line: line, Key: v.path, Msg: msg}
}

func (v value) isNull() bool { return v.node.ShortTag() == "!!null" }

func (v value) isNumber() bool {
	tag := v.node.ShortTag()
	return v.node.Kind == yaml.ScalarNode && (tag == "!!int" || tag == "!!float")
}

func (v value) isString() bool {
	return v.node.Kind == yaml.ScalarNode && v.node.ShortTag() == "!!str"
}

// describe names what the user wrote, for "got …" in messages, on one
// line: a block scalar (|) can hold line breaks, and so can a tag (!%0A).
func (v value) describe() string {
	var got string
	switch {
	case v.isNull():
		got = "nothing"
	case v.node.Kind == yaml.MappingNode:
		got = "a mapping"
	case v.node.Kind == yaml.SequenceNode:
		got = "a list"
	case v.isString():
		got = strconv.Quote(v.node.Value)
	default:
		got = printable(v.node.Value)
	}
	if v.node.Style&yaml.TaggedStyle != 0 {
		got += " tagged " + printable(v.node.Tag)
	}
	return got
}

// printable is s, quoted when it is empty or holds control characters.
func printable(s string) string {
	if s == "" || strings.ContainsFunc(s, unicode.IsControl) {
		return strconv.Quote(s)
	}
	return s
}

// numberHint helps when a number was written in quotes or with a tag: YAML
// then reads something else, and "got \"400\"" alone would puzzle.
func (v value) numberHint() string {
	_, err := strconv.ParseFloat(v.node.Value, 64)
	switch {
	case v.node.Style&yaml.TaggedStyle != 0:
		return " (remove the tag)"
	case v.isString() && err == nil:
		return " (remove the quotes)"
	}
	return ""
}

// whole reads a whole number of at least least.
func (v value) whole(dst *int, least int, want string) error {
	var n int
	if v.node.ShortTag() != "!!int" || v.node.Decode(&n) != nil || n < least {
		return v.fail("must be %s, got %s%s", want, v.describe(), v.numberHint())
	}
	*dst = n
	return nil
}

func (v value) positive(dst *int) error { return v.whole(dst, 1, "a positive whole number") }

func (v value) nonNegative(dst *int) error { return v.whole(dst, 0, "a whole number, 0 or more") }

// weight reads a finite number from 0 to size.MaxWeight.
func (v value) weight(dst *float64) error {
	var f float64
	ok := v.isNumber() && v.node.Decode(&f) == nil
	if !ok || f < 0 || f > size.MaxWeight || math.IsInf(f, 0) || math.IsNaN(f) {
		return v.fail("must be a number from 0 to %d, got %s%s", size.MaxWeight, v.describe(), v.numberHint())
	}
	*dst = f
	return nil
}

// text reads a plain string and runs check on it.
func (v value) text(dst *string, check func(string) string) error {
	if !v.isString() {
		return v.fail("must be a string, got %s", v.describe())
	}
	if msg := check(v.node.Value); msg != "" {
		return v.fail("%s", msg)
	}
	*dst = v.node.Value
	return nil
}

// color reads a label color. YAML traps users here twice: an unquoted
// "#ee0000" is a comment (so the value is empty) and 770000 is a number.
func (v value) color(dst *string) error {
	switch {
	case v.isNull():
		return v.fail(`must be 6 hex digits such as "ee0000", got nothing (an unquoted # starts a YAML comment: write "#ee0000" in quotes)`)
	case v.isNumber():
		return v.fail(`must be 6 hex digits in quotes such as "ee0000", got %s%s`, v.describe(), v.colorHint())
	case !v.isString():
		return v.fail(`must be 6 hex digits such as "ee0000", got %s`, v.describe())
	}
	hex, msg := normalizeColor(v.node.Value)
	if msg != "" {
		return v.fail("%s", msg)
	}
	*dst = hex
	return nil
}

// colorHint is the fix for a color YAML read as a number: quote it (and
// drop a tag), said only when that gives a valid color; 12345 quoted is
// still not one.
func (v value) colorHint() string {
	if _, msg := normalizeColor(v.node.Value); msg != "" {
		return ""
	}
	if v.node.Style&yaml.TaggedStyle != 0 {
		return fmt.Sprintf(" (remove the tag and write %q in quotes)", v.node.Value)
	}
	return fmt.Sprintf(" (unquoted, YAML reads it as a number: write %q)", v.node.Value)
}

// patterns reads a list of ignore patterns; an empty value is an empty list.
func (v value) patterns(dst *[]string) error {
	if v.isNull() {
		*dst = nil
		return nil
	}
	if v.node.Kind != yaml.SequenceNode {
		return v.fail("must be a list of patterns (one \"- pattern\" per line), got %s", v.describe())
	}
	list := make([]string, 0, len(v.node.Content))
	for i, item := range v.node.Content {
		p := v.at(fmt.Sprintf("%s[%d]", v.path, i), item)
		if err := p.expand(); err != nil {
			return err
		}
		var pattern string
		if err := p.text(&pattern, checkPattern); err != nil {
			return err
		}
		list = append(list, pattern)
	}
	*dst = list
	return nil
}
