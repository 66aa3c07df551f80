package split

import (
	"sort"
)

// group is a candidate part: atoms that will ship together.
type group struct {
	id     int
	atoms  []int
	lines  int // changed lines, the unit of the pair average
	weight float64
	files  map[int]bool
	mech   mechanical // the kind all its atoms share, or notMechanical
	alive  bool
	// links holds, per neighbouring group, the sum over line pairs of
	// (pair probability - base probability): enough to get the average
	// pair probability between any two groups without visiting the pairs
	// that have no evidence.
	links map[int]float64
	// foldLinks holds what the links would be without keeping mechanical
	// edits apart: the affinity used to fold a tiny group into a neighbour.
	foldLinks map[int]float64
}

// reviewable counts the group's code, test and docs files.
func (g *group) reviewable(w *work) int {
	n := 0
	for f := range g.files {
		if w.files[f].reviewable {
			n++
		}
	}
	return n
}

// initialGroups turns the hard-linked sets of atoms into groups.
func (w *work) initialGroups(u *unionFind) ([]*group, []int) {
	byRoot := map[int]*group{}
	var groups []*group
	of := make([]int, len(w.atoms))
	for _, a := range w.atoms {
		root := u.find(a.id)
		g := byRoot[root]
		if g == nil {
			g = &group{id: len(groups), files: map[int]bool{}, alive: true, links: map[int]float64{}, foldLinks: map[int]float64{}, mech: a.mech}
			byRoot[root] = g
			groups = append(groups, g)
		}
		g.add(a)
		of[a.id] = g.id
	}
	return groups, of
}

func (g *group) add(a *atom) {
	g.atoms = append(g.atoms, a.id)
	g.lines += a.lines
	g.weight += a.weight
	g.files[a.file] = true
	if a.mech != g.mech {
		g.mech = notMechanical
	}
}

// absorb moves h into g, links included.
func (g *group) absorb(h *group, groups []*group) {
	mergeLinks(g, h, groups, func(x *group) map[int]float64 { return x.links })
	mergeLinks(g, h, groups, func(x *group) map[int]float64 { return x.foldLinks })
	g.atoms = append(g.atoms, h.atoms...)
	sort.Ints(g.atoms)
	g.lines += h.lines
	g.weight += h.weight
	for f := range h.files {
		g.files[f] = true
	}
	if g.mech != h.mech {
		g.mech = notMechanical
	}
	h.alive = false
}

// scoreLinks fills the groups' links from every scored atom pair.
func (w *work) scoreLinks(l *linker, groups []*group, of []int) {
	byFile := make([][]int, len(w.files))
	for fi := range w.files {
		byFile[fi] = w.files[fi].atoms
	}
	for k, fl := range l.files {
		fi, fj := k[0], k[1]
		for x, a := range byFile[fi] {
			others := byFile[fj]
			if fi == fj {
				others = others[x+1:]
			}
			for _, b := range others {
				ga, gb := of[a], of[b]
				if ga == gb {
					continue
				}
				p := w.pairProbability(l, fl, w.atoms[a], w.atoms[b])
				apart := groups[ga].mech != groups[gb].mech
				d := float64(w.atoms[a].lines*w.atoms[b].lines) * (p - w.base)
				// A mechanical group (formatting, comments, moves, a sweep)
				// goes only with mechanical groups of its kind.
				if apart {
					groups[ga].foldLinks[gb] += d
					groups[gb].foldLinks[ga] += d
					d = -float64(w.atoms[a].lines*w.atoms[b].lines) * w.base
				}
				groups[ga].links[gb] += d
				groups[gb].links[ga] += d
			}
		}
	}
}

// pairProbability is the chance two atoms' lines belong together.
func (w *work) pairProbability(l *linker, fl *fileLink, a, b *atom) float64 {
	f := w.pairFeatures(l, fl, a, b)
	return sigmoid(f.logit(w.baseLogit))
}

// mergeLinks moves h's links of one kind into g and repoints its
// neighbours.
func mergeLinks(g, h *group, groups []*group, links func(*group) map[int]float64) {
	gl, hl := links(g), links(h)
	delete(gl, h.id)
	for k, v := range hl {
		if k == g.id {
			continue
		}
		gl[k] += v
		kl := links(groups[k])
		kl[g.id] += v
		delete(kl, h.id)
	}
	clear(hl)
}
