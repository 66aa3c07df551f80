package split

import (
	"errors"
	"fmt"
	"strings"
)

// Split proposes a stack of parts for the change. Every changed line lands
// in exactly one part, and applying the parts in order to the base gives
// the head (Apply checks it). The same input always gives the same plan.
func Split(in Input) (Plan, error) {
	if err := checkInput(in); err != nil {
		return Plan{}, err
	}
	w, err := prepare(in)
	if err != nil {
		return Plan{}, err
	}
	b := in.Policy.Budget
	plan := Plan{Base: in.Change.Base, Head: in.Change.Head, Budget: Budget{Lines: b.Lines, Files: b.Files}, Parts: []Part{}}
	if len(w.atoms) == 0 {
		return plan, nil
	}
	w.describeAtoms()
	w.baseLogit = w.caseLogit()
	w.base = sigmoid(w.baseLogit)
	groups, of := w.initialGroups(w.hardLinks())
	l := w.newLinker()
	w.scoreLinks(l, groups, of)
	w.merge(groups)
	w.packMoves(groups)
	w.fold(groups)
	plan.Parts = w.stack(groups, l)
	plan.FewestParts = len(Consolidate(plan).Parts)
	return plan, nil
}

func checkInput(in Input) error {
	b := in.Policy.Budget
	if b.Lines <= 0 || b.Files <= 0 {
		return fmt.Errorf("split: the budget must be positive, got %d lines and %d files (start from size.DefaultPolicy)", b.Lines, b.Files)
	}
	seen := map[string]bool{}
	for _, f := range in.Change.Files {
		if f.Path == "" {
			return errors.New("split: a changed file has no path")
		}
		if seen[f.Path] {
			return fmt.Errorf("split: file %s is listed twice: pass the diff without rename detection (--no-renames)", f.Path)
		}
		seen[f.Path] = true
	}
	return nil
}

// stack orders the surviving groups and lays them out as parts.
func (w *work) stack(groups []*group, l *linker) []Part {
	var alive []*group
	for _, g := range groups {
		if g.alive {
			alive = append(alive, g)
		}
	}
	needs, strong := w.needs(l, alive)
	provides := map[int]bool{}
	for _, defs := range needs {
		for d := range defs {
			provides[d] = true
		}
	}
	kinds := map[int]Kind{}
	for _, g := range alive {
		kinds[g.id] = w.kindOf(g, provides[g.id])
	}
	// Docs describe code; code never builds on them, whatever names a
	// heading shares with it, so docs stay at the top of the stack, and a
	// version bump above them. Nor
	// does anything build on a reformatting or a comment edit, though the
	// comment sits on a declaration others name.
	byID := map[int]*group{}
	for _, g := range alive {
		byID[g.id] = g
	}
	for user, defs := range needs {
		for d := range defs {
			tidying := byID[d].mech == whitespaceOnly || byID[d].mech == commentOnly
			last := kinds[d] == KindDocs || kinds[d] == KindRelease
			// A dependency or toolchain part names code only in its docs
			// or comments (a README's MSRV note beside the CI bump): it
			// stays at the bottom unless an import or a type needs it up.
			settings := kinds[user] == KindDependencies && kinds[d] != KindDependencies && kinds[d] != KindVendored && !strong[user][d]
			if tidying || last && kinds[user] != kinds[d] || settings {
				delete(defs, d)
			}
		}
	}
	ordered := w.placeImports(w.order(alive, kinds, needs, strong))
	index := map[int]int{}
	for i, g := range ordered {
		index[g.id] = i + 1
	}
	facts := w.collectFacts(l, ordered)
	parts := make([]Part, len(ordered))
	titles := w.distinctTitles(ordered, kinds)
	for i, g := range ordered {
		p := w.buildPart(g)
		p.Index, p.Kind = i+1, kinds[g.id]
		p.Title = titles[i]
		p.DependsOn = dependsOn(g, needs, index)
		p.Rationale = w.rationale(g, facts[g.id], p.Kind, p.OverBudget, len(p.DependsOn) > 0)
		if later := laterNeeds(g, needs, index); len(later) > 0 {
			// A cycle: no order builds both, and the reviewer should know
			// (caddy's ech.go used fields tls.go adds, and tls.go used ech.go).
			verb := "needs"
			if len(later) > 1 {
				verb = "need"
			}
			for _, claim := range []string{"A small self-contained change", "A self-contained change"} {
				if rest, ok := strings.CutPrefix(p.Rationale, claim); ok {
					p.Rationale = "A change" + rest // not self-contained: it needs a later part
				}
			}
			p.Rationale = strings.TrimSuffix(p.Rationale, ".") + fmt.Sprintf("; it also uses %s, later in the stack, which %s it in turn through a cycle of uses, %s.", PartRefs(later), verb, CycleNote)
		}
		parts[i] = p
	}
	return parts
}

// distinctTitles names the parts so that a reviewer can tell the pull
// requests apart. Parts that read alike by the names they change (31
// locale files, each adding the same functions) are named by their files
// instead when that tells them apart; what still reads alike is numbered.
func (w *work) distinctTitles(ordered []*group, kinds map[int]Kind) []string {
	titles := make([]string, len(ordered))
	count := map[string]int{}
	for i, g := range ordered {
		titles[i] = printable(w.title(g, kinds[g.id]))
		count[titles[i]]++
	}
	byFiles := map[int]string{}
	altCount := map[string]int{}
	for i, g := range ordered {
		if count[titles[i]] == 1 {
			continue
		}
		switch kinds[g.id] {
		case KindProvider, KindConsumer:
			if w.moveTitle(g) == "" {
				byFiles[i] = printable(w.titleByFiles(g))
			}
		case KindDocs:
			// Docs are named by base names: two page.tsx need their paths.
			byFiles[i] = printable("Update docs: " + listNames(w.groupFiles(g), 3))
		}
		if alt, ok := byFiles[i]; ok {
			altCount[alt]++
		}
	}
	for i, alt := range byFiles {
		if altCount[alt] == 1 && count[alt] == 0 {
			titles[i] = alt
		}
	}
	seen := map[string]int{}
	for i := range titles {
		if seen[titles[i]]++; seen[titles[i]] > 1 {
			titles[i] += fmt.Sprintf(" (%d)", seen[titles[i]])
		}
	}
	return titles
}

// CycleNote ends the rationale of a part that uses a later part: parts in
// a cycle of uses do not build one on another, and a reader of the stack
// is told so.
const CycleNote = "so they build only together"
