package split

import (
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
func (w *work) joinRenames(u *unionFind) {
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
	used := map[int]bool{}
	for _, m := range matches {
		if !used[m.from] && !used[m.to] {
			used[m.from], used[m.to] = true, true
			w.markRenamed(u, m.from, m.to)
		}
	}
}

// markRenamed joins a renamed file's two halves and weighs each atom by
// the lines it holds that the other side lacks.
func (w *work) markRenamed(u *unionFind, from, to int) {
	oldLines := lineCounts(w.files[from], analyzer.Delete)
	newLines := lineCounts(w.files[to], analyzer.Add)
	reweigh := func(fi int, other map[uint64]int) {
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
			u.union(w.files[from].atoms[0], id)
		}
	}
	reweigh(from, newLines)
	reweigh(to, oldLines)
	w.atoms[w.files[from].atoms[0]].weight += w.in.Policy.Weights.Rename
}
