package split

import (
	"github.com/mvcbot/mvc/analyzer/size"
	"math"
	"slices"
)

// affinity is the average probability that a line pair across g and h
// belongs together.
func affinity(g, h *group, links map[int]float64, base float64) float64 {
	return base + links[h.id]/float64(g.lines*h.lines)
}

// fits says whether g and h together stay within the budget.
func (w *work) fits(g, h *group) bool {
	b := w.in.Policy.Budget
	if roundHalfUp(g.weight+h.weight) > b.Lines {
		return false
	}
	n := g.reviewable(w)
	for f := range h.files {
		if !g.files[f] && w.files[f].reviewable {
			n++
		}
	}
	return n <= b.Files
}

func roundHalfUp(v float64) int { return int(math.Floor(v + 0.5 + 1e-9)) }

// candidate is a possible merge, valid while neither group has changed.
// A candidate marked more stands for the rest of a group's queue: it sits
// where the first of them would, and when it comes up the next batch of
// them is queued.
type candidate struct {
	score  float64
	a, b   int
	va, vb int // the groups' versions when scored
	more   bool
	owner  int // for more: the group whose queue it continues, its version, and where
	ov     int
	next   int
}

// mergeHeap is a max-heap of candidates by score, ties broken by ids so
// merges happen in the same order on every run. It is typed rather than
// container/heap's interface, which boxes every push.
type mergeHeap []candidate

func (h mergeHeap) before(i, j int) bool { return compareCandidates(h[i], h[j]) < 0 }

// compareCandidates orders candidates best first: by score, then by ids.
func compareCandidates(x, y candidate) int {
	switch {
	case x.score != y.score:
		if x.score > y.score {
			return -1
		}
		return 1
	case x.a != y.a:
		return x.a - y.a
	}
	return x.b - y.b
}

func (h *mergeHeap) push(c candidate) {
	*h = append(*h, c)
	for i := len(*h) - 1; i > 0; {
		parent := (i - 1) / 2
		if !h.before(i, parent) {
			break
		}
		(*h)[i], (*h)[parent] = (*h)[parent], (*h)[i]
		i = parent
	}
}

func (h *mergeHeap) pop() candidate {
	old := *h
	top := old[0]
	last := len(old) - 1
	old[0] = old[last]
	*h = old[:last]
	for i := 0; ; {
		l, r, best := 2*i+1, 2*i+2, i
		if l < last && h.before(l, best) {
			best = l
		}
		if r < last && h.before(r, best) {
			best = r
		}
		if best == i {
			break
		}
		(*h)[i], (*h)[best] = (*h)[best], (*h)[i]
		i = best
	}
	return top
}

// merge joins groups greedily, the most related pair first (the highest
// average pair probability), when the merge raises the expected agreement
// with the author's grouping and the result fits the budget. It never
// aims at a number of parts: the evidence and the budget decide.
func (w *work) merge(groups []*group) {
	ag := w.newAgreement(groups)
	version := make([]int, len(groups))
	h := &mergeHeap{}
	// Each group keeps its candidates sorted and queues them a batch at a
	// time: most are outdated by the next merge before they come up, and
	// queueing them all made merging most of the time of a large split.
	queued := make([][]candidate, len(groups))
	queueBatch := func(id, from int) {
		list := queued[id]
		to := min(from+mergeBatch, len(list))
		for _, c := range list[from:to] {
			h.push(c)
		}
		if to < len(list) {
			rest := list[to]
			rest.more, rest.owner, rest.ov, rest.next = true, id, version[id], to
			h.push(rest)
		}
	}
	push := func(g *group, onlyAbove bool) {
		floor := 0.95 * min(ag.price(), 0.5) // a margin for the first-order estimate
		list := queued[g.id][:0]
		for k := range g.links {
			o := groups[k]
			if onlyAbove && k < g.id {
				continue // the first pass queues each pair once
			}
			if s := affinity(g, o, g.links, w.base); s >= floor {
				a, b := min(g.id, o.id), max(g.id, o.id)
				list = append(list, candidate{score: s, a: a, b: b, va: version[a], vb: version[b]})
			}
		}
		slices.SortFunc(list, compareCandidates)
		queued[g.id] = list
		queueBatch(g.id, 0)
	}
	for _, g := range groups {
		push(g, true)
	}
	for len(*h) > 0 {
		c := h.pop()
		if c.more {
			if groups[c.owner].alive && version[c.owner] == c.ov {
				queueBatch(c.owner, c.next)
			}
			continue
		}
		ga, gb := groups[c.a], groups[c.b]
		if !ga.alive || !gb.alive || version[c.a] != c.va || version[c.b] != c.vb || !w.fits(ga, gb) || (ga.mech == moved) != (gb.mech == moved) {
			// A move stays a pure move, as the issue asks of the
			// mechanical class: the pair odds keep most edits off it,
			// but a move of 130 files outweighs them.
			continue
		}
		next := ag.merged(ga, gb)
		if next.ari() <= ag.ari() {
			continue
		}
		ga.absorb(gb, groups)
		ag = next
		version[c.a]++
		push(ga, false)
	}
}

// mergeBatch is how many of a group's candidates are queued at once.
const mergeBatch = 8

