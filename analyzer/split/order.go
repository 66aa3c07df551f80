package split

import (
	"slices"
	"sort"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// kindRank orders parts of different kinds when nothing else does.
var kindRank = map[Kind]int{
	KindDependencies: 0, KindVendored: 0, KindMechanical: 1, KindProvider: 2, KindConsumer: 3, KindDocs: 4, KindRelease: 5,
}

// needs returns, per group, the groups whose declarations it uses, and
// the groups that create a file it goes on to edit. A use found by a
// shared name alone yields to resolved ones: when the groups it would
// order already need each other the other way by resolved uses (an
// import, a type, a manifest, a new distinctive name), the shared name is
// most likely two local names that agree (zod's bench scripts and the
// harness they import declared names alike).
func (w *work) needs(l *linker, groups []*group) (all, strong map[int]map[int]bool) {
	strong, weak := w.groupUses(l, groups)
	all = map[int]map[int]bool{}
	for user, defs := range strong {
		for def := range defs {
			addNeed(all, user, def)
		}
	}
	for user, defs := range weak {
		for def := range defs {
			if !reaches(strong, def, user) {
				addNeed(all, user, def)
			}
		}
	}
	return all, strong
}

// groupUses lifts the atoms' uses to the groups: resolved ones (and a new
// file's later pieces needing its first) in strong, those found by a
// shared name alone in weak.
func (w *work) groupUses(l *linker, groups []*group) (strong, weak map[int]map[int]bool) {
	owner := map[int]int{}
	for _, g := range groups {
		if g.alive {
			for _, id := range g.atoms {
				owner[id] = g.id
			}
		}
	}
	strong, weak = map[int]map[int]bool{}, map[int]map[int]bool{}
	for k := range l.uses {
		// A name vendored code shares with the change's own code is
		// most often a coincidence among its thousands of declarations:
		// the vendored part goes first by its kind, and depends on
		// nothing.
		if w.atoms[k[0]].mech == vendored || w.atoms[k[1]].mech == vendored {
			continue
		}
		if l.resolved[k] > byName {
			addNeed(strong, owner[k[0]], owner[k[1]])
		} else {
			addNeed(weak, owner[k[0]], owner[k[1]])
		}
	}
	for _, f := range w.files {
		if f.Status == analyzer.Added && len(f.atoms) > 1 {
			for _, id := range f.atoms[1:] {
				addNeed(strong, owner[id], owner[f.atoms[0]])
			}
		}
	}
	return strong, weak
}

func addNeed(needs map[int]map[int]bool, user, def int) {
	if user == def {
		return
	}
	if needs[user] == nil {
		needs[user] = map[int]bool{}
	}
	needs[user][def] = true
}

// reaches says whether from needs to, directly or through other groups.
func reaches(needs map[int]map[int]bool, from, to int) bool {
	seen := map[int]bool{from: true}
	stack := []int{from}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for d := range needs[g] {
			if d == to {
				return true
			}
			if !seen[d] {
				seen[d] = true
				stack = append(stack, d)
			}
		}
	}
	return false
}

// kindOf says what role a group plays in the stack.
func (w *work) kindOf(g *group, provides bool) Kind {
	if g.mech == vendored {
		return KindVendored
	}
	if _, ok := w.releaseVersions(g); ok {
		return KindRelease
	}
	deps, docs := w.dependencyOnly(g) || w.adaptsToBump(g), true
	for f := range g.files {
		docs = docs && w.files[f].class == size.Docs
	}
	switch {
	case deps && g.mech != moved:
		// A version pinned the same way in three requirements files is
		// a dependency update before it is a sweep; a moved build file
		// is still a move.
		return KindDependencies
	case g.mech != notMechanical:
		return KindMechanical
	case docs:
		return KindDocs
	case provides:
		return KindProvider
	}
	return KindConsumer
}

// adaptsToBump says whether g is a dependency bump with a little code
// that follows it (svelte's vitest upgrade and the four lines of its test
// environment that the new version needs): a dependency part, named by
// what it bumps.
func (w *work) adaptsToBump(g *group) bool {
	code, infra := 0, false
	for _, id := range g.atoms {
		a := w.atoms[id]
		fi := &w.files[a.file]
		switch {
		case fi.class == size.Lockfile || isInfra(fi.Path):
			infra = true
		case fi.class == size.Code || fi.class == size.Test:
			code += a.counted()
		}
	}
	return infra && code > 0 && code <= max(adaptLines, g.lines/10) && len(w.updatedDependencies(g, analyzer.Add)) > 0
}

// adaptLines is how many lines of code a dependency part may hold to adapt
// to what it bumps, beyond a tenth of the part.
const adaptLines = 20

// dependencyOnly says whether g is dependency and build files, with or
// without the docs that announce them: a toolchain bump is the MSRV in CI
// and in the READMEs. At least one file must be a dependency or build file.
func (w *work) dependencyOnly(g *group) bool {
	deps, infra := true, false
	for f := range g.files {
		fi := &w.files[f]
		isDep := fi.class == size.Lockfile || isInfra(fi.Path)
		deps = deps && (isDep || fi.class == size.Docs)
		infra = infra || isDep
	}
	return deps && infra
}

