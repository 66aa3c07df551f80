package split

import (
	"cmp"
	"hash/maphash"
	"path"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// renameSimilarity is how much of the larger side a removed and an added
// file must share to be one file renamed and edited: git's default for
// rename detection (-M50%).
const renameSimilarity = 0.5

// commonLineFiles skips lines found in more removed files than this when
// looking for renames: a lone brace or a license header says nothing about
// which file moved where.
const commonLineFiles = 8

var lineSeed = maphash.MakeSeed()

// lineCounts counts a file side's non-blank lines by their trimmed text.
func lineCounts(f fileInfo, op analyzer.Op) map[uint64]int {
	m := map[uint64]int{}
	for _, h := range f.Hunks {
		for _, l := range h.Lines {
			if t := strings.TrimSpace(l.Text); l.Op == op && t != "" {
				m[maphash.String(lineSeed, t)]++
			}
		}
	}
	return m
}

func total(m map[uint64]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// joinRenames pairs a removed file with the added file that carries most
// of its lines, the way git's rename detection would have shown them: one
// file renamed and edited, reviewed as one. Exact moves are already
// joined; this finds the moves with edits. The pair is weighed as size
// weighs a rename: the rename itself plus only the lines that differ.
// When the input holds git's own renames, those pairs are weighed by
// git's counts, and the pairs found here only join: git sees two files
// (moshi's files re-indented as they moved), and size weighs two.
func (w *work) joinRenames(u *unionFind) {
	used := map[int]bool{}
	known := w.in.RenamesKnown
	if known {
		for _, p := range w.gitRenames() {
			f := w.files[p.from]
			if len(f.atoms) > 0 && w.atoms[f.atoms[0]].mech != moved && !f.Binary && !w.files[p.to].Binary {
				w.pairRenamed(u, p.from, p.to)
				w.weighAsGit(p)
				used[p.from], used[p.to] = true, true
			}
		}
	}
	candidate := func(f fileInfo) bool {
		return !f.Binary && f.class != size.Generated && f.class != size.Vendored && f.class != size.Lockfile &&
			len(f.atoms) > 0 && w.atoms[f.atoms[0]].mech != moved
	}
	removed := map[int]map[uint64]int{}
	byLine := map[uint64][]int{}
	for fi, f := range w.files {
		if f.Status != analyzer.Removed || !candidate(f) {
			continue
		}
		removed[fi] = lineCounts(f, analyzer.Delete)
		for h := range removed[fi] {
			byLine[h] = append(byLine[h], fi)
		}
	}
	if len(removed) == 0 {
		return
	}
	type match struct {
		from, to int
		score    float64
		sameName bool
	}
	var matches []match
	for fi, f := range w.files {
		if f.Status != analyzer.Added || !candidate(f) {
			continue
		}
		added := lineCounts(f, analyzer.Add)
		shared := map[int]int{}
		for h, n := range added {
			if files := byLine[h]; len(files) <= commonLineFiles {
				for _, r := range files {
					shared[r] += min(n, removed[r][h])
				}
			}
		}
		na := total(added)
		for r, s := range shared {
			score := float64(s) / float64(max(na, total(removed[r])))
			if score >= renameSimilarity {
				matches = append(matches, match{r, fi, score, path.Base(w.files[r].Path) == path.Base(f.Path)})
			}
		}
	}
	// The best pairs first, each file used once, in a fixed order.
	sort.Slice(matches, func(i, j int) bool {
		a, b := matches[i], matches[j]
		if a.sameName != b.sameName {
			return a.sameName
		}
		if a.score != b.score {
			return a.score > b.score
		}
		if a.from != b.from {
			return a.from < b.from
		}
		return a.to < b.to
	})
	for _, m := range matches {
		if !used[m.from] && !used[m.to] {
			used[m.from], used[m.to] = true, true
			if known {
				// Most of the file moved, though git, comparing bytes
				// rather than lines, sees two files: they still belong
				// together, and weigh as the two files size counts.
				u.union(w.files[m.from].atoms[0], w.files[m.to].atoms[0])
				continue
			}
			w.markRenamed(u, m.from, m.to)
		}
	}
}

// markRenamed joins a renamed file's two halves and weighs each atom by
// the lines it holds that the other side lacks.
func (w *work) markRenamed(u *unionFind, from, to int) {
	w.pairRenamed(u, from, to)
	oldLines := lineCounts(w.files[from], analyzer.Delete)
	newLines := lineCounts(w.files[to], analyzer.Add)
	reweigh := func(fi int, other map[uint64]int) (shown int) {
		f := w.files[fi]
		for _, id := range f.atoms {
			a := w.atoms[id]
			lines, per := a.adds, f.addW
			if f.Status == analyzer.Removed {
				lines, per = a.dels, f.delW
			}
			differ := 0
			for _, l := range lines {
				h := maphash.String(lineSeed, strings.TrimSpace(l.Text))
				if other[h] > 0 {
					other[h]--
				} else if strings.TrimSpace(l.Text) != "" {
					differ++
				}
			}
			a.weight = float64(differ) * per
			shown += differ
		}
		return shown
	}
	w.showLines(from, reweigh(from, newLines))
	w.showLines(to, reweigh(to, oldLines))
	w.atoms[w.files[from].atoms[0]].weight += w.in.Policy.Weights.Rename
}

// pairRenamed joins a renamed file's two halves, one file to review as
// size counts it.
func (w *work) pairRenamed(u *unionFind, from, to int) {
	w.moves = append(w.moves, move{from, to})
	w.files[from].reviewable = false
	for _, fi := range []int{from, to} {
		for _, id := range w.files[fi].atoms {
			u.union(w.files[from].atoms[0], id)
		}
	}
}

// gitRename is a pair of Input.Renames found among the change's files.
type gitRename struct {
	from, to             int
	additions, deletions int
}

// gitRenames finds the change's removed and added files that git pairs.
// Vendored files stay apart from the change's own, as everywhere.
func (w *work) gitRenames() []gitRename {
	index := make(map[string]int, len(w.files))
	for i, f := range w.files {
		if f.Status == analyzer.Removed || f.Status == analyzer.Added {
			index[string(f.Status)+"\x00"+f.Path] = i
		}
	}
	var out []gitRename
	for _, r := range w.in.Renames {
		from, okFrom := index[string(analyzer.Removed)+"\x00"+r.From]
		to, okTo := index[string(analyzer.Added)+"\x00"+r.To]
		if !okFrom || !okTo || w.files[from].class == size.Vendored || w.files[to].class == size.Vendored {
			continue
		}
		out = append(out, gitRename{from, to, r.Additions, r.Deletions})
	}
	return out
}

// weighAsGit puts on a renamed file the weight size gives it: git's
// counts of the lines that differ, at the file's weights, and nothing for
// the rename itself (size weighs only a pure rename as one). The pair is
// one group, so only its total matters; it sits on each side's first atom.
func (w *work) weighAsGit(p gitRename) {
	from, to := w.files[p.from], w.files[p.to]
	for _, id := range from.atoms {
		w.atoms[id].weight = 0
	}
	for _, id := range to.atoms {
		w.atoms[id].weight = 0
	}
	w.atoms[from.atoms[0]].weight = float64(p.deletions) * to.delW // size weighs the file by its new path
	w.showLines(p.from, p.deletions)
	w.showLines(p.to, p.additions)
	if len(to.atoms) > 0 {
		w.atoms[to.atoms[0]].weight = float64(p.additions) * to.addW
	}
}

// showLines records the changed lines git shows for one half of a pair.
func (w *work) showLines(fi, n int) {
	if w.shownLines == nil {
		w.shownLines = map[int]int{}
	}
	w.shownLines[fi] = n
}

// move is a removed file and the added file it became.
type move struct{ from, to int }

// dirMove names the directory move a file move belongs to: the paths with
// their common tail removed, so old/p3/f.go → new/p3/f.go and
// old/p4/g.go → new/p4/g.go are both old → new.
func dirMove(from, to string) string {
	a, b := strings.Split(from, "/"), strings.Split(to, "/")
	for len(a) > 1 && len(b) > 1 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	return strings.Join(a, "/") + "\x00" + strings.Join(b, "/")
}

// packMoves puts the files of one directory move in as few parts as the
// budget allows, in path order: a move is one mechanical edit however many
// files it touches, and nothing else links a moved file to its siblings
// (each has its own names), so merging alone would leave one part per file.
func (w *work) packMoves(groups []*group) {
	key := map[int]string{}
	for _, m := range w.moves {
		k := dirMove(w.files[m.from].Path, w.files[m.to].Path)
		key[m.from], key[m.to] = k, k
	}
	if len(key) == 0 {
		return
	}
	buckets := map[string][]*group{}
	var order []string
	for _, g := range groups {
		if !g.alive || g.mech == vendored { // a move into vendor/ stays two parts: vendored code is never mixed
			continue
		}
		k, ok := "", true
		for f := range g.files {
			if fk, moved := key[f]; !moved || k != "" && fk != k {
				ok = false
				break
			} else {
				k = fk
			}
		}
		if !ok || k == "" {
			continue
		}
		if len(buckets[k]) == 0 {
			order = append(order, k)
		}
		buckets[k] = append(buckets[k], g)
	}
	for _, k := range order {
		list := buckets[k]
		sort.Slice(list, func(i, j int) bool { return w.firstPath(list[i]) < w.firstPath(list[j]) })
		acc := list[0]
		for _, g := range list[1:] {
			if w.fits(acc, g) {
				acc.absorb(g, groups)
			} else {
				acc = g
			}
		}
	}
}

// firstPath is the first path of a group's files in path order.
func (w *work) firstPath(g *group) string {
	first := ""
	for f := range g.files {
		if p := w.files[f].Path; first == "" || p < first {
			first = p
		}
	}
	return first
}

// moveTitle names a part made only of moved or renamed files after the
// move: "Move 40 files from old/ to new/, with edits". It is "" for any
// other part.
func (w *work) moveTitle(g *group) string {
	ends := map[int]move{}
	for _, m := range w.moves {
		ends[m.from], ends[m.to] = m, m
	}
	seen := map[move]bool{}
	var froms, tos []string
	edited := false
	for f := range g.files {
		m, ok := ends[f]
		if !ok {
			return ""
		}
		if !seen[m] {
			seen[m] = true
			froms, tos = append(froms, w.files[m.from].Path), append(tos, w.files[m.to].Path)
		}
		edited = edited || w.atoms[w.files[f].atoms[0]].mech != moved
	}
	t := "Move " + plural(len(seen), "file")
	if len(seen) == 1 {
		t = "Move " + froms[0] + " to " + tos[0]
	} else if from, to := movedDirs(froms, tos); from != to {
		t += " from " + from + " to " + to
	}
	if edited {
		t += ", with edits"
	}
	return t
}

// movedDirs names where a set of moves goes: the one directory move they
// all make (e2e → test/e2e), or else the directories that hold all their
// old and all their new paths ("." for the root).
func movedDirs(froms, tos []string) (string, string) {
	key := dirMove(froms[0], tos[0])
	for i := range froms[1:] {
		if dirMove(froms[i+1], tos[i+1]) != key {
			from, to := commonDir(froms), commonDir(tos)
			return cmp.Or(from, "."), cmp.Or(to, ".")
		}
	}
	from, to, _ := strings.Cut(key, "\x00")
	return from, to
}
