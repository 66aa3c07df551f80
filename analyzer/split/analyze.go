package split

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// describeAtoms fills each atom's size, mechanical kind, and the names it
// defines and mentions.
func (w *work) describeAtoms() {
	for _, a := range w.atoms {
		f := &w.files[a.file]
		adds, dels := len(a.adds), len(a.dels)
		if a.whole && !f.Binary && !f.Submodule && adds+dels == 0 {
			// No hunks but line counts: a diff GitHub left out. It
			// weighs what the size check counts of it.
			adds, dels = f.Additions, f.Deletions
			a.unlisted = adds + dels
		}
		a.lines = max(a.counted(), 1)
		a.weight = float64(adds)*f.addW + float64(dels)*f.delW
		if a.whole && f.Binary {
			a.weight = w.in.Policy.Weights.Binary
		}
		a.mech = classifyMechanical(a, f.lang)
	}
	w.keepTidyingWithEdits()
	words := w.pathWords()
	dels, adds := make([]map[string]bool, len(w.atoms)), make([]map[string]bool, len(w.atoms))
	for _, a := range w.atoms {
		f := &w.files[a.file]
		a.names = declNames(a, f)
		dels[a.id], adds[a.id] = lineWords(a)
		all, delta := mentions(dels[a.id], adds[a.id])
		for _, word := range words[a.file] {
			all[word] = true
		}
		a.idents, a.delta = w.names.setOf(all), w.names.setOf(delta)
	}
	for i := range w.files {
		sets := make([]idSet, 0, len(w.files[i].atoms))
		for _, id := range w.files[i].atoms {
			sets = append(sets, w.atoms[id].idents)
		}
		w.files[i].idents = union(sets...)
		w.files[i].text = w.textIdentifiers(&w.files[i])
	}
	w.findNewNames(dels, adds)
	w.weighIdentifiers()
}

// maxPathWordFiles bounds how many changed files may share a path word
// for it to name something: "samples" or "src" name nothing in particular.
const maxPathWordFiles = 3

// pathWords gives each file the words of its path that few changed files
// share, as if its lines mentioned them: a new test case directory
// (tests/samples/bind-option-label/) names what it tests, and the fix and
// the release note that mention "option" or "bind" are its company; a
// file named engine.go is what lines mentioning the engine are about.
// Line ARI on 25 development samples +0.003 (seed-1 half +0.006).
func (w *work) pathWords() map[int][]string {
	split := func(p string) []string {
		return strings.FieldsFunc(strings.TrimSuffix(p, path.Ext(p)), func(r rune) bool {
			return r == '/' || r == '-' || r == '_' || r == '.'
		})
	}
	files := map[string]int{}
	for _, f := range w.files {
		words := split(f.Path)
		slices.Sort(words)
		for _, word := range slices.Compact(words) {
			files[word]++
		}
	}
	out := map[int][]string{}
	for i, f := range w.files {
		for _, word := range split(f.Path) {
			if len(word) >= 4 && !stopWords[word] && files[word] <= maxPathWordFiles {
				out[i] = append(out[i], word)
			}
		}
	}
	return out
}

// keepTidyingWithEdits makes formatting-only and comment-only atoms
// ordinary edits in a file that has other edits: the author tidied or
// re-documented what they touched, and a part of its own for those lines
// would cut that file's change in two. A file only reformatted or only
// re-commented keeps its edit apart. On the benchmark's history a
// comment-only edit came from the same commit as other edits of its file
// 70-100% of the time, and from the same commit as comment-only edits of
// other files 45-75%. Before, tidying stayed apart in a file mostly
// tidied: a PHP docblock rewrite per file (slimphp/Slim) became one
// "Edit comments" part across files, line ARI 0.41 against 0.55 for one
// part per file; now 0.49, and +0.002 over 25 samples of 14 other
// repositories (20 up, 2 down by at most 0.004).
func (w *work) keepTidyingWithEdits() {
	for fi := range w.files {
		edited := false
		for _, id := range w.files[fi].atoms {
			edited = edited || w.atoms[id].mech == notMechanical
		}
		if !edited {
			continue
		}
		for _, id := range w.files[fi].atoms {
			if a := w.atoms[id]; a.mech == whitespaceOnly || a.mech == commentOnly {
				a.tidied, a.mech = a.mech, notMechanical
			}
		}
	}
}

// hardLinks joins atoms that no reviewer would want apart: the pieces of
// one declaration, a lockfile with its manifest, a generated file with its
// source, a moved file's two halves, one edit repeated across files, a
// directory and the file that replaces it, and the vendored files.
func (w *work) hardLinks() *unionFind {
	u := newUnionFind(len(w.atoms))
	u.fence = make([]bool, len(w.atoms))
	for _, f := range w.files {
		for _, id := range f.atoms {
			u.fence[id] = f.class == size.Vendored
		}
	}
	w.joinMoves(u)
	w.joinRenames(u)
	w.joinRepeatedEdits(u)
	w.joinDeclarations(u)
	w.joinWholeFiles(u)
	w.joinCompanions(u)
	w.joinPathConflicts(u)
	w.joinVendored(u)
	return u
}

