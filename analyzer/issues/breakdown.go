package issues

import (
	"fmt"
	"regexp"
	"strings"
)

// breakdown proposes the smaller issues to ship an oversized one in, each
// meant to be one MVC, in an order where every step comes after the steps
// it depends on:
//
//   - every open child is already an issue: it is a step of its own;
//   - unchecked tasks are grouped into steps of at most limit items, never
//     mixing two Markdown headings, and never separating an item from the
//     items nested under it, nor from an adjacent item that only adds its
//     tests or docs ("Tests for the parser" after "Parser");
//   - foundation work (set-up, refactoring, migrations, schemas) gets
//     steps of its own, first, and every other task step depends on them:
//     the rest usually builds on it, and a refactor reviewed on its own is
//     a small change where one mixed with features is not;
//   - a child blocked by another child depends on that child's step.
//
// These are word lists and the author's own layout, not understanding:
// the proposal is a starting point for the author to edit.
func breakdown(g *Graph, is Issue, w work, limit int) []Step {
	var foundations, others []Step
	for _, s := range sections(w) {
		f, rest := partition(s.atoms, isFoundation)
		fchunks := pack(f, limit)
		chunks := append(fchunks, pack(rest, limit)...)
		for k, chunk := range chunks {
			step := Step{Title: stepTitle(is.Title, s.heading, chunk, k, len(chunks))}
			for _, it := range chunk {
				step.Tasks = append(step.Tasks, it.Text)
			}
			if k < len(fchunks) {
				foundations = append(foundations, step)
			} else {
				others = append(others, step)
			}
		}
	}
	steps := foundations
	first := len(steps) // the index of the first child step
	for _, c := range w.children {
		child, _ := g.Issue(c)
		steps = append(steps, Step{Title: titleOf(child), Issue: c})
	}
	for k := first; k < len(steps); k++ {
		for _, e := range g.EdgesFrom(steps[k].Issue) {
			if j := stepOf(steps[first:], e.To); e.Kind == BlockedBy && j >= 0 {
				steps[k].DependsOn = append(steps[k].DependsOn, first+j)
			}
		}
	}
	for _, s := range others {
		for j := range foundations {
			s.DependsOn = append(s.DependsOn, j)
		}
		steps = append(steps, s)
	}
	return inDependencyOrder(steps)
}

func titleOf(is Issue) string {
	if is.Title == "" {
		return fmt.Sprintf("#%d", is.Number)
	}
	return is.Title
}

func stepOf(steps []Step, issue int) int {
	for k, s := range steps {
		if s.Issue == issue {
			return k
		}
	}
	return -1
}

// section is the unchecked tasks under one Markdown heading, as atoms:
// items that must stay in one step.
type section struct {
	heading string
	atoms   [][]item
}

// sections groups an issue's unchecked tasks by heading, in body order,
// and within a heading into atoms: a top-level item with the items nested
// under it, joined by an adjacent item that only adds tests or docs.
func sections(w work) []section {
	var out []section
	lastRoot := -1 // the atom at the end of the current section
	for _, it := range w.tasks {
		if len(out) == 0 || out[len(out)-1].heading != it.Heading {
			out = append(out, section{heading: it.Heading})
			lastRoot = -1
		}
		s := &out[len(out)-1]
		root := it.Root
		switch {
		case root == lastRoot:
			s.atoms[len(s.atoms)-1] = append(s.atoms[len(s.atoms)-1], it)
		case len(s.atoms) > 0 && qualifier.MatchString(it.Text):
			s.atoms[len(s.atoms)-1] = append(s.atoms[len(s.atoms)-1], it)
		default:
			s.atoms = append(s.atoms, []item{it})
		}
		lastRoot = root
	}
	return out
}

var (
	// qualifier: an item that only adds tests or docs to the one before.
	qualifier = regexp.MustCompile(`(?i)^\W*(?:(?:add|write|update|more|and)\s+)?(?:unit\s+|integration\s+|e2e\s+|end-to-end\s+)?(?:tests?|testing|docs?|documentation|document|readme|changelog)\b`)
	// foundation: work others build on.
	foundation = regexp.MustCompile(`(?i)\b(?:set[\s-]?up|refactor\w*|migrat\w*|schemas?|scaffold\w*)\b`)
)

func isFoundation(atom []item) bool {
	for _, it := range atom {
		if foundation.MatchString(it.Text) {
			return true
		}
	}
	return false
}

// partition splits atoms into those matching and the others, keeping order.
func partition(atoms [][]item, match func([]item) bool) (yes, no [][]item) {
	for _, a := range atoms {
		if match(a) {
			yes = append(yes, a)
		} else {
			no = append(no, a)
		}
	}
	return yes, no
}

// pack fills chunks of at most limit items with whole atoms, in order; an
// atom larger than limit is cut into pieces of limit.
func pack(atoms [][]item, limit int) [][]item {
	var chunks [][]item
	var cur []item
	for _, a := range atoms {
		if len(cur)+len(a) > limit && len(cur) > 0 {
			chunks, cur = append(chunks, cur), nil
		}
		for len(a) > limit {
			chunks, a = append(chunks, a[:limit]), a[limit:]
		}
		cur = append(cur, a...)
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}
	return chunks
}

// stepTitle names a proposed step after its parent issue and its heading
// (numbered when the heading yields several steps) or, without a heading,
// its first task: short, and the same for the same input.
func stepTitle(parent, heading string, chunk []item, k, n int) string {
	label := heading
	switch {
	case heading == "":
		label = shorten(chunk[0].Text, 50)
	case n > 1:
		label = fmt.Sprintf("%s (%d/%d)", shorten(heading, 40), k+1, n)
	default:
		label = shorten(heading, 50)
	}
	if parent = shorten(parent, 40); parent == "" {
		return label
	}
	return parent + ": " + label
}

// shorten cuts s to at most n runes, marking the cut with "…".
func shorten(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}
