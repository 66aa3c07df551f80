package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// maxFileSize bounds what Parse reads: a config file is a few hundred bytes,
// and a huge one is a mistake, not a policy.
const maxFileSize = 1 << 20

// File is a parsed, validated config file. Pass it to Resolve.
type File struct {
	// Name is the file as given to Parse; errors name it.
	Name string
	// Source describes the file for reports and becomes Config.Source.
	// Parse sets it to Name; callers may say more, e.g.
	// ".github/mvc.yml at base 1a2b3c4" or ".github/mvc.yml (working tree)".
	Source string
	// config is Default() with the file's settings applied.
	config Config
}

// Parse reads a config file's contents. name is how errors refer to the
// file (".github/mvc.yml"). An empty file, or one holding only comments, is
// valid and keeps every default. Anchors, aliases and merge keys (<<) are
// resolved as YAML 1.1 says, and what they bring in is checked like what is
// written. The error, if any, is an *Error.
func Parse(name string, data []byte) (*File, error) {
	if len(data) > maxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("is larger than %d bytes, too large for a config file", maxFileSize)}
	}
	root, err := decodeDocument(name, data)
	if err != nil {
		return nil, err
	}
	cfg := Default()
	if root != nil {
		if err := readMapping(value{doc: &doc{name: name}}.at("", root), fileKeys, &cfg); err != nil {
			return nil, err
		}
	}
	cfg.Size.ExemptLabel = cfg.Labels.Exempt
	cfg.Source = name
	return &File{Name: name, Source: name, config: cfg}, nil
}

// decodeDocument returns the root node of the file's only YAML document, or
// nil when the file holds no document or an empty one.
func decodeDocument(name string, data []byte) (*yaml.Node, error) {
	doc, next, err := decodeYAML(data)
	switch {
	case err != nil:
		return nil, syntaxError(name, data, err)
	case next != nil:
		return nil, &Error{File: name, Line: next.Line, Msg: "holds more than one YAML document; keep one (remove the second \"---\")"}
	case doc == nil || len(doc.Content) == 0:
		return nil, nil
	}
	return doc.Content[0], nil
}
