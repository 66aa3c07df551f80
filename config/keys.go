package config

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mvcbot/mvc/analyzer/size"
)

// key is one setting of the config file: either a mapping of further keys
// or a value with a decoder. The tree below is the single list of what the
// file accepts; the JSON schema test walks it to prove the published schema
// says the same. Later sections are added here, and nothing else accepts
// keys, so an unknown key is always an error.
type key struct {
	name string
	keys []key                          // a mapping's keys, in documentation order
	set  func(v value, c *Config) error // a value's decoder; nil for a mapping
	// check runs after a mapping's keys were read, for rules across keys;
	// it returns a problem, or "" when fine.
	check func(c *Config) string
	// blame lists the keys a failed check names, with its line, in order of
	// preference: the first the mapping sets. Without one, the error names
	// the mapping.
	blame func(c *Config) []string
}

var fileKeys = []key{
	{name: "budget", keys: []key{
		{name: "lines", set: func(v value, c *Config) error { return v.positive(&c.Size.Budget.Lines) }},
		{name: "files", set: func(v value, c *Config) error { return v.positive(&c.Size.Budget.Files) }},
	}},
	{name: "buckets", keys: bucketKeys(), check: func(c *Config) string { return checkBuckets(c.Size.Buckets) }, blame: blameBuckets},
	{name: "weights", keys: []key{
		weightKey("code", func(c *Config) *float64 { return &c.Size.Weights.Code }),
		weightKey("test", func(c *Config) *float64 { return &c.Size.Weights.Test }),
		weightKey("docs", func(c *Config) *float64 { return &c.Size.Weights.Docs }),
		weightKey("deletion", func(c *Config) *float64 { return &c.Size.Weights.Deletion }),
		weightKey("generated", func(c *Config) *float64 { return &c.Size.Weights.Generated }),
		weightKey("lockfile", func(c *Config) *float64 { return &c.Size.Weights.Lockfile }),
		weightKey("vendored", func(c *Config) *float64 { return &c.Size.Weights.Vendored }),
		weightKey("binary", func(c *Config) *float64 { return &c.Size.Weights.Binary }),
		weightKey("rename", func(c *Config) *float64 { return &c.Size.Weights.Rename }),
	}},
	{name: "ignore", set: func(v value, c *Config) error { return v.patterns(&c.Size.Ignore) }},
	{name: "labels", keys: []key{
		{name: "prefix", set: func(v value, c *Config) error { return v.text(&c.Labels.Prefix, checkPrefix) }},
		{name: "exempt", set: func(v value, c *Config) error { return v.text(&c.Labels.Exempt, checkLabelName) }},
		{name: "colors", keys: colorKeys()},
	}, check: func(c *Config) string { return checkExempt(c.Labels) }, blame: func(*Config) []string { return []string{"exempt"} }},
	{name: "comment", set: func(v value, c *Config) error { return enumKey(v, &c.Comment, commentValues) }},
	{name: "fail-on", set: func(v value, c *Config) error { return enumKey(v, &c.FailOn, failOnValues) }},
	{name: "issues", keys: []key{
		{name: "max-tasks", set: func(v value, c *Config) error { return v.positive(&c.Issues.MaxOpenTasks) }},
		{name: "max-chain", set: func(v value, c *Config) error { return v.positive(&c.Issues.MaxChain) }},
	}},
}

func checkPrefix(s string) string    { return checkLabel(s, maxPrefixLen) }
func checkLabelName(s string) string { return checkLabel(s, maxLabelLen) }

func weightKey(name string, field func(c *Config) *float64) key {
	return key{name: name, set: func(v value, c *Config) error { return v.weight(field(c)) }}
}

func bucketKeys() []key {
	keys := make([]key, len(size.Sizes))
	for i, name := range size.Sizes {
		keys[i] = key{name: string(name), set: func(v value, c *Config) error {
			if name == size.XS {
				return xsBucket(v)
			}
			return v.nonNegative(bucketField(&c.Size.Buckets, name))
		}}
	}
	return keys
}

// xsBucket accepts only 0 for XS: XS is everything below S, so a higher
// lower bound would be ignored (a 2-line change is still XS), a setting
// that looks like it does something and does nothing.
func xsBucket(v value) error {
	var n int
	if err := v.nonNegative(&n); err != nil {
		return err
	}
	if n != 0 {
		return v.fail("must be 0, got %s: XS is the bucket below S, so its lower bound is 0 (set S to move where XS ends)", v.describe())
	}
	return nil
}

func colorKeys() []key {
	keys := make([]key, len(size.Sizes))
	for i, name := range size.Sizes {
		keys[i] = key{name: string(name), set: func(v value, c *Config) error {
			var hex string
			if err := v.color(&hex); err != nil {
				return err
			}
			c.Labels.Colors[name] = hex
			return nil
		}}
	}
	return keys
}

func enumKey[T ~string](v value, dst *T, allowed []T) error {
	if !v.isString() {
		return v.fail("must be one of %s; got %s", joinValues(allowed), v.describe())
	}
	got, msg := parseEnum(v.node.Value, allowed)
	if msg != "" {
		return v.fail("%s", msg)
	}
	*dst = got
	return nil
}

// read decodes v as this key: a value, or a mapping of its keys.
func (k key) read(v value, c *Config) error {
	if k.set != nil {
		return k.set(v, c)
	}
	if err := readMapping(v, k.keys, c); err != nil {
		return err
	}
	if k.check == nil {
		return nil
	}
	msg := k.check(c)
	if msg == "" {
		return nil
	}
	if k.blame != nil {
		if m, ok := v.member(k.blame(c)...); ok {
			return m.fail("%s", msg)
		}
	}
	return v.fail("%s", msg)
}

// readMapping decodes a mapping whose keys must all be among keys. An empty
// value (a section whose keys are all commented out) sets nothing.
func readMapping(v value, keys []key, c *Config) error {
	if v.isNull() {
		return nil
	}
	if v.node.Kind != yaml.MappingNode {
		return v.fail("must be a mapping with the keys %s, got %s", strings.Join(keyNames(keys), ", "), v.describe())
	}
	pairs, err := v.pairs()
	if err != nil {
		return err
	}
	for _, p := range pairs {
		k, ok := findKey(keys, p.key.node.Value)
		if !ok {
			return p.key.fail("%s", unknownKeyMsg(p.key.node.Value, keyNames(keys)))
		}
		if err := k.read(p.value, c); err != nil {
			return err
		}
	}
	return nil
}

func findKey(keys []key, name string) (key, bool) {
	for _, k := range keys {
		if k.name == name {
			return k, true
		}
	}
	return key{}, false
}

func keyNames(keys []key) []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	return names
}
