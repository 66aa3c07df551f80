package split

import (
	"math"
	"path"
	"strings"
)

// evidence is what ties two atoms: each field a reason the two lines were
// probably written for the same purpose.
type evidence struct {
	sameFile, sameBlock bool
	sameDir, nearDir    bool
	testPair            bool
	mention             float64 // one changes a declaration the other names, by specificity
	shared              int     // identifiers both mention
	coChange            float64 // share of the files' past commits they shared
	owners              int     // +1 same owners, -1 different owners, 0 unknown
	bothAdded           bool
}

// The pair model: the log-odds that two changed lines belong to the same
// part, as a sum over the evidence between their atoms. Pairs with no
// evidence at all sit at baseLogit. The weights were set on the split
// benchmark (mvc bench split) over Go and TypeScript histories.
const (
	baseLogit      = -2.6
	wSameFile      = 2.4
	wSameBlock     = 2.0
	wSameDir       = 1.6
	wNearDir       = 0.7
	wTestPair      = 2.0
	wMention       = 1.8
	wShared        = 0.25 // per shared identifier, up to maxShared
	maxShared      = 6
	wCoChange      = 2.5
	wSameOwners    = 0.3
	wOtherOwners   = -0.8
	wBothAdded     = 0.6
	mergeThreshold = 0.5 // merge while the average pair probability stays above this
)

func (e evidence) logit() float64 {
	l := baseLogit
	add := func(on bool, w float64) {
		if on {
			l += w
		}
	}
	add(e.sameFile, wSameFile)
	add(e.sameBlock, wSameBlock)
	add(e.sameDir, wSameDir)
	add(e.nearDir, wNearDir)
	add(e.testPair, wTestPair)
	add(e.bothAdded, wBothAdded)
	l += wMention * e.mention
	l += wShared * float64(min(e.shared, maxShared))
	l += wCoChange * e.coChange
	add(e.owners > 0, wSameOwners)
	add(e.owners < 0, wOtherOwners)
	return l
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// baseProbability is the pair probability without evidence.
var baseProbability = sigmoid(baseLogit)

// nearDirs reports whether one directory holds the other directly, or both
// sit in the same parent: a package and its subpackage, two sibling
// packages.
func nearDirs(a, b string) bool {
	if a == b {
		return false
	}
	pa, pb := path.Dir(a), path.Dir(b)
	return pa == b || pb == a || (pa == pb && pa != ".")
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
	stem = base
	if i := strings.IndexByte(stem, '.'); i > 0 {
		stem = stem[:i]
	}
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
