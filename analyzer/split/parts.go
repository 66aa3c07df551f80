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
		for x, id := range ids {
			a := w.atoms[id]
			p.ChangedLines += a.changed()
			switch {
			case a.whole:
			case x > 0 && w.adjacent(w.atoms[ids[x-1]], a):
				last := &pf.Hunks[len(pf.Hunks)-1]
				*last = joinHunks(*last, a.partHunk())
			default:
				pf.Hunks = append(pf.Hunks, a.partHunk())
			}
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

// joinHunks joins two consecutive pieces of one hunk: the deletions of
// both, then the additions of both, as git writes a -U0 hunk.
func joinHunks(a, b PartHunk) PartHunk {
	j := PartHunk{OldStart: a.OldStart, NewStart: a.NewStart, OldLines: a.OldLines + b.OldLines, NewLines: a.NewLines + b.NewLines}
	if a.OldLines == 0 {
		j.OldStart = b.OldStart
		if b.OldLines == 0 {
			j.OldStart = a.OldStart
		}
	}
	if a.NewLines == 0 {
		j.NewStart = b.NewStart
		if b.NewLines == 0 {
			j.NewStart = a.NewStart
		}
	}
	for _, h := range []PartHunk{a, b} {
		for _, l := range h.Lines {
			if l.Op == analyzer.Delete {
				j.Lines = append(j.Lines, l)
			}
		}
	}
	for _, h := range []PartHunk{a, b} {
		for _, l := range h.Lines {
			if l.Op == analyzer.Add {
				j.Lines = append(j.Lines, l)
			}
		}
	}
	return j
}