// joinVendored keeps the change's vendored files (third-party code copied
// in: vendor/, third_party/, or linguist-vendored) in one piece; the
// fence of hardLinks keeps every other join from tying them to the
// change's own code. Nobody reviews vendored code line by line: it is one
// dependency update, first in the stack, whatever its size, and its lines
// weigh nothing (size does not count them).
func (w *work) joinVendored(u *unionFind) {
	first := -1
	for _, f := range w.files {
		if f.class != size.Vendored {
			continue
		}
		for _, id := range f.atoms {
			w.atoms[id].mech = vendored
			if first < 0 {
				first = id
			}
			u.union(first, id)
		}
	}
}

func (w *work) joinDeclarations(u *unionFind) {
	for fi := range w.files {
		first := map[string]int{}
		for _, id := range w.files[fi].atoms {
			a := w.atoms[id]
			// Imports change for every reason at once: they follow the code
			// that uses them (a soft link), not each other. Moves and sweeps
			// already have their group.
			if a.decl == "" || isImport(a.decl) || a.decl == "package" || a.mech == moved || a.mech == repeated {
				continue
			}
			if j, ok := first[a.decl]; ok {
				u.union(j, id)
			} else {
				first[a.decl] = id
			}
		}
	}
}

// joinWholeFiles keeps in one piece the files nobody reviews line by line
// (generated, vendored, lockfiles) and the files the change creates or
// deletes: on the benchmark's history, 96% of line pairs of a new file and
// 98% of a deleted one came from the same commit.
func (w *work) joinWholeFiles(u *unionFind) {
	for _, f := range w.files {
		whole := f.Status == analyzer.Added || f.Status == analyzer.Removed
		if !whole && (f.class == size.Code || f.class == size.Test || f.class == size.Docs) {
			continue
		}
		for _, id := range f.atoms[1:] {
			u.union(f.atoms[0], id)
		}
	}
}

// joinPathConflicts joins a file with the files under a directory of the
// same path: a directory replaced by a file or a symlink (or the reverse)
// cannot be taken apart, since no tree holds both a file a and a file a/x,
// so a part that removes one side and a later part that adds the other do
// not build as a stack.
func (w *work) joinPathConflicts(u *unionFind) {
	at := make(map[string]int, len(w.files))
	for i, f := range w.files {
		at[f.Path] = i
	}
	for _, f := range w.files {
		for d := path.Dir(f.Path); d != "." && d != "/"; d = path.Dir(d) {
			if j, ok := at[d]; ok {
				u.union(w.files[j].atoms[0], f.atoms[0])
			}
		}
	}
}

// joinCompanions joins lockfiles with their manifests (a workspace's root
// lockfile with the members whose dependencies it locks) and generated files
// with their sources.
func (w *work) joinCompanions(u *unionFind) {
	byKey := map[string]int{}
	locked := map[int]bool{} // manifests whose lockfile changes too
	for fi, f := range w.files {
		for _, key := range companionKeys(f.Path) {
			if j, ok := byKey[key]; ok {
				u.union(w.files[j].atoms[0], f.atoms[0])
				locked[fi], locked[j] = true, true
			} else {
				byKey[key] = fi
			}
		}
	}
	for m, locks := range w.workspaceLocks() {
		for _, l := range locks {
			u.union(w.files[l].atoms[0], w.files[m].atoms[0])
		}
		locked[m] = true
	}
	// A manifest goes whole with its lockfile: a lockfile that does not
	// match every dependency of its manifest fails a frozen install or go
	// mod tidy (vite's package.json had one of four hunks beside
	// pnpm-lock.yaml; prometheus's go.mod was cut over four parts).
	for fi := range locked {
		if f := w.files[fi]; isManifest(path.Base(f.Path)) && f.class != size.Vendored {
			for _, id := range f.atoms[1:] {
				u.union(f.atoms[0], id)
			}
		}
	}
}

// manifests pairs each lockfile with the manifest it locks.
var manifests = map[string]string{
	"go.sum": "go.mod", "go.work.sum": "go.work", "package-lock.json": "package.json",
	"npm-shrinkwrap.json": "package.json", "yarn.lock": "package.json", "pnpm-lock.yaml": "package.json",
	"bun.lockb": "package.json", "bun.lock": "package.json", "Cargo.lock": "Cargo.toml",
	"poetry.lock": "pyproject.toml", "uv.lock": "pyproject.toml", "pdm.lock": "pyproject.toml",
	"Pipfile.lock": "Pipfile", "Gemfile.lock": "Gemfile", "composer.lock": "composer.json",
}

