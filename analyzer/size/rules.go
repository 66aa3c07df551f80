package size

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// The built-in name rules, as gitignore patterns relative to the repository
// root: a bare name matches in any directory, "dir/" matches everything
// under a directory of that name at any depth, "/dir/" only at the root.
var (
	// vendoredNames are directories of code copied from elsewhere.
	vendoredNames = newNameRules(0,
		"vendor/", "node_modules/", "third_party/", "third-party/",
		"bower_components/", "**/.yarn/cache/", "**/.yarn/releases/",
		"Pods/", "**/Carthage/Build/", // CocoaPods and Carthage check in their dependencies' code
	)
	// lockfileNames are dependency lock files, written by package managers.
	lockfileNames = newNameRules(0,
		"go.sum", "go.work.sum",
		"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
		"bun.lockb", "bun.lock", "deno.lock",
		"Cargo.lock", "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock",
		"Gemfile.lock", "gems.locked", "composer.lock", "flake.lock", "mix.lock",
		"pubspec.lock", "Podfile.lock", "Package.resolved", "Cartfile.resolved",
		"packages.lock.json", "paket.lock", "gradle.lockfile", "*-gradle.lockfile",
		".terraform.lock.hcl", "conda-lock.yml", "shard.lock", "stack.yaml.lock",
		"cabal.project.freeze", "MODULE.bazel.lock",
	)
	// generatedNames are files tools write that nobody reviews line by line.
	generatedNames = newNameRules(0,
		"*.pb.go", "*.pb.gw.go", "*.pb.h", "*.pb.cc", "*_pb2.py", "*_pb2.pyi",
		"*_pb2_grpc.py", "*_pb.js", "*_pb.d.ts", "*_grpc_pb.js",
		"zz_generated*", "*_generated.go", "*.generated.*",
		"*.min.js", "*.min.css", "*.js.map", "*.css.map",
		"*.snap", "__snapshots__/",
		"*.designer.cs", "*.g.dart", "*.freezed.dart",
		"__generated__/",                         // Relay's compiler output
		".pnp.cjs", ".pnp.js", ".pnp.loader.mjs", // Yarn Plug'n'Play's resolution maps
	)
	// testNames are tests and their fixtures.
	testNames = newNameRules(0,
		"*_test.*", "*_spec.*", "*.test.*", "*.spec.*", "test_*.py", "conftest.py",
		"*Test.java", "*Tests.java", "*Test.kt", "*Tests.kt", "*Test.cs",
		"*Tests.cs", "*Tests.swift", "*Test.php",
		"test/", "tests/", "__tests__/", "__mocks__/", "testdata/", "spec/",
	)
	// docNames are prose. Matched case-insensitively: README, Readme.MD.
	// Plain *.txt is deliberately absent: requirements.txt and
	// CMakeLists.txt are not documentation. A bare name is a file's name
	// only, as in Linguist: the code of examples/readme/ or of a React
	// component's License/ folder is code.
	docNames = newNameRules(foldCase|fileNamesOnly,
		"*.md", "*.mdx", "*.markdown", "*.rst", "*.adoc", "*.asciidoc", "*.rdoc",
		"/docs/", "/doc/", "readme", "readme.txt", "changelog", "changelog.txt", "license",
		"license.txt", "licence", "copying", "notice", "authors", "contributors",
	)
)

// nameRules is a list of gitignore patterns that all lead to one class.
// Matching uses go-git's gitignore implementation, so the patterns mean
// exactly what they would in a .gitignore.
type nameRules struct {
	sources  []string
	patterns []gitignore.Pattern
	// simple are the patterns without a slash, which match any single path
	// component; anchored are the others, matched against the whole path.
	simple, anchored []int
	// literal is, per pattern, text every match must contain: a cheap test
	// that spares most filepath.Match calls (1,000 files × 90 patterns).
	literal []string
	fold    bool // match the lower-cased path (the patterns are lower case)
	// filesOnly: the simple patterns match the file's name, never one of
	// its directories.
	filesOnly bool
}

// ruleFlags change how a rule set matches.
type ruleFlags int

const (
	foldCase      ruleFlags = 1 << iota // match the lower-cased path (the patterns are lower case)
	fileNamesOnly                       // a pattern without a slash matches file names, not directories
)

func newNameRules(flags ruleFlags, sources ...string) *nameRules {
	r := &nameRules{sources: sources, fold: flags&foldCase != 0, filesOnly: flags&fileNamesOnly != 0}
	for i, s := range sources {
		r.patterns = append(r.patterns, gitignore.ParsePattern(s, nil))
		r.literal = append(r.literal, requiredLiteral(s))
		if strings.Contains(strings.TrimSuffix(s, "/"), "/") {
			r.anchored = append(r.anchored, i)
		} else {
			r.simple = append(r.simple, i)
		}
	}
	return r
}

// nameMatcher matches paths against rule sets, remembering the verdict for
// each directory: files share directories, and a pattern without a slash
// matches a path exactly when it matches one of the directories (as a
// directory) or the file name, so each directory is matched once.
type nameMatcher struct {
	dirs map[dirKey]string
}

type dirKey struct {
	rules *nameRules
	dir   string
}

// match returns the first pattern of r that matches the path (split at
// "/"), or "" when none does.
func (m *nameMatcher) match(r *nameRules, path []string) string {
	if r.fold {
		path = lowerAll(path)
	}
	if len(path) > 1 && !r.filesOnly {
		if src := m.matchDir(r, path[:len(path)-1]); src != "" {
			return src
		}
	}
	last := path[len(path)-1:]
	for _, i := range r.simple {
		if r.mayMatch(i, last[0]) && r.patterns[i].Match(last, false) == gitignore.Exclude {
			return r.sources[i]
		}
	}
	joined := strings.Join(path, "/")
	for _, i := range r.anchored {
		if r.mayMatch(i, joined) && r.patterns[i].Match(path, false) == gitignore.Exclude {
			return r.sources[i]
		}
	}
	return ""
}

func (r *nameRules) mayMatch(i int, s string) bool {
	return strings.Contains(s, r.literal[i])
}

// requiredLiteral returns the longest run of a pattern without wildcards,
// which every match contains; "" (always contained) when the pattern has
// brackets or escapes, whose runs are not literal.
func requiredLiteral(pattern string) string {
	if strings.ContainsAny(pattern, `[\`) {
		return ""
	}
	longest := ""
	for _, run := range strings.FieldsFunc(strings.TrimSuffix(pattern, "/"), func(c rune) bool {
		return c == '*' || c == '?' || c == '/'
	}) {
		if len(run) > len(longest) {
			longest = run
		}
	}
	return longest
}

func (m *nameMatcher) matchDir(r *nameRules, dir []string) string {
	key := dirKey{rules: r, dir: strings.Join(dir, "/")}
	if src, ok := m.dirs[key]; ok {
		return src
	}
	src := ""
	for _, i := range r.simple {
		for _, name := range dir {
			if r.mayMatch(i, name) && r.patterns[i].Match([]string{name}, true) == gitignore.Exclude {
				src = r.sources[i]
				break
			}
		}
		if src != "" {
			break
		}
	}
	if m.dirs == nil {
		m.dirs = map[dirKey]string{}
	}
	m.dirs[key] = src
	return src
}

func lowerAll(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = strings.ToLower(p)
	}
	return out
}
