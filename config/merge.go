package config

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// maxExpanded bounds the mapping entries and list items read through
// aliases and merge keys. A config file shares a few settings this way; a
// small file whose aliases nest (the "billion laughs") would otherwise
// expand into more than memory holds.
const maxExpanded = 10_000

// doc is the config file being read.
type doc struct {
	name     string // as given to Parse; errors name it
	expanded int    // entries and items read through aliases so far
}

// expand counts one entry or item of v read through an alias, and fails
// once there are too many.
func (v value) expand() error {
	if v.alias == nil {
		return nil
	}
	if v.doc.expanded++; v.doc.expanded > maxExpanded {
		return v.fail("aliases and merge keys expand to more than %d entries, far more than a config file needs (an alias bomb?); write the settings out", maxExpanded)
	}
	return nil
}

// pair is one key of a mapping with its value, both as values so that
// either can be refused with its line.
type pair struct {
	key, value value
}

// pairs lists the keys of mapping v with their values: first the keys v
// writes, in order, then those its merge key brings in that v does not
// write. Merge keys work as in YAML 1.1: "<<: *defaults" takes the entries
// of the anchored mapping, "<<: [*a, *b]" those of each in turn, the first
// to set a key winning, and keys written beside "<<" win over all of them.
func (v value) pairs() ([]pair, error) {
	return v.collect(nil)
}

// collect is pairs of v while v is being merged into the mappings within,
// outermost first: meeting one of them again would merge forever.
func (v value) collect(within []*yaml.Node) ([]pair, error) {
	if slices.Contains(within, v.node) {
		return nil, v.fail("a merge key (<<) brings in a mapping that contains it; merge another mapping")
	}
	within = append(within, v.node)
	var own, merged []pair
	seen := map[string]int{}
	for i := 0; i+1 < len(v.node.Content); i += 2 {
		if err := v.expand(); err != nil {
			return nil, err
		}
		k := v.at(v.path, v.node.Content[i])
		if k.node.Kind != yaml.ScalarNode {
			return nil, k.fail("a key must be a name, got %s", k.describe())
		}
		name := k.node.Value
		if first, dup := seen[name]; dup {
			return nil, k.fail("%s", duplicateMsg(k, first))
		}
		seen[name] = k.node.Line
		if !isMerge(k.node) {
			own = append(own, pair{key: k, value: v.child(k, v.node.Content[i+1])})
			continue
		}
		var err error
		if merged, err = v.merged(k, v.node.Content[i+1], within); err != nil {
			return nil, err
		}
	}
	for _, p := range merged {
		if _, written := seen[p.key.node.Value]; !written {
			seen[p.key.node.Value] = p.key.node.Line
			own = append(own, p)
		}
	}
	return own, nil
}

// merged lists the pairs that the merge key k of v brings in from node: a
// mapping, or a list of mappings, as written or through aliases.
func (v value) merged(k value, node *yaml.Node, within []*yaml.Node) ([]pair, error) {
	src := k.at(v.path, node)
	items := []*yaml.Node{node}
	if src.node.Kind == yaml.SequenceNode {
		items = src.node.Content
	}
	var all []pair
	for _, item := range items {
		m := src.at(v.path, item)
		if err := m.expand(); err != nil {
			return nil, err
		}
		if m.node.Kind != yaml.MappingNode {
			return nil, v.child(k, item).fail("a merge key takes a mapping (<<: *name) or a list of them (<<: [*a, *b]), got %s", m.describe())
		}
		pairs, err := m.collect(within)
		if err != nil {
			return nil, err
		}
		all = append(all, pairs...)
	}
	return all, nil
}

// isMerge reports whether key is YAML's merge key: a plain <<, not "<<".
func isMerge(key *yaml.Node) bool {
	return key.Kind == yaml.ScalarNode && key.ShortTag() == "!!merge"
}

func duplicateMsg(k value, first int) string {
	if isMerge(k.node) {
		return fmt.Sprintf("duplicate merge key \"<<\" (first at line %d); merge several mappings with one list, <<: [*a, *b]", first)
	}
	return fmt.Sprintf("duplicate key %q (first at line %d)", k.node.Value, first)
}
