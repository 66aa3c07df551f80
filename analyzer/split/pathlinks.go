package split

import (
	"path"
	"slices"
	"strings"
)

// fixtureRoots are the directories that hold test inputs and expected
// outputs rather than code: golden files, snapshots, sample projects. A
// fixture changes with the code whose behaviour it pins down.
var fixtureRoots = map[string]bool{
	"testdata": true, "fixtures": true, "fixture": true, "__fixtures__": true,
	"__snapshots__": true, "snapshots": true, "golden": true, "goldens": true,
	"playground": true, "test-fixtures": true,
}

// genericDirs are directory names too common to say which code a path is
// about.
var genericDirs = map[string]bool{
	"src": true, "lib": true, "pkg": true, "internal": true, "cmd": true, "app": true,
	"test": true, "tests": true, "spec": true, "specs": true, "e2e": true, "integration": true,
	"doc": true, "docs": true, "packages": true, "modules": true, "core": true, "base": true,
	"public": true, "static": true, "assets": true, "scripts": true, "tools": true,
	"example": true, "examples": true, "data": true, "input": true, "output": true,
}

// maxNameFiles skips names and directories that many changed files answer
// to: they link everything and say little.
const maxNameFiles = 12

// fixtureOwner returns, for a path under a fixture root, the directory
// holding that root ("" for a path outside any, "." for a root at the top)
// and the names its path gives below the root (a golden file's directory
// and stem often name the code it tests: testdata/fillstruct/a.go.golden).
func fixtureOwner(p string) (owner string, names []string) {
	comps := strings.Split(p, "/")
	for i, c := range comps[:len(comps)-1] {
		if !fixtureRoots[c] {
			continue
		}
		owner = strings.Join(comps[:i], "/")
		if owner == "" {
			owner = "."
		}
		names = append(names, comps[i+1:len(comps)-1]...)
		names = append(names, fileStem(comps[len(comps)-1]))
		return owner, names
	}
	return "", nil
}

// fileStem is a file name up to its first dot: utils.spec.ts.snap → utils.
func fileStem(base string) string {
	if i := strings.IndexByte(base, '.'); i > 0 {
		return base[:i]
	}
	return base
}

var nameSeparators = strings.NewReplacer("-", "", "_", "", ".", "")

// nameKey normalises a name so a directory, a file and a fixture spelled
// in different styles meet: inlay_hint, inlay-hint and inlayHint.
func nameKey(s string) string {
	if genericDirs[s] || commonStems[s] || fixtureRoots[s] {
		return ""
	}
	k := strings.ToLower(nameSeparators.Replace(s))
	if len(k) < 4 {
		return ""
	}
	return k
}

// linkFixtures links each fixture with the code of the directory that
// holds its root and with the code its path names: a golden file changes
// with the behaviour it pins down. On the benchmark's history 76% of such
// line pairs came from one commit. Other files named after each other
// across trees (playground/resolve and plugins/resolve.ts) more often
// changed apart, so only fixtures are linked this way.
func (l *linker) linkFixtures() {
	w := l.w
	byName := map[string][]int{}
	byDir := map[string][]int{}
	for i, f := range w.files {
		if owner, _ := fixtureOwner(f.Path); owner != "" {
			continue
		}
		byDir[f.dir] = append(byDir[f.dir], i)
		for _, n := range []string{fileStem(path.Base(f.Path)), path.Base(f.dir)} {
			if k := nameKey(n); k != "" && !slices.Contains(byName[k], i) {
				byName[k] = append(byName[k], i)
			}
		}
	}
	for i, f := range w.files {
		owner, names := fixtureOwner(f.Path)
		if owner == "" {
			continue
		}
		var code []int
		if owner != "." && len(byDir[owner]) <= maxNameFiles {
			code = append(code, byDir[owner]...)
		}
		for _, n := range names {
			if k := nameKey(n); k != "" && len(byName[k]) <= maxNameFiles {
				code = append(code, byName[k]...)
			}
		}
		for _, j := range code {
			l.file(i, j).fixture = true
		}
	}
}
