package imports

import (
	"path"
	"regexp"
	"strings"
)

// rubyLoad matches the statements that load another Ruby file by path:
// require, require_relative, load and autoload, with or without
// parentheses, with a literal string path.
var rubyLoad = regexp.MustCompile(`^\s*(?:Kernel\.)?(require_relative|require|load|autoload)\b\s*\(?\s*(?::\w+\s*,\s*)?(['"])([^'"#{}]+)['"]`)

// RubyRequire is one file a Ruby file loads.
type RubyRequire struct {
	Line     int
	Path     string // as written: "sinatra/base", "../helper"
	Relative bool   // require_relative: from the requiring file's directory
}

// Ruby lists the files a Ruby file requires by a literal path. Lines of
// =begin/=end comments, heredocs and the data after __END__ are skipped,
// so a require quoted in documentation is not one.
func Ruby(src []byte) []RubyRequire {
	var out []RubyRequire
	var heredoc string // the terminator of the heredoc being skipped
	inComment := false
	for i, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case heredoc != "":
			if trimmed == heredoc {
				heredoc = ""
			}
			continue
		case inComment:
			inComment = !strings.HasPrefix(line, "=end")
			continue
		case strings.HasPrefix(line, "=begin"):
			inComment = true
			continue
		case line == "__END__":
			return out
		}
		if m := rubyLoad.FindStringSubmatch(line); m != nil {
			out = append(out, RubyRequire{Line: i + 1, Path: m[3], Relative: m[1] == "require_relative"})
		}
		heredoc = heredocTerminator(line)
	}
	return out
}

var rubyHeredoc = regexp.MustCompile(`<<[~-]?['"]?([A-Z_][A-Za-z0-9_]*)`)

// heredocTerminator returns the word that ends a heredoc opened on line.
func heredocTerminator(line string) string {
	if m := rubyHeredoc.FindStringSubmatch(line); m != nil {
		return m[1]
	}
	return ""
}

// ResolveRuby returns the repository file a require of the file from
// names: require_relative from the requiring file's directory; require
// and load from the load path, which in a repository is a lib/ directory
// (or the directory itself) at or above the requiring file, nearest
// first. Gems installed from elsewhere resolve to nothing.
func ResolveRuby(from string, req RubyRequire, exists func(string) bool) string {
	name := req.Path
	if path.Ext(name) != ".rb" {
		name += ".rb"
	}
	if req.Relative {
		if p := path.Join(path.Dir(from), name); exists(p) {
			return p
		}
		return ""
	}
	for dir := path.Dir(from); ; dir = path.Dir(dir) {
		for _, p := range []string{path.Join(dir, "lib", name), path.Join(dir, name)} {
			if exists(p) {
				return p
			}
		}
		if dir == "." || dir == "/" {
			return ""
		}
	}
}
