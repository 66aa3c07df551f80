package size

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// The built-in name rules, as gitignore patterns relative to the repository
// root: a bare name matches in any directory, "dir/" matches everything
// under a directory of that name at any depth.
var (
	// vendoredNames are directories of code copied from elsewhere.
	vendoredNames = newNameRules(false,
		"vendor/", "node_modules/", "third_party/", "third-party/",
		"bower_components/", "**/.yarn/cache/", "**/.yarn/releases/",
	)
	// lockfileNames are dependency lock files, written by package managers.
	lockfileNames = newNameRules(false,
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
	generatedNames = newNameRules(false,
		"*.pb.go", "*.pb.gw.go", "*.pb.h", "*.pb.cc", "*_pb2.py", "*_pb2.pyi",
		"*_pb2_grpc.py", "*_pb.js", "*_pb.d.ts", "*_grpc_pb.js",
		"zz_generated*", "*_generated.go", "*.generated.*",
		"*.min.js", "*.min.css", "*.js.map", "*.css.map",
		"*.snap", "__snapshots__/",
		"*.designer.cs", "*.g.dart", "*.freezed.dart",
	)
	// testNames are tests and their fixtures.
	testNames = newNameRules(false,
		"*_test.*", "*_spec.*", "*.test.*", "*.spec.*", "test_*.py", "conftest.py",
		"*Test.java", "*Tests.java", "*Test.kt", "*Tests.kt", "*Test.cs",
		"*Tests.cs", "*Tests.swift", "*Test.php",
		"test/", "tests/", "__tests__/", "__mocks__/", "testdata/", "spec/",
	)
	// docNames are prose. Matched case-insensitively: README, Readme.MD.
	// Plain *.txt is deliberately absent: requirements.txt and
	// CMakeLists.txt are not documentation.
	docNames = newNameRules(true,
		"*.md", "*.mdx", "*.markdown", "*.rst", "*.adoc", "*.asciidoc", "*.rdoc",
		"docs/", "readme", "readme.txt", "changelog", "changelog.txt", "license",
		"license.txt", "licence", "copying", "notice", "authors", "contributors",
	)
)

// nameRules is a list of gitignore patterns that all lead to one class.
// Matching uses go-git's gitignore implementation, so the patterns mean
// exactly what they would in a .gitignore.
type nameRules struct {
	sources  []string
	patterns []gitignore.Pattern
	fold     bool // match the lower-cased path (the patterns are lower case)
}

func newNameRules(fold bool, sources ...string) nameRules {
	r := nameRules{sources: sources, fold: fold}
	for _, s := range sources {
		r.patterns = append(r.patterns, gitignore.ParsePattern(s, nil))
	}
	return r
}

// match returns the first pattern that matches the path (split at "/"), or
// "" when none does.
func (r nameRules) match(path []string) string {
	if r.fold {
		path = lowerAll(path)
	}
	for i, p := range r.patterns {
		if p.Match(path, false) == gitignore.Exclude {
			return r.sources[i]
		}
	}
	return ""
}

func lowerAll(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = strings.ToLower(p)
	}
	return out
}
