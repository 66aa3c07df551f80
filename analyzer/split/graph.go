package split

import (
	"math"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer/size"
)

// fileLink is the file-level evidence between two files (or a file and
// itself).
type fileLink struct {
	sameDir, nearDir, siblingDir, testPair bool
	coChange                               float64
	recent                                 float64 // co-change weighted toward the latest commits
	refers                                 bool    // one file's text names a declaration the other changes
	identOverlap                           float64 // Jaccard index of the files' changed identifiers
	owners                                 int
	fixture                                bool // a fixture and the code it pins down
	dependency                             bool // a manifest adds a dependency the other starts importing
	changeset                              bool // a changeset and the code of a package it names
	apart                                  bool // two changesets: one per pull request
}

// pairKey orders two indexes into a map key.
func pairKey(i, j int) [2]int {
	if j < i {
		i, j = j, i
	}
	return [2]int{i, j}
}

// linker finds the pairs of atoms with any evidence between them. Only
// those pairs are scored; all others keep the base probability, which
// keeps a change of thousands of files fast.
type linker struct {
	w        *work
	files    map[[2]int]*fileLink
	discard  fileLink // the link of pairs with vendored code, never kept
	mentions map[[2]int]bool
	uses     map[[2]int]bool // (user atom, defining atom)
	// resolved grades the uses found by more than a shared name:
	// byImport for what a parser, a type checker or a manifest found,
	// byNewName for a distinctive name the change brings in. When two
	// uses disagree on an order, the resolved one wins.
	resolved map[[2]int]resolution
	moved    map[[2]int]float64 // atom pairs where one adds lines the other deletes: the share moved
	owners   []string
}

func (w *work) newLinker() *linker {
	l := &linker{w: w, files: map[[2]int]*fileLink{}, mentions: map[[2]int]bool{}, uses: map[[2]int]bool{}, resolved: map[[2]int]resolution{}, moved: map[[2]int]float64{}}
	l.owners = make([]string, len(w.files))
	if len(w.in.CodeOwners) > 0 {
		o := parseOwners(w.in.CodeOwners)
		for i, f := range w.files {
			l.owners[i] = o.of(f.Path)
		}
	}
	l.linkDirs()
	l.linkTests()
	l.linkTestsByDeclaration()
	l.linkCoChange()
	l.linkMentions()
	l.linkMovedLines()
	l.linkChangesets()
	l.linkSharedIdentifiers()
	l.linkAddedFiles()
	l.linkReferences()
	l.linkTypes()
	l.linkMechanical()
	l.linkFixtures()
	l.linkDependencies()
	return l
}

// file returns the link between two files, made on first use. Pairs with
// a vendored file are never kept: vendored code is one piece, apart from
// the rest, and its pairs, quadratic in a drop of thousands of files,
// would only cost time. Their evidence goes to a link nobody reads.
// resolution is how a use between atoms was found, beyond a shared name.
type resolution int

const (
	byName    resolution = iota // a name both mention: the weakest
	byNewName                   // a distinctive name the change brings in, declared once
	byImport                    // an import, a type, or a manifest's new dependency
)

func (l *linker) file(i, j int) *fileLink {
	if l.w.files[i].class == size.Vendored || l.w.files[j].class == size.Vendored {
		l.discard = fileLink{}
		return &l.discard
	}
	k := pairKey(i, j)
	fl := l.files[k]
	if fl == nil {
		fi, fj := l.w.files[i].dir, l.w.files[j].dir
		fl = &fileLink{sameDir: i != j && fi == fj, nearDir: nearDirs(fi, fj), siblingDir: siblingDirs(fi, fj)}
		if i != j {
			ii, ij := l.w.files[i].idents, l.w.files[j].idents
			fl.identOverlap = jaccard(ii.shared(ij), len(ii), len(ij))
		}
		switch oi, oj := l.owners[i], l.owners[j]; {
		case oi == "" || oj == "":
		case oi == oj:
			fl.owners = 1
		default:
			fl.owners = -1
		}
		l.files[k] = fl
	}
	return fl
}

