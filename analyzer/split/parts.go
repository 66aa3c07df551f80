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
		for _, id := range ids {
			a := w.atoms[id]
			p.ChangedLines += a.changed()
			if !a.whole {
				pf.Hunks = append(pf.Hunks, a.partHunk())
			}
		}
		p.Files = append(p.Files, pf)
	}
	b := w.in.Policy.Budget
	p.OverBudget = p.WeightedLines > b.Lines || p.ReviewableFiles > b.Files
	return p
}