// A part is tiny, not worth its own pull request (another CI run, another
// rebase), under foldLines changed lines. In a small change a few lines
// are a real share of the work, so the limit shrinks to foldShare of the
// change: on the benchmark, folding whole small commits away cost more
// than it saved (1% rather than 2% of the change: line ARI +0.003 on
// average over ten repositories, and no repository lost), so the full
// 10 lines apply from 1,000 changed lines up.
const (
	foldLines = 10
	foldShare = 0.01
)

// fold merges each tiny group into the neighbour it is most related to,
// mechanical or not, when one fits the budget; never into vendored code.
// A group nothing links to goes to the group of the nearest file by path.
func (w *work) fold(groups []*group) {
	stuck := map[int]bool{}
	total := 0
	for _, g := range groups {
		total += g.lines
	}
	tiny := min(foldLines, foldShare*float64(total))
	for {
		t := w.smallestTiny(groups, stuck, tiny)
		if t == nil {
			return
		}
		target := w.foldTarget(t, groups, false)
		if target == nil {
			target = w.pathNeighbour(t, groups, false)
		}
		if target == nil && !w.dependencyOnly(t) {
			// A dependency bump is a pull request of its own however
			// small (a two-line bot update is one); a code edit goes
			// where it can.
			target = w.foldTarget(t, groups, true)
			if target == nil {
				target = w.pathNeighbour(t, groups, true)
			}
		}
		if target == nil {
			stuck[t.id] = true // nothing fits: it stays a small part
			continue
		}
		if target.id < t.id {
			target.absorb(t, groups)
		} else {
			t.absorb(target, groups)
		}
	}
}

// smallestTiny finds the smallest group to fold. A group of changesets
// alone is folded whatever its size: a release note is never a pull
// request of its own, it goes with the code it describes. So is a file or
// two without a changed line (an image, a mode change, an empty file): it
// costs its neighbour nothing to review. More such files are a part of
// their own (ex_doc's eleven rebuilt bundles and fonts went into a part of
// 400 lines of tests, and named it). Vendored code is never folded into
// the change's own.
func (w *work) smallestTiny(groups []*group, stuck map[int]bool, tiny float64) *group {
	var best *group
	for _, g := range groups {
		small := float64(g.lines) < tiny || w.onlyChangesets(g) || len(g.files) <= maxLinelessFold && w.lineless(g)
		if g.alive && !stuck[g.id] && small && g.mech != vendored && (best == nil || g.lines < best.lines) {
			best = g
		}
	}
	return best
}

// maxLinelessFold is how many files without a changed line still fold.
const maxLinelessFold = 2

// lineless reports whether none of g's atoms changes a line of text.
func (w *work) lineless(g *group) bool {
	for _, id := range g.atoms {
		if w.atoms[id].counted() > 0 {
			return false
		}
	}
	return true
}

// foldTarget picks, among the groups t has any link with, the one with the
// highest affinity counting mechanical links. Unless anyKind, a group of
// only dependency and build files takes only its like: a tiny code edit
// that has often changed with go.mod (gin's validator error text) is not
// a dependency update, and folding it in made the bump a part titled
// "Change Error" in the middle of the stack.
func (w *work) foldTarget(t *group, groups []*group, anyKind bool) *group {
	codeIntoDeps := func(g *group) bool { return !anyKind && w.mixesDependencies(g, t) }
	var best *group
	bestScore := math.Inf(-1)
	consider := func(id int) {
		g := groups[id]
		if !g.alive || g == t || !keepsKind(g, t) || !w.fits(g, t) || codeIntoDeps(g) {
			return
		}
		s := (t.links[id] + t.foldLinks[id]) / float64(g.lines*t.lines)
		if s > bestScore || s == bestScore && g.id < best.id {
			best, bestScore = g, s
		}
	}
	for id := range t.links {
		consider(id)
	}
	for id := range t.foldLinks {
		consider(id)
	}
	return best
}

// mixesDependencies says whether joining g and t would mix a group of
// only dependency and build files with code.
func (w *work) mixesDependencies(g, t *group) bool {
	return w.dependencyOnly(g) && w.holdsCode(t) || w.dependencyOnly(t) && w.holdsCode(g)
}

// holdsCode says whether g changes code or tests other than build files.
func (w *work) holdsCode(g *group) bool {
	for f := range g.files {
		if fi := &w.files[f]; (fi.class == size.Code || fi.class == size.Test) && !isInfra(fi.Path) {
			return true
		}
	}
	return false
}

// keepsKind says whether folding t into g leaves g what it was: vendored
// code takes nothing, and a move takes only moves, so it still reads as a
// pure move (swr's 131-file test move took a re-indented import and was
// titled "Change Page, Section, RemoteData and 65 more").
func keepsKind(g, t *group) bool {
	switch g.mech {
	case vendored:
		return false
	case moved:
		return t.mech == moved
	}
	return true
}

// pathNeighbour finds, for a group nothing links to, the group holding
// the nearest file in path order that fits.
func (w *work) pathNeighbour(t *group, groups []*group, anyKind bool) *group {
	owner := make([]*group, len(w.files))
	for _, g := range groups {
		if g.alive && g != t && keepsKind(g, t) && (anyKind || !w.mixesDependencies(g, t)) {
			for f := range g.files {
				owner[f] = g
			}
		}
	}
	first := len(w.files)
	for f := range t.files {
		first = min(first, f)
	}
	for d := 1; d < len(w.files); d++ {
		for _, f := range []int{first - d, first + d} {
			if f >= 0 && f < len(w.files) && owner[f] != nil && w.fits(owner[f], t) {
				return owner[f]
			}
		}
	}
	return nil
}