// linkDirs links each file with itself, with the files of its directory
// and with those of its parent directory.
func (l *linker) linkDirs() {
	byDir := map[string][]int{}
	for i, f := range l.w.files {
		byDir[f.dir] = append(byDir[f.dir], i)
	}
	for dir, files := range byDir {
		for x, i := range files {
			l.file(i, i)
			for _, j := range files[x+1:] {
				l.file(i, j)
			}
		}
		if parent, ok := byDir[path.Dir(dir)]; ok && path.Dir(dir) != dir {
			for _, i := range files {
				for _, j := range parent {
					l.file(i, j)
				}
			}
		}
	}
}

// linkTests links tests with the code they exercise.
func (l *linker) linkTests() {
	byKey := map[string][]int{}
	for i, f := range l.w.files {
		for _, k := range testKeys(f.Path) {
			byKey[k] = append(byKey[k], i)
		}
	}
	for _, files := range byKey {
		for x, i := range files {
			for _, j := range files[x+1:] {
				if l.isTest(i) != l.isTest(j) {
					l.file(i, j).testPair = true
				}
			}
		}
	}
}

// linkTestsByDeclaration links a test file with the code whose changed
// declaration its name spells: test/res.send.js with res.send = function
// send, parse_config.test.ts with parseConfig. Tests named after the
// function they exercise rather than after its file are common where one
// file holds many functions.
func (l *linker) linkTestsByDeclaration() {
	w := l.w
	declFiles := map[string][]int{}
	for i, f := range w.files {
		if l.isTest(i) || inTestTree(f.Path) {
			continue
		}
		for _, id := range f.atoms {
			for _, n := range w.atoms[id].names {
				if k := nameKey(n); k != "" && !slices.Contains(declFiles[k], i) {
					declFiles[k] = append(declFiles[k], i)
				}
			}
		}
	}
	for i, f := range w.files {
		if !l.isTest(i) && !inTestTree(f.Path) {
			continue
		}
		stem, _ := testStem(path.Base(f.Path))
		base := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
		parts := append(strings.FieldsFunc(base, func(r rune) bool { return r == '.' || r == '-' }), stem)
		for _, part := range parts {
			files := declFiles[nameKey(part)]
			if len(files) > maxNameFiles {
				continue
			}
			for _, j := range files {
				l.file(i, j).testPair = true
			}
		}
	}
}

func (l *linker) isTest(i int) bool {
	_, named := testStem(path.Base(l.w.files[i].Path))
	return named || l.w.files[i].class == "test"
}

// recentCommits is the decay of the recent co-change, in commits that
// touched the change's files: an author's last commits before the base
// are often the start of the same piece of work.
const recentCommits = 20

// maxCoChangeFiles skips history commits that touched more of this
// change's files than this: sweeping commits say nothing about affinity.
const maxCoChangeFiles = 40

// linkCoChange scores how often two files changed together before the
// base: shared commits over the rarer file's commits (plus one, so a
// single shared commit is weak evidence).
func (l *linker) linkCoChange() {
	index := map[string]int{}
	for i, f := range l.w.files {
		index[f.Path] = i
	}
	count := map[int]int{}
	pairs := map[[2]int]int{}
	wCount := map[int]float64{}
	wPairs := map[[2]int]float64{}
	for rank, commit := range l.w.in.CoChange {
		decay := math.Exp(-float64(rank) / recentCommits)
		var ids []int
		for _, p := range commit {
			if i, ok := index[p]; ok {
				ids = append(ids, i)
			}
		}
		if len(ids) > maxCoChangeFiles {
			continue
		}
		sort.Ints(ids)
		for x, i := range ids {
			count[i]++
			wCount[i] += decay
			for _, j := range ids[x+1:] {
				pairs[pairKey(i, j)]++
				wPairs[pairKey(i, j)] += decay
			}
		}
	}
	for k, n := range pairs {
		if k[0] == k[1] {
			continue
		}
		fl := l.file(k[0], k[1])
		fl.coChange = float64(n) / float64(min(count[k[0]], count[k[1]])+1)
		both := wPairs[k]
		fl.recent = both / (wCount[k[0]] + wCount[k[1]] - both + 0.5)
	}
}
