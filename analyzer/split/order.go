package split

import (
	"path"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// kindRank orders parts of different kinds when nothing else does.
var kindRank = map[Kind]int{
	KindDependencies: 0, KindVendored: 0, KindMechanical: 1, KindProvider: 2, KindConsumer: 3, KindDocs: 4,
}

// needs returns, per group, the groups whose declarations it uses, and
// the groups that create a file it goes on to edit.
func (w *work) needs(l *linker, groups []*group, of []int) map[int]map[int]bool {
	owner := map[int]int{}
	for _, g := range groups {
		for _, id := range g.atoms {
			owner[id] = g.id
		}
	}
	out := map[int]map[int]bool{}
	need := func(user, def int) {
		if user == def {
			return
		}
		if out[user] == nil {
			out[user] = map[int]bool{}
		}
		out[user][def] = true
	}
	for k := range l.uses {
		// A name vendored code shares with the change's own code is
		// most often a coincidence among its thousands of declarations:
		// the vendored part goes first by its kind, and depends on
		// nothing.
		if w.atoms[k[0]].mech != vendored && w.atoms[k[1]].mech != vendored {
			need(owner[k[0]], owner[k[1]])
		}
	}
	for _, f := range w.files {
		if f.Status == analyzer.Added && len(f.atoms) > 1 {
			for _, id := range f.atoms[1:] {
				need(owner[id], owner[f.atoms[0]])
			}
		}
	}
	return out
}

// kindOf says what role a group plays in the stack.
func (w *work) kindOf(g *group, provides bool) Kind {
	if g.mech == vendored {
		return KindVendored
	}
	deps, docs := true, true
	for f := range g.files {
		fi := &w.files[f]
		deps = deps && (fi.class == size.Lockfile || isInfra(fi.Path))
		docs = docs && fi.class == size.Docs
	}
	switch {
	case deps && g.mech != moved:
		// A version pinned the same way in three requirements files is
		// a dependency update before it is a sweep; a moved build file
		// is still a move.
		return KindDependencies
	case g.mech != notMechanical:
		return KindMechanical
	case docs:
		return KindDocs
	case provides:
		return KindProvider
	}
	return KindConsumer
}

// isInfra recognises dependency manifests, build files and CI settings.
func isInfra(p string) bool {
	base := path.Base(p)
	if _, ok := manifests[base]; ok {
		return true
	}
	for _, m := range manifests {
		if base == m {
			return true
		}
	}
	if buildFiles[base] || isCI(p) {
		return true
	}
	ext := path.Ext(base)
	switch {
	case strings.HasPrefix(base, "Dockerfile"), strings.HasSuffix(base, ".mk"),
		strings.HasPrefix(base, "tsconfig") && ext == ".json",
		// pip's pins: requirements.txt, requirements-dev.txt, requirements/docs.in
		strings.HasPrefix(base, "requirements") && (ext == ".txt" || ext == ".in"),
		strings.HasPrefix(p, "requirements/") && (ext == ".txt" || ext == ".in"),
		buildExts[ext]:
		return true
	}
	return false
}

// buildFiles are the build, dependency and toolchain files of the common
// ecosystems, by exact name, beyond the manifests lockfiles pair with.
var buildFiles = map[string]bool{
	"Makefile": true, "GNUmakefile": true, "CMakeLists.txt": true, "meson.build": true,
	"BUILD": true, "BUILD.bazel": true, "WORKSPACE": true, "MODULE.bazel": true,
	"go.work": true, "constraints.txt": true, "setup.cfg": true, "tox.ini": true,
	"MANIFEST.in": true, ".pre-commit-config.yaml": true,
	"pnpm-workspace.yaml": true, "lerna.json": true, "turbo.json": true, ".npmrc": true, ".nvmrc": true,
	"pom.xml": true, "build.gradle": true, "build.gradle.kts": true, "settings.gradle": true,
	"settings.gradle.kts": true, "gradle.properties": true, "gradle-wrapper.properties": true,
	"rust-toolchain": true, "rust-toolchain.toml": true,
	"Directory.Build.props": true, "Directory.Build.targets": true, "Directory.Packages.props": true,
	"global.json": true, "NuGet.config": true, "nuget.config": true,
	"Podfile": true, "Cartfile": true, "mix.exs": true, "Rakefile": true,
	".travis.yml": true, "azure-pipelines.yml": true, "Jenkinsfile": true, "dependabot.yml": true,
	"renovate.json": true, ".golangci.yml": true, ".golangci.yaml": true,
}

// buildExts are extensions only build and package files have.
var buildExts = map[string]bool{
	".csproj": true, ".fsproj": true, ".vbproj": true, ".sln": true, ".props": true,
	".gemspec": true, ".podspec": true, ".cmake": true, ".bzl": true,
}

// isCI recognises the settings of a CI service.
func isCI(p string) bool {
	return strings.HasPrefix(p, ".github/workflows/") || strings.HasPrefix(p, ".circleci/") || strings.HasPrefix(p, ".buildkite/") || p == ".gitlab-ci.yml"
}

// order sorts the groups into a stack: a group comes after every group it
// needs, and otherwise by kind (dependencies, mechanical, providers,
// consumers, docs), then by its first path. A cycle of needs is broken at
// the group that ranks first.
func (w *work) order(groups []*group, kinds map[int]Kind, needs map[int]map[int]bool) []*group {
	pending := map[int]bool{}
	for _, g := range groups {
		pending[g.id] = true
	}
	firstPath := func(g *group) string {
		p := "\xff"
		for f := range g.files {
			p = min(p, w.files[f].Path)
		}
		return p
	}
	less := func(a, b *group) bool {
		if kindRank[kinds[a.id]] != kindRank[kinds[b.id]] {
			return kindRank[kinds[a.id]] < kindRank[kinds[b.id]]
		}
		if pa, pb := firstPath(a), firstPath(b); pa != pb {
			return pa < pb
		}
		return a.id < b.id
	}
	ready := func(g *group) bool {
		for d := range needs[g.id] {
			if pending[d] {
				return false
			}
		}
		return true
	}
	var out []*group
	for len(out) < len(groups) {
		var next, fallback *group
		for _, g := range groups {
			if !pending[g.id] {
				continue
			}
			if fallback == nil || less(g, fallback) {
				fallback = g
			}
			if ready(g) && (next == nil || less(g, next)) {
				next = g
			}
		}
		if next == nil {
			next = fallback
		}
		pending[next.id] = false
		out = append(out, next)
	}
	return out
}

// dependsOn lists the earlier parts a part needs, by index.
func dependsOn(g *group, needs map[int]map[int]bool, index map[int]int) []int {
	deps := []int{}
	for d := range needs[g.id] {
		if index[d] < index[g.id] {
			deps = append(deps, index[d])
		}
	}
	sort.Ints(deps)
	return deps
}