// isManifest says whether a file name is the manifest some lockfile locks.
func isManifest(base string) bool {
	for _, m := range manifests {
		if base == m {
			return true
		}
	}
	return false
}

// generatedSuffixes map generated file endings to their source's ending.
var generatedSuffixes = []struct{ gen, src string }{
	{"_grpc.pb.go", ".proto"}, {".pb.gw.go", ".proto"}, {".pb.go", ".proto"},
	{"_pb2_grpc.py", ".proto"}, {"_pb2.py", ".proto"}, {"_pb2.pyi", ".proto"},
	{"_grpc_pb.js", ".proto"}, {"_pb.js", ".proto"}, {"_pb.d.ts", ".proto"},
	{".min.js", ".js"}, {".min.css", ".css"}, {".js.map", ".js"},
}

// companionKeys names what a file must travel with: a lockfile and its
// manifest share a key, as do a generated file and its source (by stem,
// in any directory: protos often live apart from their Go code).
func companionKeys(p string) []string {
	dir, base := path.Split(p)
	if m, ok := manifests[base]; ok {
		return []string{"manifest:" + dir + m}
	}
	if isManifest(base) {
		return []string{"manifest:" + p}
	}
	for _, g := range generatedSuffixes {
		if stem, ok := strings.CutSuffix(base, g.gen); ok {
			if g.src == ".proto" {
				return []string{"source:" + stem + g.src}
			}
			return []string{"source:" + dir + stem + g.src}
		}
	}
	switch path.Ext(base) {
	case ".proto":
		return []string{"source:" + base}
	case ".js", ".css":
		return []string{"source:" + p}
	}
	return nil
}

// joinMoves pairs a removed file with an added file of the same content:
// a move or rename, mechanical since git's rename detection is off.
func (w *work) joinMoves(u *unionFind) {
	if w.in.RenamesKnown {
		for _, p := range w.gitRenames() {
			// Git's counts decide: a file that only gained its last
			// newline is the same text here, but git counts a line.
			if p.additions == 0 && p.deletions == 0 && fileText(w.files[p.from], analyzer.Delete) != "" {
				w.markMoved(u, p.from, p.to)
			}
		}
		return
	}
	removed := map[string][]int{}
	for fi, f := range w.files {
		if key := fileText(f, analyzer.Delete); f.Status == analyzer.Removed && key != "" {
			removed[key] = append(removed[key], fi)
		}
	}
	for fi, f := range w.files {
		if f.Status != analyzer.Added {
			continue
		}
		key := fileText(f, analyzer.Add)
		if list := removed[key]; key != "" && len(list) > 0 {
			removed[key] = list[1:]
			w.markMoved(u, list[0], fi)
		}
	}
}

// markMoved joins a move's two halves and weighs it as size weighs a pure
// rename, once for the file.
func (w *work) markMoved(u *unionFind, from, to int) {
	w.moves = append(w.moves, move{from, to})
	w.showLines(from, 0)
	w.showLines(to, 0)
	// size counts a pure rename as no reviewable file.
	w.files[from].reviewable, w.files[to].reviewable = false, false
	ids := append(append([]int(nil), w.files[from].atoms...), w.files[to].atoms...)
	for _, id := range ids {
		w.atoms[id].mech = moved
		w.atoms[id].weight = 0
		u.union(ids[0], id)
	}
	w.atoms[ids[0]].weight = w.in.Policy.Weights.Rename
}

func fileText(f fileInfo, op analyzer.Op) string {
	var b strings.Builder
	for _, h := range f.Hunks {
		for _, l := range h.Lines {
			if l.Op == op {
				b.WriteString(l.Text)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// repeatedFiles is how many files must carry the same edit for it to be a
// mechanical sweep (a renamed import, a changed call everywhere).
const repeatedFiles = 3

func (w *work) joinRepeatedEdits(u *unionFind) {
	bySig := map[string][]int{}
	for _, a := range w.atoms {
		if a.mech == notMechanical || a.mech == commentOnly {
			if sig := editSignature(a); sig != "" {
				bySig[sig] = append(bySig[sig], a.id)
			}
		}
	}
	sigs := make([]string, 0, len(bySig))
	for s := range bySig {
		sigs = append(sigs, s)
	}
	sort.Strings(sigs)
	for _, s := range sigs {
		ids := bySig[s]
		files := map[int]bool{}
		for _, id := range ids {
			files[w.atoms[id].file] = true
		}
		if len(files) < repeatedFiles {
			continue
		}
		for _, id := range ids {
			w.atoms[id].mech = repeated
			u.union(ids[0], id)
		}
	}
}
