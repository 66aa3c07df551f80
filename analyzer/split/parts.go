package split

import (
	"sort"

	"github.com/mvcbot/mvc/analyzer"
)

// buildPart lays a group out as a part: its files in path order, each with
// its atoms' hunks in file order, and its size.
func (w *work) buildPart(g *group) Part {
	byFile := map[int][]int{}
	for _, id := range g.atoms {
		f := w.atoms[id].file
		byFile[f] = append(byFile[f], id)
	}
	files := make([]int, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Ints(files)
	p := Part{WeightedLines: roundHalfUp(g.weight), ReviewableFiles: g.reviewable(w), DependsOn: []int{}}
	for _, fi := range files {
		f := &w.files[fi]
		pf := PartFile{Path: f.Path, Status: f.Status, Binary: f.Binary, Hunks: []PartHunk{}}
		if f.Status != analyzer.Added {
			pf.OldPath = f.Path
		}
		ids := byFile[fi]
		sort.Ints(ids)
		shown, paired := w.shownLines[fi]
		if paired {
			p.ChangedLines += shown // a move or rename, as git shows it
		}
		var run []*atom // consecutive pieces of one git hunk
		for _, id := range ids {
			a := w.atoms[id]
			if !paired {
				p.ChangedLines += a.counted()
			}
			if a.whole {
				continue
			}
			if len(run) > 0 && !w.adjacent(run[len(run)-1], a) {
				pf.Hunks = append(pf.Hunks, runHunk(run))
				run = run[:0]
			}
			run = append(run, a)
		}
		if len(run) > 0 {
			pf.Hunks = append(pf.Hunks, runHunk(run))
		}
		p.Files = append(p.Files, pf)
	}
	b := w.in.Policy.Budget
	p.OverBudget = p.WeightedLines > b.Lines || p.ReviewableFiles > b.Files
	return p
}

// adjacent reports consecutive pieces of one git hunk: in the same part
// they are shown as the one hunk they were cut from.
func (w *work) adjacent(a, b *atom) bool {
	return a.block == b.block && b.id == a.id+1
}

// runHunk lays out consecutive pieces of one git hunk as that hunk: the
// deletions of all, then the additions of all, as git writes a -U0 hunk.
// A side with no lines keeps the first piece's position.
func runHunk(run []*atom) PartHunk {
	h := run[0].partHunk()
	if len(run) == 1 {
		return h
	}
	h.OldLines, h.NewLines = 0, 0
	h.Lines = h.Lines[:0]
	for _, a := range run {
		if len(a.dels) > 0 && h.OldLines == 0 {
			h.OldStart = a.oldIdx + 1
		}
		h.OldLines += len(a.dels)
		h.Lines = append(h.Lines, a.dels...)
	}
	for _, a := range run {
		if len(a.adds) > 0 && h.NewLines == 0 {
			h.NewStart = a.newIdx + 1
		}
		h.NewLines += len(a.adds)
		h.Lines = append(h.Lines, a.adds...)
	}
	return h
}