// order sorts the groups into a stack: a group comes after every group it
// needs, and otherwise by kind (dependencies, mechanical, providers,
// consumers, docs), tests after code of the same kind, then by its first
// path. Groups that need each other in a cycle go together, in that same
// order, where the first of them would go: taking whatever group was ready
// instead let docs jump ahead of a cycle of code parts.
func (w *work) order(groups []*group, kinds map[int]Kind, needs, strong map[int]map[int]bool) []*group {
	firstPath := func(g *group) string {
		p := "\xff"
		for f := range g.files {
			p = min(p, w.files[f].Path)
		}
		return p
	}
	testsOnly := map[int]bool{}
	for _, g := range groups {
		testsOnly[g.id] = w.onlyTests(g)
	}
	less := func(a, b *group) bool {
		if kindRank[kinds[a.id]] != kindRank[kinds[b.id]] {
			return kindRank[kinds[a.id]] < kindRank[kinds[b.id]]
		}
		if testsOnly[a.id] != testsOnly[b.id] {
			return !testsOnly[a.id] // tests check code: after it, whatever their paths
		}
		if pa, pb := firstPath(a), firstPath(b); pa != pb {
			return pa < pb
		}
		return a.id < b.id
	}
	sorted := slices.Clone(groups)
	slices.SortFunc(sorted, func(a, b *group) int {
		if less(a, b) {
			return -1
		}
		if less(b, a) {
			return 1
		}
		return 0
	})
	comps := cycles(sorted, needs) // each component's members stay in sorted order
	compOf := map[int]int{}
	for c, members := range comps {
		for _, g := range members {
			compOf[g.id] = c
		}
	}
	// A component is ready when every group its members need outside it
	// is placed; the first ready one in sorted order goes next.
	placed := make([]bool, len(comps))
	ready := func(c int) bool {
		for _, g := range comps[c] {
			for d := range needs[g.id] {
				if dc, ok := compOf[d]; ok && dc != c && !placed[dc] {
					return false
				}
			}
		}
		return true
	}
	var out []*group
	for len(out) < len(groups) {
		next := -1
		for _, g := range sorted { // components by their first member
			if c := compOf[g.id]; !placed[c] && ready(c) {
				next = c
				break
			}
		}
		placed[next] = true
		out = append(out, breakCycle(comps[next], needs, strong)...)
	}
	return out
}

// breakCycle orders the groups of one cycle: each time, the one that
// needs the fewest of those still to come, a resolved use (an import)
// counting as more than any number of shared names; ties keep the order
// given. No order builds a cycle; this one breaks the fewest imports.
func breakCycle(comp []*group, needs, strong map[int]map[int]bool) []*group {
	if len(comp) < 2 {
		return comp
	}
	left := map[int]bool{}
	for _, g := range comp {
		left[g.id] = true
	}
	out := make([]*group, 0, len(comp))
	for len(out) < len(comp) {
		var best *group
		bestCost := 0
		for _, g := range comp {
			if !left[g.id] {
				continue
			}
			cost := 0
			for d := range needs[g.id] {
				if left[d] {
					cost++
					if strong[g.id][d] {
						cost += len(comp) * len(comp)
					}
				}
			}
			if best == nil || cost < bestCost {
				best, bestCost = g, cost
			}
		}
		left[best.id] = false
		out = append(out, best)
	}
	return out
}

// cycles returns the strongly connected components of the needs graph
// (Tarjan's algorithm), each listing its groups in the order of sorted.
// The condensed graph has no cycle, so some component is always ready.
func cycles(sorted []*group, needs map[int]map[int]bool) [][]*group {
	byID := map[int]*group{}
	rank := map[int]int{}
	for i, g := range sorted {
		byID[g.id], rank[g.id] = g, i
	}
	index, low := map[int]int{}, map[int]int{}
	onStack := map[int]bool{}
	var stack []int
	var comps [][]*group
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = len(index), len(index)
		stack = append(stack, v)
		onStack[v] = true
		deps := make([]int, 0, len(needs[v]))
		for d := range needs[v] {
			if _, ok := byID[d]; ok {
				deps = append(deps, d)
			}
		}
		slices.Sort(deps)
		for _, d := range deps {
			if _, seen := index[d]; !seen {
				visit(d)
				low[v] = min(low[v], low[d])
			} else if onStack[d] {
				low[v] = min(low[v], index[d])
			}
		}
		if low[v] != index[v] {
			return
		}
		var comp []*group
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[top] = false
			comp = append(comp, byID[top])
			if top == v {
				break
			}
		}
		slices.SortFunc(comp, func(a, b *group) int { return rank[a.id] - rank[b.id] })
		comps = append(comps, comp)
	}
	for _, g := range sorted {
		if _, seen := index[g.id]; !seen {
			visit(g.id)
		}
	}
	return comps
}

// onlyTests reports whether every file of g is a test or a fixture.
func (w *work) onlyTests(g *group) bool {
	for f := range g.files {
		if w.files[f].class != size.Test {
			return false
		}
	}
	return len(g.files) > 0
}

// laterNeeds lists the later parts a part needs, by index: only parts
// that need each other in a cycle have any.
func laterNeeds(g *group, needs map[int]map[int]bool, index map[int]int) []int {
	var out []int
	for d := range needs[g.id] {
		if index[d] > index[g.id] {
			out = append(out, index[d])
		}
	}
	sort.Ints(out)
	return out
}

// dependsOn lists the earlier parts a part needs, by index.
func dependsOn(g *group, needs map[int]map[int]bool, index map[int]int) []int {
	deps := []int{}
	for d := range needs[g.id] {
		if index[d] < index[g.id] {
			deps = append(deps, index[d])
		}
	}
	sort.Ints(deps)
	return deps
}
