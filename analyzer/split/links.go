package split

import (
	"path"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// nearDirs reports whether one directory holds the other directly: a
// package and its subpackage.
func nearDirs(a, b string) bool {
	return a != b && (path.Dir(a) == b || path.Dir(b) == a)
}

// siblingDirs reports two different directories with the same parent
// (not the root): sibling packages, which more often change apart.
func siblingDirs(a, b string) bool {
	return a != b && path.Dir(a) == path.Dir(b) && path.Dir(a) != "."
}

// testKeys names the unit a file tests or implements, so a test and its
// code meet on a key: dir/x for x.go and x_test.go, x.ts and x.test.ts,
// __tests__/x.ts; stem:x for tests kept in a separate tree (test/x.spec.ts,
// tests/test_x.py) that match code by name anywhere.
func testKeys(p string) []string {
	dir, base := path.Split(p)
	stem, isTest := testStem(base)
	parent := path.Base(strings.TrimSuffix(dir, "/"))
	if parent == "__tests__" || parent == "__mocks__" {
		dir, isTest = path.Dir(strings.TrimSuffix(dir, "/"))+"/", true
	}
	keys := []string{"unit:" + dir + stem}
	if len(stem) >= 4 && !commonStems[stem] && (isTest || !inTestTree(p)) {
		keys = append(keys, "stem:"+stem)
	}
	return keys
}

// testStem strips a file's extension and test marker.
func testStem(base string) (stem string, isTest bool) {
	stem = fileStem(base)
	for _, suf := range []string{"_test", "_spec", "Test", "Tests"} {
		if s, ok := strings.CutSuffix(stem, suf); ok && s != "" {
			return s, true
		}
	}
	if s, ok := strings.CutPrefix(stem, "test_"); ok && s != "" {
		return s, true
	}
	rest := base[len(stem):]
	return stem, strings.HasPrefix(rest, ".test.") || strings.HasPrefix(rest, ".spec.")
}

func inTestTree(p string) bool {
	for _, d := range strings.Split(path.Dir(p), "/") {
		if d == "test" || d == "tests" || d == "testdata" || d == "__tests__" {
			return true
		}
	}
	return false
}

// commonStems are file names too common to pair a test with code by name.
var commonStems = map[string]bool{
	"index": true, "main": true, "utils": true, "util": true, "types": true, "helpers": true,
	"common": true, "config": true, "init": true, "__init__": true, "setup": true, "test": true,
	"tests": true, "constants": true, "README": true, "package": true, "fixtures": true,
}

// maxAddedPairs bounds the pairs of new files scored for being new together.
const maxAddedFiles = 300

// linkAddedFiles makes new files candidates for each other: files created
// by the same change were often created for the same reason.
func (l *linker) linkAddedFiles() {
	var added []int
	for i, f := range l.w.files {
		if f.Status == analyzer.Added {
			added = append(added, i)
		}
	}
	if len(added) > maxAddedFiles {
		return
	}
	for x, i := range added {
		for _, j := range added[x+1:] {
			l.file(i, j)
		}
	}
}

// maxMechanicalFiles bounds the files paired for sharing a mechanical kind.
const maxMechanicalFiles = 300

// linkMechanical makes files with formatting-only or comment-only edits
// candidates for each other: a reformatting sweep is one edit, wherever
// it lands.
func (l *linker) linkMechanical() {
	byKind := map[mechanical][]int{}
	for fi, f := range l.w.files {
		seen := map[mechanical]bool{}
		for _, id := range f.atoms {
			if m := l.w.atoms[id].mech; (m == whitespaceOnly || m == commentOnly) && !seen[m] {
				seen[m] = true
				byKind[m] = append(byKind[m], fi)
			}
		}
	}
	for _, files := range byKind {
		if len(files) > maxMechanicalFiles {
			continue
		}
		for x, i := range files {
			for _, j := range files[x+1:] {
				l.file(i, j)
			}
		}
	}
}
