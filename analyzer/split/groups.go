package split

import (
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
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

// scoreLinks fills the groups' links from every scored atom pair. Scoring
// is most of a large split's work and each file pair is independent, so
// file pairs are scored in parallel, a chunk at a time; the sums are then
// added in the file pairs' order, so the same input always gives the same
// floating-point links.
func (w *work) scoreLinks(l *linker, groups []*group, of []int) {
	keys := make([][2]int, 0, len(l.files))
	for k := range l.files {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	rate := w.sampleRate(keys)
	workers := max(1, min(runtime.GOMAXPROCS(0), maxScoreWorkers))
	results := make([][]scoredPair, min(len(keys), scoreChunk))
	for start := 0; start < len(keys); start += scoreChunk {
		chunk := keys[start:min(start+scoreChunk, len(keys))]
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(workers, len(chunk)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := int(next.Add(1)) - 1; i < len(chunk); i = int(next.Add(1)) - 1 {
					results[i] = w.scoreFilePair(l, chunk[i], groups, of, rate, results[i][:0])
				}
			}()
		}
		wg.Wait()
		for i := range chunk {
			for _, s := range results[i] {
				if s.apart {
					groups[s.ga].foldLinks[s.gb] += s.fold
					groups[s.gb].foldLinks[s.ga] += s.fold
				}
				groups[s.ga].links[s.gb] += s.d
				groups[s.gb].links[s.ga] += s.d
			}
		}
	}
}

// maxScoredPairs bounds the atom pairs a split scores. A 1,000-file,
// 21,554-line change has 2.3 million, the largest benchmark case 0.12
// million; a 2,844-file, 479,000-line import had 100 million, most of a
// minute and more than a gigabyte. Past the bound, each file pair scores
// an even sample of its atom pairs, each standing for the pairs it was
// drawn from: the links are estimates, still adding up to the same
// expected sums. File pairs with few atom pairs are scored in full.
const maxScoredPairs = 4_000_000

// sampleRate is the share of each file pair's atom pairs to score.
func (w *work) sampleRate(keys [][2]int) float64 {
	total := 0
	for _, k := range keys {
		total += atomPairs(len(w.files[k[0]].atoms), len(w.files[k[1]].atoms), k[0] == k[1])
	}
	if total <= maxScoredPairs {
		return 1
	}
	return float64(maxScoredPairs) / float64(total)
}

// atomPairs counts the atom pairs of two files, or of a file with itself.
func atomPairs(a, b int, same bool) int {
	if same {
		return a * (a - 1) / 2
	}
	return a * b
}

// scoreChunk file pairs are scored between two accumulations, which bounds
// the memory of the scores in flight; maxScoreWorkers bounds the cores used.
const (
	scoreChunk      = 512
	maxScoreWorkers = 4
)

// scoredPair is what one atom pair adds to the links of its two groups.
type scoredPair struct {
	ga, gb  int
	d, fold float64 // fold: what d would be without keeping mechanical edits apart
	apart   bool
}

// scoreFilePair scores the atom pairs of one pair of files (a file with
// itself included) whose atoms are in different groups: all of them, or
// an even share rate of them, each weighing for the pairs it stands for.
func (w *work) scoreFilePair(l *linker, k [2]int, groups []*group, of []int, rate float64, out []scoredPair) []scoredPair {
	fl := l.files[k]
	fi, fj := k[0], k[1]
	step := 1.0 // score every step-th pair, weighing step pairs
	if m := float64(atomPairs(len(w.files[fi].atoms), len(w.files[fj].atoms), fi == fj)); rate < 1 && m > 0 {
		step = m / math.Ceil(m*rate)
	}
	t, next := 0.0, 0.0
	for x, a := range w.files[fi].atoms {
		others := w.files[fj].atoms
		if fi == fj {
			others = others[x+1:]
		}
		for _, b := range others {
			if t++; t-1 < next {
				continue
			}
			next += step
			ga, gb := of[a], of[b]
			if ga == gb {
				continue
			}
			p := w.pairProbability(l, fl, w.atoms[a], w.atoms[b])
			n := step * float64(w.atoms[a].lines*w.atoms[b].lines)
			s := scoredPair{ga: ga, gb: gb, d: n * (p - w.base)}
			// A mechanical group (formatting, comments, moves, a sweep)
			// goes only with mechanical groups of its kind.
			if groups[ga].mech != groups[gb].mech {
				s.fold, s.d, s.apart = s.d, -n*w.base, true
			}
			out = append(out, s)
		}
	}
	return out
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
